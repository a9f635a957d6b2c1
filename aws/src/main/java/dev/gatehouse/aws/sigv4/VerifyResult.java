package dev.gatehouse.aws.sigv4;

import java.util.Objects;

/** The outcome of {@link SigV4Verifier}: the signature is good, or why it is not. */
public sealed interface VerifyResult {
  record Verified() implements VerifyResult {
  }

  /**
   * @param code the AWS error code to answer with ({@code SignatureDoesNotMatch} 403 or
   *     {@code IncompleteSignature} 400)
   * @param message AWS's text for it
   */
  record Failed(String code, String message) implements VerifyResult {
    public Failed {
      Objects.requireNonNull(code, "code");
      Objects.requireNonNull(message, "message");
    }
  }
}
