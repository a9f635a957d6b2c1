package dev.gatehouse.aws.iam;

import dev.gatehouse.aws.auth.PolicyStore;
import dev.gatehouse.aws.model.Group;
import dev.gatehouse.aws.model.Role;
import dev.gatehouse.aws.model.User;
import dev.gatehouse.aws.state.AwsKeys;
import dev.gatehouse.aws.state.AwsState;
import dev.gatehouse.iam.policy.PolicyKind;
import dev.gatehouse.iam.policy.PolicySource;
import dev.gatehouse.iam.policy.SourceType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The identity policies and permissions boundary of a user, group or role, as the policy simulator takes them
 * from a {@code PolicySourceArn}: inline policies under their names, managed policies under their policy names
 * (as SimulatePolicy reports {@code SourcePolicyId}), a user's groups' policies with the user's own.
 */
record EntityPolicies(String arn, String account, boolean isUser, List<PolicySource> identity,
    Optional<PolicySource> boundary) {

  static EntityPolicies of(User user, AwsState state, PolicyStore policies) {
    List<PolicySource> out = new ArrayList<>();
    addInline(user.inlinePolicies(), SourceType.USER, policies, out);
    addAttached(user.attachedPolicies(), policies, out);
    for (String groupName : user.groups()) {
      state.get(AwsKeys.group(user.account(), groupName), Group.class).map(AwsState.Versioned::value).ifPresent(g -> {
        addInline(g.inlinePolicies(), SourceType.GROUP, policies, out);
        addAttached(g.attachedPolicies(), policies, out);
      });
    }
    return new EntityPolicies(user.arn(), user.account(), true, out, boundary(user.permissionsBoundary(), policies));
  }

  static EntityPolicies of(Group group, PolicyStore policies) {
    List<PolicySource> out = new ArrayList<>();
    addInline(group.inlinePolicies(), SourceType.GROUP, policies, out);
    addAttached(group.attachedPolicies(), policies, out);
    return new EntityPolicies(group.arn(), group.account(), false, out, Optional.empty());
  }

  static EntityPolicies of(Role role, PolicyStore policies) {
    List<PolicySource> out = new ArrayList<>();
    addInline(role.inlinePolicies(), SourceType.ROLE, policies, out);
    addAttached(role.attachedPolicies(), policies, out);
    return new EntityPolicies(role.arn(), role.account(), false, out, boundary(role.permissionsBoundary(), policies));
  }

  private static Optional<PolicySource> boundary(String arn, PolicyStore policies) {
    return arn == null ? Optional.empty() : managed(arn, policies);
  }

  private static void addInline(Map<String, String> inline, SourceType type, PolicyStore policies,
      List<PolicySource> out) {
    inline.forEach((name, doc) -> policies.compile(doc, PolicyKind.IDENTITY)
        .ifPresent(p -> out.add(new PolicySource(name, type, p))));
  }

  private static void addAttached(List<String> arns, PolicyStore policies, List<PolicySource> out) {
    for (String arn : arns) {
      managed(arn, policies).ifPresent(out::add);
    }
  }

  private static Optional<PolicySource> managed(String arn, PolicyStore policies) {
    return policies.managed(arn).flatMap(mp -> policies.compile(mp.defaultVersion().document(), PolicyKind.IDENTITY)
        .map(p -> new PolicySource(mp.name(), mp.awsManaged() ? SourceType.AWS_MANAGED : SourceType.USER_MANAGED, p)));
  }
}
