package dev.gatehouse.aws.eks.api;

/** An EKS operation refused with {@link #error()}; thrown before any state changed. */
public final class EksException extends RuntimeException {
  private final EksError error;

  public EksException(EksError error) {
    super(error.code() + ": " + error.message(), null, false, false);
    this.error = error;
  }

  public EksError error() {
    return error;
  }
}
