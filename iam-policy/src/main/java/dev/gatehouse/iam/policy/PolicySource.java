package dev.gatehouse.iam.policy;

import java.util.Objects;

/**
 * A policy taking part in an evaluation, with the id SimulatePolicy reports as {@code SourcePolicyId} (a policy
 * name, a managed policy ARN, or "PolicyInputList.1").
 */
public record PolicySource(String id, SourceType type, Policy policy) {
  public PolicySource {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(policy, "policy");
  }
}
