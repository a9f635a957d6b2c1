package dev.gatehouse.kube.authn;

import dev.gatehouse.kube.server.ApiRequest;

/** Recognises one kind of credential on a request. */
@FunctionalInterface
public interface Authenticator {
  AuthenticationResult authenticate(ApiRequest request);
}
