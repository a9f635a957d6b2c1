package dev.gatehouse.kube.authz;

import dev.gatehouse.kube.authn.UserInfo;
import dev.gatehouse.kube.request.RequestInfo;

/** Members of {@code system:masters} may do anything, before any other authorizer is asked (as upstream). */
public final class SystemMastersAuthorizer implements Authorizer {
  @Override
  public Decision authorize(UserInfo user, RequestInfo request) {
    return user.inGroup(UserInfo.MASTERS) ? Decision.allow("") : Decision.noOpinion("");
  }
}
