package dev.gatehouse.aws.api;

import dev.gatehouse.aws.auth.Caller;
import java.time.Instant;

/**
 * One request as an operation sees it.
 *
 * @param caller null only for unsigned operations
 * @param region the region of the request's credential scope ("us-east-1" for unsigned requests)
 * @param sourceIp aws:SourceIp
 * @param secureTransport aws:SecureTransport (the AWS listener may run plain HTTP)
 */
public record OperationContext(Caller caller, Params params, String requestId, Instant now, String region,
    String sourceIp, boolean secureTransport) {
  /** The caller's account, which IAM operations act on. */
  public String account() {
    return caller.account();
  }
}
