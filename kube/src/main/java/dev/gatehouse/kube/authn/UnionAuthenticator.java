package dev.gatehouse.kube.authn;

import dev.gatehouse.kube.server.ApiRequest;
import java.util.ArrayList;
import java.util.List;

/**
 * Tries authenticators in order: the first that authenticates or rejects decides; if none applies the result
 * is NotApplicable. Every authenticated user gains {@code system:authenticated}, as upstream's group adder does.
 */
public final class UnionAuthenticator implements Authenticator {
  private final List<Authenticator> chain;

  public UnionAuthenticator(List<Authenticator> chain) {
    this.chain = List.copyOf(chain);
  }

  @Override
  public AuthenticationResult authenticate(ApiRequest request) {
    for (Authenticator authenticator : chain) {
      AuthenticationResult result = authenticator.authenticate(request);
      if (result instanceof AuthenticationResult.Authenticated a) {
        return new AuthenticationResult.Authenticated(withAuthenticatedGroup(a.user()));
      }
      if (result instanceof AuthenticationResult.Rejected) {
        return result;
      }
      // NotApplicable: ask the next authenticator
    }
    return new AuthenticationResult.NotApplicable();
  }

  private static UserInfo withAuthenticatedGroup(UserInfo user) {
    if (user.inGroup(UserInfo.AUTHENTICATED) || user.name().equals(UserInfo.ANONYMOUS)) {
      return user;
    }
    List<String> groups = new ArrayList<>(user.groups());
    groups.add(UserInfo.AUTHENTICATED);
    return new UserInfo(user.name(), user.uid(), List.copyOf(groups), user.extra());
  }
}
