package dev.gatehouse.eks.token;

/** The outcome of checking a bearer token as a {@code k8s-aws-v1} token. */
public sealed interface TokenVerification {
  /** The token is not a {@code k8s-aws-v1.} token at all: other authenticators may recognise it. */
  record NotApplicable() implements TokenVerification {}

  /** A valid token, signed by a live Gatehouse credential, for this cluster. */
  record Verified(AwsIdentity identity) implements TokenVerification {}

  /** @param reason precise, for the server and audit logs only; the caller gets a generic 401 */
  record Rejected(String reason) implements TokenVerification {}
}
