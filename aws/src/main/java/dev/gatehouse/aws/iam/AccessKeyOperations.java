package dev.gatehouse.aws.iam;

import static dev.gatehouse.aws.api.OperationSpec.iam;

import dev.gatehouse.aws.api.OperationContext;
import dev.gatehouse.aws.api.OperationSpec;
import dev.gatehouse.aws.api.Shape;
import dev.gatehouse.aws.api.Target;
import dev.gatehouse.aws.model.AccessKey;
import dev.gatehouse.aws.model.AwsIds;
import dev.gatehouse.aws.model.User;
import dev.gatehouse.aws.protocol.Node;
import dev.gatehouse.aws.state.AwsKeys;
import dev.gatehouse.aws.state.AwsState;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/** Long-term access keys: at most two per user, Active or Inactive, with last-used information. */
public final class AccessKeyOperations {
  static final int MAX_KEYS_PER_USER = 2;

  private final IamServices iam;
  private final IamTargets targets;

  public AccessKeyOperations(IamServices iam) {
    this.iam = iam;
    this.targets = new IamTargets(iam.state());
  }

  public List<OperationSpec> specs() {
    return List.of(
        iam("CreateAccessKey", targets.user("iam:CreateAccessKey", "UserName"), this::create),
        iam("ListAccessKeys", targets.user("iam:ListAccessKeys", "UserName"), this::list),
        iam("UpdateAccessKey", targets.user("iam:UpdateAccessKey", "UserName"), this::update),
        iam("DeleteAccessKey", targets.user("iam:DeleteAccessKey", "UserName"), this::delete),
        iam("GetAccessKeyLastUsed", keyOwner("iam:GetAccessKeyLastUsed"), this::lastUsed));
  }

  static List<AccessKey> keysOf(IamServices iam, User user) {
    return iam.state().values(AwsKeys.ROOT + "access-keys/", AccessKey.class).stream()
        .filter(k -> k.account().equals(user.account()) && k.userName().equalsIgnoreCase(user.name()))
        .sorted(Comparator.comparing(AccessKey::created)).toList();
  }

  private Node create(OperationContext ctx) {
    User user = iam.user(ctx.account(), IamTargets.userNameOrSelf(ctx, "UserName"));
    if (keysOf(iam, user).size() >= MAX_KEYS_PER_USER) {
      throw IamErrors.limitExceeded("Cannot exceed quota for AccessKeysPerUser: " + MAX_KEYS_PER_USER);
    }
    AccessKey key = new AccessKey(AwsIds.longTermKeyId(ctx.account()), AwsIds.secretKey(), ctx.account(),
        user.name(), "Active", ctx.now(), null, null, null);
    // The user key is in the batch so that a concurrent DeleteUser cannot leave an orphaned key behind.
    iam.commit(iam.batch().expect(AwsKeys.user(ctx.account(), user.name())).put(AwsKeys.accessKey(key.accessKeyId()), key));
    return Shape.struct().child("AccessKey", Shape.struct().str("UserName", key.userName())
        .str("AccessKeyId", key.accessKeyId()).str("Status", key.status()).str("SecretAccessKey", key.secret())
        .time("CreateDate", key.created())).toNode();
  }

  private Node list(OperationContext ctx) {
    User user = iam.user(ctx.account(), IamTargets.userNameOrSelf(ctx, "UserName"));
    return Shape.struct().list("AccessKeyMetadata", keysOf(iam, user), IamShapes::accessKeyMetadata)
        .bool("IsTruncated", false).toNode();
  }

  private Node update(OperationContext ctx) {
    User user = iam.user(ctx.account(), IamTargets.userNameOrSelf(ctx, "UserName"));
    AccessKey key = ownKey(user, ctx.params().required("AccessKeyId"));
    String status = ctx.params().required("Status");
    if (!status.equals("Active") && !status.equals("Inactive")) {
      throw dev.gatehouse.aws.api.Params.invalid("Value '" + status
          + "' at 'status' failed to satisfy constraint: Member must satisfy enum value set: [Active, Inactive]");
    }
    iam.commit(iam.batch().put(AwsKeys.accessKey(key.accessKeyId()), key.withStatus(status)));
    return null;
  }

  private Node delete(OperationContext ctx) {
    User user = iam.user(ctx.account(), IamTargets.userNameOrSelf(ctx, "UserName"));
    AccessKey key = ownKey(user, ctx.params().required("AccessKeyId"));
    iam.commit(iam.batch().delete(AwsKeys.accessKey(key.accessKeyId())));
    return null;
  }

  private Node lastUsed(OperationContext ctx) {
    AccessKey key = anyKey(ctx, ctx.params().required("AccessKeyId"));
    Shape used = Shape.struct().time("LastUsedDate", key.lastUsed())
        .str("ServiceName", key.lastUsed() == null ? "N/A" : key.lastUsedService())
        .str("Region", key.lastUsed() == null ? "N/A" : key.lastUsedRegion());
    return Shape.struct().str("UserName", key.userName()).child("AccessKeyLastUsed", used).toNode();
  }

  /** GetAccessKeyLastUsed is authorised against the key's owner. */
  private Function<OperationContext, Target> keyOwner(String action) {
    return ctx -> {
      AccessKey key = anyKey(ctx, ctx.params().required("AccessKeyId"));
      return Target.of(action, targets.userArn(ctx.account(), key.userName()));
    };
  }

  private AccessKey anyKey(OperationContext ctx, String id) {
    return iam.state().get(AwsKeys.accessKey(id), AccessKey.class).map(AwsState.Versioned::value)
        .filter(k -> k.account().equals(ctx.account()))
        .orElseThrow(() -> IamErrors.noSuchEntity("The Access Key with id " + id + " cannot be found."));
  }

  private AccessKey ownKey(User user, String id) {
    return iam.state().get(AwsKeys.accessKey(id), AccessKey.class).map(AwsState.Versioned::value)
        .filter(k -> k.account().equals(user.account()) && k.userName().equalsIgnoreCase(user.name()))
        .orElseThrow(() -> IamErrors.noSuchEntity("The Access Key with id " + id + " cannot be found."));
  }
}
