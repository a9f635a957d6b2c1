package dev.gatehouse.kube.authn;

/** What one authenticator says of a request. */
public sealed interface AuthenticationResult {
  /** The credential is this authenticator's kind and is valid. */
  record Authenticated(UserInfo user) implements AuthenticationResult {}

  /** The request carries no credential of this authenticator's kind: ask the next one. */
  record NotApplicable() implements AuthenticationResult {}

  /**
   * The credential is this authenticator's kind and is invalid: the request is rejected with 401. The reason
   * goes to the server log only; the caller sees the generic body.
   */
  record Rejected(String reason) implements AuthenticationResult {}
}
