package dev.gatehouse.kube.authn;

import dev.gatehouse.kube.server.ApiRequest;
import java.util.List;
import java.util.Map;

/**
 * A request that no authenticator recognised becomes {@code system:anonymous} in {@code system:unauthenticated},
 * as kube-apiserver does with anonymous auth enabled (its default). It is asked only after the others, and only
 * when none rejected the request: an invalid credential is always 401, never anonymous.
 */
public final class AnonymousAuthenticator implements Authenticator {
  private static final UserInfo ANONYMOUS =
      new UserInfo(UserInfo.ANONYMOUS, "", List.of(UserInfo.UNAUTHENTICATED), Map.of());

  @Override
  public AuthenticationResult authenticate(ApiRequest request) {
    return new AuthenticationResult.Authenticated(ANONYMOUS);
  }
}
