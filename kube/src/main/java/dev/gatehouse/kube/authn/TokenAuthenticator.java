package dev.gatehouse.kube.authn;

/** Recognises one kind of bearer token (static file, service account, OIDC issuer, webhook). */
@FunctionalInterface
public interface TokenAuthenticator {
  AuthenticationResult authenticateToken(String cluster, String token);
}
