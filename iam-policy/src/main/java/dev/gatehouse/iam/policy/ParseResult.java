package dev.gatehouse.iam.policy;

/** The outcome of {@link Policies#parse}: a compiled policy, or IAM's MalformedPolicyDocument message. */
public sealed interface ParseResult permits ParseResult.Parsed, ParseResult.Malformed {

  record Parsed(Policy policy) implements ParseResult {}

  /** {@code message} is exactly IAM's text, e.g. "Syntax errors in policy.". */
  record Malformed(String message) implements ParseResult {}
}
