package dev.gatehouse.kube.authz.rbac;

import dev.gatehouse.kube.authn.UserInfo;
import dev.gatehouse.kube.authz.Authorizer;
import dev.gatehouse.kube.authz.Decision;
import dev.gatehouse.kube.rbac.Attributes;
import dev.gatehouse.kube.request.RequestInfo;

/** RBAC as one authorizer of the chain: the cluster's policy snapshot decides, with upstream's reasons. */
public final class RbacAuthorizer implements Authorizer {
  private final ClusterRbac rbac;

  public RbacAuthorizer(ClusterRbac rbac) {
    this.rbac = rbac;
  }

  @Override
  public Decision authorize(UserInfo user, RequestInfo request) {
    dev.gatehouse.kube.rbac.Decision decision = rbac.policy(request.cluster()).authorize(attributes(user, request));
    Decision.Kind kind = switch (decision.kind()) {
      case ALLOW -> Decision.Kind.ALLOW;
      case DENY -> Decision.Kind.DENY;
      case NO_OPINION -> Decision.Kind.NO_OPINION;
    };
    return new Decision(kind, decision.reason() == null ? "" : decision.reason());
  }

  static Attributes attributes(UserInfo user, RequestInfo request) {
    if (!request.resourceRequest()) {
      return Attributes.nonResource(user.name(), user.groups(), request.verb(), request.path());
    }
    return Attributes.resource(user.name(), user.groups(), request.verb(), request.apiGroup(), request.resource(),
        request.subresource(), request.namespace(), request.name());
  }
}
