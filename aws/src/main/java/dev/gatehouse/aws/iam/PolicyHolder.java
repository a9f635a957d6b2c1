package dev.gatehouse.aws.iam;

import dev.gatehouse.aws.model.Group;
import dev.gatehouse.aws.model.Role;
import dev.gatehouse.aws.model.User;
import dev.gatehouse.aws.state.AwsKeys;
import java.util.List;
import java.util.Map;

/**
 * A user, group or role seen only as something policies attach to, so the inline-policy and attachment
 * actions are written once for the three kinds.
 */
record PolicyHolder(Kind kind, Object entity, String account, String name, String id, String arn,
    Map<String, String> inlinePolicies, List<String> attachedPolicies) {

  enum Kind {
    USER("User", "user", 2048, "PoliciesPerUser"),
    GROUP("Group", "group", 5120, "PoliciesPerGroup"),
    ROLE("Role", "role", 10240, "PoliciesPerRole");

    final String param;        // UserName / GroupName / RoleName
    final String noun;         // "user" in messages and action names
    final int inlineQuota;     // aggregate inline policy size (non-whitespace characters)
    final String attachQuota;  // the quota name in LimitExceeded messages

    Kind(String title, String noun, int inlineQuota, String attachQuota) {
      this.param = title + "Name";
      this.noun = noun;
      this.inlineQuota = inlineQuota;
      this.attachQuota = attachQuota;
    }

    String title() {
      return param.substring(0, param.length() - 4);
    }
  }

  static final int MAX_ATTACHED = 10;

  static PolicyHolder load(IamServices iam, Kind kind, String account, String name) {
    return switch (kind) {
      case USER -> of(iam.user(account, name));
      case GROUP -> of(iam.group(account, name));
      case ROLE -> of(iam.role(account, name));
    };
  }

  static PolicyHolder of(User u) {
    return new PolicyHolder(Kind.USER, u, u.account(), u.name(), u.id(), u.arn(), u.inlinePolicies(), u.attachedPolicies());
  }

  static PolicyHolder of(Group g) {
    return new PolicyHolder(Kind.GROUP, g, g.account(), g.name(), g.id(), g.arn(), g.inlinePolicies(), g.attachedPolicies());
  }

  static PolicyHolder of(Role r) {
    return new PolicyHolder(Kind.ROLE, r, r.account(), r.name(), r.id(), r.arn(), r.inlinePolicies(), r.attachedPolicies());
  }

  String key() {
    return switch (kind) {
      case USER -> AwsKeys.user(account, name);
      case GROUP -> AwsKeys.group(account, name);
      case ROLE -> AwsKeys.role(account, name);
    };
  }

  Object withInline(Map<String, String> policies) {
    return switch (kind) {
      case USER -> ((User) entity).withInlinePolicies(policies);
      case GROUP -> ((Group) entity).withInlinePolicies(policies);
      case ROLE -> ((Role) entity).withInlinePolicies(policies);
    };
  }

  Object withAttached(List<String> arns) {
    return switch (kind) {
      case USER -> ((User) entity).withAttachedPolicies(arns);
      case GROUP -> ((Group) entity).withAttachedPolicies(arns);
      case ROLE -> ((Role) entity).withAttachedPolicies(arns);
    };
  }
}
