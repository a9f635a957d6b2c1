package dev.gatehouse.aws.iam;

import static dev.gatehouse.aws.api.OperationSpec.iam;

import dev.gatehouse.aws.api.OperationContext;
import dev.gatehouse.aws.api.OperationSpec;
import dev.gatehouse.aws.api.Page;
import dev.gatehouse.aws.api.Params;
import dev.gatehouse.aws.api.Shape;
import dev.gatehouse.aws.model.AwsIds;
import dev.gatehouse.aws.model.Group;
import dev.gatehouse.aws.model.User;
import dev.gatehouse.aws.protocol.Node;
import dev.gatehouse.aws.state.AwsKeys;
import dev.gatehouse.aws.state.Batch;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** IAM groups and membership. Membership lives on the user record (see {@link User#groups()}). */
public final class GroupOperations {
  static final int MAX_GROUPS_PER_USER = 10;

  private final IamServices iam;
  private final IamTargets targets;

  public GroupOperations(IamServices iam) {
    this.iam = iam;
    this.targets = new IamTargets(iam.state());
  }

  public List<OperationSpec> specs() {
    return List.of(
        iam("CreateGroup", IamTargets.creating("iam:CreateGroup", "group", "GroupName"), this::create),
        iam("GetGroup", targets.group("iam:GetGroup"), this::get),
        iam("ListGroups", IamTargets.listing("iam:ListGroups", "group"), this::list),
        iam("UpdateGroup", targets.group("iam:UpdateGroup"), this::update),
        iam("DeleteGroup", targets.group("iam:DeleteGroup"), this::delete),
        iam("AddUserToGroup", targets.group("iam:AddUserToGroup"), this::addUser),
        iam("RemoveUserFromGroup", targets.group("iam:RemoveUserFromGroup"), this::removeUser),
        iam("ListGroupsForUser", targets.user("iam:ListGroupsForUser", "UserName"), this::groupsForUser));
  }

  static List<User> members(IamServices iam, Group group) {
    return iam.state().values(AwsKeys.entityPrefix(group.account(), "users"), User.class).stream()
        .filter(u -> u.groups().stream().anyMatch(g -> g.equalsIgnoreCase(group.name()))).toList();
  }

  private Node create(OperationContext ctx) {
    Params p = ctx.params();
    String name = p.name("GroupName", 128);
    String path = p.path("Path");
    String key = AwsKeys.group(ctx.account(), name);
    if (iam.state().get(key, Group.class).isPresent()) {
      throw IamErrors.alreadyExists("Group with name " + name + " already exists.");
    }
    Group group = new Group(ctx.account(), name, path, AwsIds.groupId(), ctx.now(), Map.of(), List.of());
    iam.commit(iam.batch().put(key, group));
    return Shape.struct().child("Group", IamShapes.group(group)).toNode();
  }

  private Node get(OperationContext ctx) {
    Group group = iam.group(ctx.account(), ctx.params().name("GroupName", 128));
    Page<User> page = Page.of(members(iam, group), u -> u.name().toLowerCase(Locale.ROOT), ctx.params());
    return Shape.struct().child("Group", IamShapes.group(group))
        .list("Users", page.items(), u -> IamShapes.user(u, false)).page(page).toNode();
  }

  private Node list(OperationContext ctx) {
    String prefix = ctx.params().optional("PathPrefix").orElse("/");
    List<Group> groups = iam.state().values(AwsKeys.entityPrefix(ctx.account(), "groups"), Group.class).stream()
        .filter(g -> g.path().startsWith(prefix)).toList();
    Page<Group> page = Page.of(groups, g -> g.name().toLowerCase(Locale.ROOT), ctx.params());
    return Shape.struct().list("Groups", page.items(), IamShapes::group).page(page).toNode();
  }

  private Node update(OperationContext ctx) {
    Params p = ctx.params();
    Group group = iam.group(ctx.account(), p.name("GroupName", 128));
    String newName = p.optionalName("NewGroupName", 128).orElse(group.name());
    String newPath = p.optional("NewPath").isPresent() ? p.path("NewPath") : group.path();
    String oldKey = AwsKeys.group(ctx.account(), group.name());
    String newKey = AwsKeys.group(ctx.account(), newName);
    Batch batch = iam.batch();
    if (!newKey.equals(oldKey)) {
      if (iam.state().get(newKey, Group.class).isPresent()) {
        throw IamErrors.alreadyExists("Group with name " + newName + " already exists.");
      }
      batch.delete(oldKey);
      for (User u : members(iam, group)) {
        List<String> renamed = u.groups().stream().map(g -> g.equalsIgnoreCase(group.name()) ? newName : g).toList();
        batch.put(AwsKeys.user(ctx.account(), u.name()), u.withGroups(renamed));
      }
    }
    batch.put(newKey, group.withNameAndPath(newName, newPath));
    iam.commit(batch);
    return null;
  }

  private Node delete(OperationContext ctx) {
    Group group = iam.group(ctx.account(), ctx.params().name("GroupName", 128));
    if (!members(iam, group).isEmpty()) {
      throw IamErrors.deleteConflict("Cannot delete entity, must remove users from group first.");
    }
    if (!group.inlinePolicies().isEmpty()) {
      throw IamErrors.deleteConflict("Cannot delete entity, must delete policies first.");
    }
    if (!group.attachedPolicies().isEmpty()) {
      throw IamErrors.deleteConflict("Cannot delete entity, must detach all policies first.");
    }
    iam.commit(iam.batch().delete(AwsKeys.group(ctx.account(), group.name())));
    return null;
  }

  private Node addUser(OperationContext ctx) {
    Group group = iam.group(ctx.account(), ctx.params().name("GroupName", 128));
    User user = iam.user(ctx.account(), ctx.params().name("UserName", 128));
    if (user.groups().stream().anyMatch(g -> g.equalsIgnoreCase(group.name()))) {
      return null;
    }
    if (user.groups().size() >= MAX_GROUPS_PER_USER) {
      throw IamErrors.limitExceeded("Cannot exceed quota for GroupsPerUser: " + MAX_GROUPS_PER_USER);
    }
    List<String> groups = new ArrayList<>(user.groups());
    groups.add(group.name());
    iam.commit(iam.batch().expect(AwsKeys.group(ctx.account(), group.name()))
        .put(AwsKeys.user(ctx.account(), user.name()), user.withGroups(groups)));
    return null;
  }

  private Node removeUser(OperationContext ctx) {
    Group group = iam.group(ctx.account(), ctx.params().name("GroupName", 128));
    User user = iam.user(ctx.account(), ctx.params().name("UserName", 128));
    if (user.groups().stream().noneMatch(g -> g.equalsIgnoreCase(group.name()))) {
      throw IamErrors.noSuchEntity("The user with name " + user.name() + " cannot be found.");
    }
    List<String> groups = user.groups().stream().filter(g -> !g.equalsIgnoreCase(group.name())).toList();
    iam.commit(iam.batch().put(AwsKeys.user(ctx.account(), user.name()), user.withGroups(groups)));
    return null;
  }

  private Node groupsForUser(OperationContext ctx) {
    User user = iam.user(ctx.account(), ctx.params().name("UserName", 128));
    List<Group> groups = user.groups().stream()
        .flatMap(g -> iam.state().get(AwsKeys.group(ctx.account(), g), Group.class).stream())
        .map(v -> v.value()).toList();
    return Shape.struct().list("Groups", groups, IamShapes::group).bool("IsTruncated", false).toNode();
  }
}
