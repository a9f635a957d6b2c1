package dev.gatehouse.kube.authz;

import dev.gatehouse.kube.authn.UserInfo;
import dev.gatehouse.kube.request.RequestInfo;

/** Decides whether a user may do what a request asks. */
@FunctionalInterface
public interface Authorizer {
  Decision authorize(UserInfo user, RequestInfo request);
}
