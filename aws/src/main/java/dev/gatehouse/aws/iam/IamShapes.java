package dev.gatehouse.aws.iam;

import dev.gatehouse.aws.api.Shape;
import dev.gatehouse.aws.model.AccessKey;
import dev.gatehouse.aws.model.Group;
import dev.gatehouse.aws.model.Tag;
import dev.gatehouse.aws.model.User;
import java.util.List;

/** Result structures shared by several IAM actions, member order as in the service model. */
public final class IamShapes {
  private IamShapes() {}

  public static Shape user(User u, boolean withTags) {
    Shape s = Shape.struct().str("Path", u.path()).str("UserName", u.name()).str("UserId", u.id())
        .str("Arn", u.arn()).time("CreateDate", u.created());
    if (u.permissionsBoundary() != null) {
      s.child("PermissionsBoundary", boundary(u.permissionsBoundary()));
    }
    if (withTags && !u.tags().isEmpty()) {
      s.list("Tags", u.tags(), IamShapes::tag);
    }
    return s;
  }

  public static Shape group(Group g) {
    return Shape.struct().str("Path", g.path()).str("GroupName", g.name()).str("GroupId", g.id())
        .str("Arn", g.arn()).time("CreateDate", g.created());
  }

  public static Shape boundary(String arn) {
    return Shape.struct().str("PermissionsBoundaryType", "PermissionsBoundaryPolicy").str("PermissionsBoundaryArn", arn);
  }

  public static Shape tag(Tag t) {
    return Shape.struct().str("Key", t.key()).str("Value", t.value());
  }

  public static Shape tags(List<Tag> tags) {
    return Shape.struct().list("Tags", tags, IamShapes::tag).bool("IsTruncated", false);
  }

  public static Shape accessKeyMetadata(AccessKey k) {
    return Shape.struct().str("UserName", k.userName()).str("AccessKeyId", k.accessKeyId())
        .str("Status", k.status()).time("CreateDate", k.created());
  }
}
