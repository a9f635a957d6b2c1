package dev.gatehouse.aws.eks.api;

import dev.gatehouse.aws.auth.Caller;
import java.time.Instant;

/**
 * One authenticated EKS request as an operation sees it.
 *
 * @param region the SigV4 scope's region: EKS resources are regional, so it is part of every cluster ARN
 */
public record EksContext(Caller caller, EksRequest request, String requestId, Instant now, String region,
    String sourceIp, boolean secureTransport) {
  public String account() {
    return caller.account();
  }
}
