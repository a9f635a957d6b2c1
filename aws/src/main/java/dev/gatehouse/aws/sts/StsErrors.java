package dev.gatehouse.aws.sts;

import dev.gatehouse.aws.api.AwsException;
import dev.gatehouse.aws.protocol.AwsError;

/** STS's errors with the texts STS answers. */
final class StsErrors {
  private StsErrors() {}

  static AwsException accessDenied(String message) {
    return new AwsException(new AwsError("AccessDenied", message, 403, true));
  }

  static AwsException packedPolicyTooLarge(String message) {
    return new AwsException(new AwsError("PackedPolicyTooLarge", message, 400, true));
  }

  static AwsException malformedPolicy(String message) {
    return new AwsException(new AwsError("MalformedPolicyDocument", message, 400, true));
  }

  static AwsException invalidIdentityToken(String message) {
    return new AwsException(new AwsError("InvalidIdentityToken", message, 400, true));
  }

  static AwsException expiredToken(String message) {
    return new AwsException(new AwsError("ExpiredTokenException", message, 400, true));
  }

  static AwsException idpCommunication(String message) {
    return new AwsException(new AwsError("IDPCommunicationError", message, 400, true));
  }

  static AwsException invalidAuthorizationMessage(String message) {
    return new AwsException(new AwsError("InvalidAuthorizationMessageException", message, 400, true));
  }
}
