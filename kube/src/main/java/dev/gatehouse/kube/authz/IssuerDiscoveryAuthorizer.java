package dev.gatehouse.kube.authz;

import dev.gatehouse.kube.authn.UserInfo;
import dev.gatehouse.kube.request.RequestInfo;
import java.util.Set;

/**
 * Everyone, unauthenticated callers included, may read the service-account issuer discovery documents, so
 * relying parties (cloud IAM, Vault) fetch the keys without credentials. kube-apiserver grants this only to
 * service accounts by default (the system:service-account-issuer-discovery binding); Gatehouse publishes them.
 */
public final class IssuerDiscoveryAuthorizer implements Authorizer {
  static final Set<String> PATHS = Set.of("/.well-known/openid-configuration", "/openid/v1/jwks");

  @Override
  public Decision authorize(UserInfo user, RequestInfo request) {
    if (!request.resourceRequest() && request.verb().equals("get") && PATHS.contains(request.path())) {
      return Decision.allow("service-account issuer discovery is public");
    }
    return Decision.noOpinion("");
  }
}
