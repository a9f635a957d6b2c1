package dev.gatehouse.aws.sigv4;

/**
 * How long a presigned URL stays valid; the caller picks the rule of the service it emulates.
 *
 * @param honourExpires {@code false}: STS's rule, the same clock-skew window around {@code X-Amz-Date} as the
 *     header form, whatever {@code X-Amz-Expires} says (STS ignores it; aws-iam-authenticator relies on a token
 *     signed for 60 seconds living 15 minutes). {@code true}: valid from {@code X-Amz-Date} (less the skew
 *     window) until {@code X-Amz-Date + X-Amz-Expires}.
 * @param maxExpiresSeconds the largest {@code X-Amz-Expires} accepted
 */
public record PresignedValidity(boolean honourExpires, long maxExpiresSeconds) {
  public PresignedValidity {
    if (maxExpiresSeconds < 0) {
      throw new IllegalArgumentException("sigv4: maxExpiresSeconds must be non-negative, got " + maxExpiresSeconds);
    }
  }

  /** STS: the skew window around {@code X-Amz-Date}, {@code X-Amz-Expires} accepted in 0..900. */
  public static PresignedValidity sts() {
    return new PresignedValidity(false, 900);
  }

  /** Most services: {@code X-Amz-Expires} honoured up to {@code maxExpiresSeconds} (AWS allows 604800). */
  public static PresignedValidity honourExpires(long maxExpiresSeconds) {
    return new PresignedValidity(true, maxExpiresSeconds);
  }
}
