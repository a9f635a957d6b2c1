package dev.gatehouse.kube.authz;

import dev.gatehouse.kube.authn.UserInfo;
import dev.gatehouse.kube.request.RequestInfo;
import java.util.Set;

/**
 * Everyone may read the version and health endpoints (kube-apiserver's bootstrap
 * {@code system:public-info-viewer} binding) and the service-account issuer discovery documents, so relying
 * parties can fetch keys without credentials.
 */
public final class PublicInfoAuthorizer implements Authorizer {
  static final Set<String> PATHS = Set.of("/version", "/version/", "/healthz", "/livez", "/readyz",
      "/.well-known/openid-configuration", "/openid/v1/jwks");

  @Override
  public Decision authorize(UserInfo user, RequestInfo request) {
    if (!request.resourceRequest() && request.verb().equals("get") && PATHS.contains(request.path())) {
      return Decision.allow("public info");
    }
    return Decision.noOpinion("");
  }
}
