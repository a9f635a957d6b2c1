/**
 * kube-apiserver 1.32 bearer-token authenticators as a pure library: {@code tokenfile} is the static
 * {@code --token-auth-file}, {@code serviceaccount} the service-account JWTs (signing keys, JWKS and discovery
 * documents, TokenRequest and legacy issuance, verification). Nothing here does network I/O, and every expiry is
 * judged against an injected {@link java.time.Clock}.
 */
package dev.gatehouse.kube.authn.tokens;
