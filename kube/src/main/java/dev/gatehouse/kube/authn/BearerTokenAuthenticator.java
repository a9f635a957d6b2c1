package dev.gatehouse.kube.authn;

import dev.gatehouse.kube.server.ApiRequest;
import java.util.List;

/**
 * {@code Authorization: Bearer <token>}: the token authenticators are tried in order (first to authenticate or
 * reject decides). A bearer token that none of them recognises is rejected, never anonymous, as upstream's
 * bearertoken authenticator answers "invalid bearer token".
 */
public final class BearerTokenAuthenticator implements Authenticator {
  /** kube-apiserver rejects longer tokens before parsing them. */
  public static final int MAX_TOKEN_BYTES = 16 * 1024;
  private final List<TokenAuthenticator> tokens;

  public BearerTokenAuthenticator(List<TokenAuthenticator> tokens) {
    this.tokens = List.copyOf(tokens);
  }

  @Override
  public AuthenticationResult authenticate(ApiRequest request) {
    String header = request.header("authorization");
    if (header == null) {
      return new AuthenticationResult.NotApplicable();
    }
    String[] parts = header.trim().split(" ", 3);
    if (parts.length < 2 || !parts[0].equalsIgnoreCase("bearer") || parts[1].isEmpty()) {
      return new AuthenticationResult.NotApplicable();
    }
    String token = parts[1];
    if (token.length() > MAX_TOKEN_BYTES) {
      return new AuthenticationResult.Rejected("bearer token longer than " + MAX_TOKEN_BYTES + " bytes");
    }
    for (TokenAuthenticator authenticator : tokens) {
      AuthenticationResult result = authenticator.authenticateToken(request.cluster(), token);
      if (!(result instanceof AuthenticationResult.NotApplicable)) {
        return result;
      }
    }
    return new AuthenticationResult.Rejected("invalid bearer token");
  }
}
