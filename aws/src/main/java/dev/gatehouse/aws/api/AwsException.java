package dev.gatehouse.aws.api;

import dev.gatehouse.aws.protocol.AwsError;

/** An operation refused: the error the caller gets. Thrown before any state changed. */
public final class AwsException extends RuntimeException {
  private final AwsError error;

  public AwsException(AwsError error) {
    super(error.code() + ": " + error.message(), null, false, false);
    this.error = error;
  }

  public AwsError error() {
    return error;
  }
}
