package dev.gatehouse.kube.authn;

import java.util.ArrayList;
import java.util.List;

/**
 * Token authenticators tried in order; the first to authenticate decides. One that rejects the token does not
 * stop the others, as upstream's token union (it does not fail on error): a {@code k8s-aws-v1} token this
 * Gatehouse cannot verify may still be known to a TokenReview webhook. When nobody authenticates, the result is
 * Rejected with every reason, or NotApplicable when none even recognised the token.
 */
public final class TokenUnion implements TokenAuthenticator {
  private final List<TokenAuthenticator> chain;

  public TokenUnion(List<TokenAuthenticator> chain) {
    this.chain = List.copyOf(chain);
  }

  @Override
  public AuthenticationResult authenticateToken(String cluster, String token) {
    List<String> reasons = new ArrayList<>();
    for (TokenAuthenticator authenticator : chain) {
      AuthenticationResult result = authenticator.authenticateToken(cluster, token);
      if (result instanceof AuthenticationResult.Authenticated) {
        return result;
      }
      if (result instanceof AuthenticationResult.Rejected r) {
        reasons.add(r.reason());
      }
    }
    return reasons.isEmpty() ? new AuthenticationResult.NotApplicable()
        : new AuthenticationResult.Rejected(String.join("; ", reasons));
  }
}
