package dev.gatehouse.eks.token;

/** Checks a bearer token presented to one logical cluster as an {@code aws eks get-token} token. */
@FunctionalInterface
public interface TokenVerifier {
  /** @param clusterName the logical cluster the request is for; the token must be signed for it */
  TokenVerification verify(String token, String clusterName);
}
