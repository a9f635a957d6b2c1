package dev.gatehouse.kube.serviceaccounts;

import dev.gatehouse.kube.authn.AuthenticationResult;
import dev.gatehouse.kube.authn.TokenAuthenticator;
import dev.gatehouse.kube.authn.UserInfo;
import dev.gatehouse.kube.authn.tokens.tokenfile.TokenFile;

/** Static tokens from a kube-apiserver-format CSV token file ({@code --token-auth-file}), valid in every cluster. */
public final class TokenFileAuthenticator implements TokenAuthenticator {
  private final TokenFile file;

  public TokenFileAuthenticator(TokenFile file) {
    this.file = file;
  }

  @Override
  public AuthenticationResult authenticateToken(String cluster, String token) {
    return file.authenticate(token)
        .<AuthenticationResult>map(u -> new AuthenticationResult.Authenticated(
            new UserInfo(u.name(), u.uid(), u.groups(), u.extra())))
        .orElseGet(AuthenticationResult.NotApplicable::new);
  }
}
