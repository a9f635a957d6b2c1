package dev.gatehouse.aws.sts;

import dev.gatehouse.aws.auth.PolicyStore;
import dev.gatehouse.aws.model.Role;
import dev.gatehouse.aws.state.AwsKeys;
import dev.gatehouse.aws.state.AwsState;
import dev.gatehouse.iam.policy.Policy;
import dev.gatehouse.iam.policy.PolicyKind;
import dev.gatehouse.iam.policy.PolicySource;
import dev.gatehouse.iam.policy.SourceType;
import java.util.Optional;

/** Roles from the mirrored state; a role ARN must match the role's path exactly, as IAM's does. */
public final class StateRoleLookup implements AssumeRoleOperation.RoleLookup {
  private final AwsState state;
  private final PolicyStore policies;

  public StateRoleLookup(AwsState state, PolicyStore policies) {
    this.state = state;
    this.policies = policies;
  }

  @Override
  public Optional<Role> byArn(String arn) {
    String[] parts = arn.split(":", 6);
    if (parts.length != 6 || !parts[0].equals("arn") || !parts[2].equals("iam") || !parts[5].startsWith("role/")) {
      return Optional.empty();
    }
    String name = parts[5].substring(parts[5].lastIndexOf('/') + 1);
    return state.get(AwsKeys.role(parts[4], name), Role.class).map(AwsState.Versioned::value)
        .filter(r -> r.arn().equals(arn));
  }

  @Override
  public PolicySource trustPolicy(Role role) {
    Policy trust = policies.compile(role.trustPolicy(), PolicyKind.TRUST).orElseGet(
        () -> policies.compile("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Deny\",\"Principal\":\"*\","
            + "\"Action\":\"sts:AssumeRole\"}]}", PolicyKind.TRUST).orElseThrow());
    return new PolicySource("AssumeRolePolicyDocument", SourceType.RESOURCE, trust);
  }
}
