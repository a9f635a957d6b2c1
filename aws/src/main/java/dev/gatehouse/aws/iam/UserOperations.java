package dev.gatehouse.aws.iam;

import static dev.gatehouse.aws.api.OperationSpec.iam;

import dev.gatehouse.aws.api.OperationContext;
import dev.gatehouse.aws.api.OperationSpec;
import dev.gatehouse.aws.api.Page;
import dev.gatehouse.aws.api.Params;
import dev.gatehouse.aws.api.Shape;
import dev.gatehouse.aws.model.AccessKey;
import dev.gatehouse.aws.model.AwsIds;
import dev.gatehouse.aws.model.Tag;
import dev.gatehouse.aws.model.User;
import dev.gatehouse.aws.protocol.Node;
import dev.gatehouse.aws.state.AwsKeys;
import dev.gatehouse.aws.state.Batch;
import java.util.List;
import java.util.Map;

/** IAM users: create, read, list, rename, delete, tags and permissions boundaries. */
public final class UserOperations {
  private final IamServices iam;
  private final IamTargets targets;

  public UserOperations(IamServices iam) {
    this.iam = iam;
    this.targets = new IamTargets(iam.state());
  }

  public List<OperationSpec> specs() {
    return List.of(
        iam("CreateUser", IamTargets.creating("iam:CreateUser", "user", "UserName"), this::create),
        iam("GetUser", targets.user("iam:GetUser", "UserName"), this::get),
        iam("ListUsers", IamTargets.listing("iam:ListUsers", "user"), this::list),
        iam("UpdateUser", targets.user("iam:UpdateUser", "UserName"), this::update),
        iam("DeleteUser", targets.user("iam:DeleteUser", "UserName"), this::delete),
        iam("TagUser", IamTargets.withRequestTags(targets.user("iam:TagUser", "UserName")), this::tag),
        iam("UntagUser", targets.user("iam:UntagUser", "UserName"), this::untag),
        iam("ListUserTags", targets.user("iam:ListUserTags", "UserName"), this::listTags),
        iam("PutUserPermissionsBoundary", targets.user("iam:PutUserPermissionsBoundary", "UserName"), this::putBoundary),
        iam("DeleteUserPermissionsBoundary", targets.user("iam:DeleteUserPermissionsBoundary", "UserName"),
            this::deleteBoundary));
  }

  private Node create(OperationContext ctx) {
    Params p = ctx.params();
    String name = p.name("UserName", 64);
    String path = p.path("Path");
    List<Tag> tags = p.tags("Tags");
    Tags.checkUnique(tags);
    String boundary = p.optional("PermissionsBoundary").orElse(null);
    if (boundary != null) {
      Boundaries.check(iam, boundary);
    }
    String key = AwsKeys.user(ctx.account(), name);
    if (iam.state().get(key, User.class).isPresent()) {
      throw IamErrors.alreadyExists("User with name " + name + " already exists.");
    }
    User user = new User(ctx.account(), name, path, AwsIds.userId(), ctx.now(), tags, Map.of(), List.of(), List.of(), boundary);
    iam.commit(iam.batch().put(key, user));
    return Shape.struct().child("User", IamShapes.user(user, true)).toNode();
  }

  private Node get(OperationContext ctx) {
    User user = iam.user(ctx.account(), IamTargets.userNameOrSelf(ctx, "UserName"));
    return Shape.struct().child("User", IamShapes.user(user, true)).toNode();
  }

  private Node list(OperationContext ctx) {
    String prefix = ctx.params().optional("PathPrefix").orElse("/");
    List<User> users = iam.state().values(AwsKeys.entityPrefix(ctx.account(), "users"), User.class).stream()
        .filter(u -> u.path().startsWith(prefix)).toList();
    Page<User> page = Page.of(users, u -> u.name().toLowerCase(java.util.Locale.ROOT), ctx.params());
    return Shape.struct().list("Users", page.items(), u -> IamShapes.user(u, false)).page(page).toNode();
  }

  private Node update(OperationContext ctx) {
    Params p = ctx.params();
    User user = iam.user(ctx.account(), p.name("UserName", 128));
    String newName = p.optionalName("NewUserName", 64).orElse(user.name());
    String newPath = p.optional("NewPath").isPresent() ? p.path("NewPath") : user.path();
    Batch batch = iam.batch();
    String oldKey = AwsKeys.user(ctx.account(), user.name());
    String newKey = AwsKeys.user(ctx.account(), newName);
    if (!newKey.equals(oldKey)) {
      if (iam.state().get(newKey, User.class).isPresent()) {
        throw IamErrors.alreadyExists("User with name " + newName + " already exists.");
      }
      batch.delete(oldKey);
      // Access keys name their user; a rename moves them along in the same transaction.
      for (AccessKey k : AccessKeyOperations.keysOf(iam, user)) {
        batch.put(AwsKeys.accessKey(k.accessKeyId()), k.withUserName(newName));
      }
    }
    batch.put(newKey, user.withNameAndPath(newName, newPath));
    iam.commit(batch);
    return null;
  }

  private Node delete(OperationContext ctx) {
    User user = iam.user(ctx.account(), ctx.params().name("UserName", 128));
    if (!AccessKeyOperations.keysOf(iam, user).isEmpty()) {
      throw IamErrors.deleteConflict("Cannot delete entity, must delete access keys first.");
    }
    if (!user.inlinePolicies().isEmpty()) {
      throw IamErrors.deleteConflict("Cannot delete entity, must delete policies first.");
    }
    if (!user.attachedPolicies().isEmpty()) {
      throw IamErrors.deleteConflict("Cannot delete entity, must detach all policies first.");
    }
    if (!user.groups().isEmpty()) {
      throw IamErrors.deleteConflict("Cannot delete entity, must remove user from all groups first.");
    }
    iam.commit(iam.batch().delete(AwsKeys.user(ctx.account(), user.name())));
    return null;
  }

  private Node tag(OperationContext ctx) {
    User user = iam.user(ctx.account(), ctx.params().name("UserName", 128));
    List<Tag> tags = ctx.params().tags("Tags");
    Tags.checkUnique(tags);
    iam.commit(iam.batch().put(AwsKeys.user(ctx.account(), user.name()), user.withTags(Tags.merge(user.tags(), tags))));
    return null;
  }

  private Node untag(OperationContext ctx) {
    User user = iam.user(ctx.account(), ctx.params().name("UserName", 128));
    List<String> keys = ctx.params().members("TagKeys");
    iam.commit(iam.batch().put(AwsKeys.user(ctx.account(), user.name()), user.withTags(Tags.remove(user.tags(), keys))));
    return null;
  }

  private Node listTags(OperationContext ctx) {
    User user = iam.user(ctx.account(), ctx.params().name("UserName", 128));
    return IamShapes.tags(user.tags()).toNode();
  }

  private Node putBoundary(OperationContext ctx) {
    User user = iam.user(ctx.account(), ctx.params().name("UserName", 128));
    String arn = ctx.params().required("PermissionsBoundary");
    Boundaries.check(iam, arn);
    iam.commit(iam.batch().put(AwsKeys.user(ctx.account(), user.name()), user.withPermissionsBoundary(arn)));
    return null;
  }

  private Node deleteBoundary(OperationContext ctx) {
    User user = iam.user(ctx.account(), ctx.params().name("UserName", 128));
    iam.commit(iam.batch().put(AwsKeys.user(ctx.account(), user.name()), user.withPermissionsBoundary(null)));
    return null;
  }
}
