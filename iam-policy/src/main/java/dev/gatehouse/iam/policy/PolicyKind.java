package dev.gatehouse.iam.policy;

import dev.gatehouse.iam.policy.validate.ValidationRules;

/** What a policy document is used as; decides the structural rules {@link Policies#parse} applies. */
public enum PolicyKind {
  /** Inline or managed policy of a user, group or role: no Principal, Resource required, Version 2012-10-17. */
  IDENTITY(ValidationRules.IDENTITY),
  /** A role's trust policy: Principal required, no Resource, STS actions only. */
  TRUST(ValidationRules.TRUST),
  /** Another resource-based policy: Principal and Resource required. */
  RESOURCE(ValidationRules.RESOURCE),
  /** A permissions boundary (a managed policy): validated like IDENTITY. */
  BOUNDARY(ValidationRules.IDENTITY),
  /** A session policy passed to AssumeRole* / GetFederationToken: validated like IDENTITY. */
  SESSION(ValidationRules.IDENTITY);

  private final ValidationRules rules;

  PolicyKind(ValidationRules rules) {
    this.rules = rules;
  }

  ValidationRules rules() {
    return rules;
  }
}
