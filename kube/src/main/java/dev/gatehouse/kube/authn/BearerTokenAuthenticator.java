package dev.gatehouse.kube.authn;

import dev.gatehouse.kube.server.ApiRequest;
import java.util.List;

/**
 * {@code Authorization: Bearer <token>}: the token authenticators as a {@link TokenUnion}. A token nobody
 * authenticates is rejected with every reason, never anonymous; one that none of them even recognises gets
 * upstream's "invalid bearer token".
 */
public final class BearerTokenAuthenticator implements Authenticator {
  /** kube-apiserver rejects longer tokens before parsing them. */
  public static final int MAX_TOKEN_BYTES = 16 * 1024;
  private final TokenUnion tokens;

  public BearerTokenAuthenticator(List<TokenAuthenticator> tokens) {
    this.tokens = new TokenUnion(tokens);
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
    AuthenticationResult result = tokens.authenticateToken(request.cluster(), token);
    return result instanceof AuthenticationResult.NotApplicable
        ? new AuthenticationResult.Rejected("invalid bearer token") : result;
  }
}
