package dev.gatehouse.aws.iam;

import dev.gatehouse.aws.model.Group;
import dev.gatehouse.aws.model.Role;
import dev.gatehouse.aws.model.User;
import dev.gatehouse.aws.state.AwsKeys;
import java.util.List;

/** Which users, groups and roles of an account use a managed policy (attachments and boundaries). */
record PolicyUsage(List<User> users, List<Group> groups, List<Role> roles, int boundaryCount) {
  static PolicyUsage of(IamServices iam, String account, String arn) {
    List<User> allUsers = iam.state().values(AwsKeys.entityPrefix(account, "users"), User.class);
    List<Role> allRoles = iam.state().values(AwsKeys.entityPrefix(account, "roles"), Role.class);
    List<User> users = allUsers.stream().filter(u -> u.attachedPolicies().contains(arn)).toList();
    List<Group> groups = iam.state().values(AwsKeys.entityPrefix(account, "groups"), Group.class).stream()
        .filter(g -> g.attachedPolicies().contains(arn)).toList();
    List<Role> roles = allRoles.stream().filter(r -> r.attachedPolicies().contains(arn)).toList();
    int boundaries = (int) (allUsers.stream().filter(u -> arn.equals(u.permissionsBoundary())).count()
        + allRoles.stream().filter(r -> arn.equals(r.permissionsBoundary())).count());
    return new PolicyUsage(users, groups, roles, boundaries);
  }

  int attachmentCount() {
    return users.size() + groups.size() + roles.size();
  }
}
