package dev.gatehouse.aws.iam;

import static dev.gatehouse.aws.api.OperationSpec.iam;

import dev.gatehouse.aws.api.OperationContext;
import dev.gatehouse.aws.api.OperationSpec;
import dev.gatehouse.aws.api.Page;
import dev.gatehouse.aws.api.Params;
import dev.gatehouse.aws.api.Shape;
import dev.gatehouse.aws.api.Target;
import dev.gatehouse.aws.model.Group;
import dev.gatehouse.aws.model.ManagedPolicy;
import dev.gatehouse.aws.model.PolicyVersion;
import dev.gatehouse.aws.model.Role;
import dev.gatehouse.aws.model.User;
import dev.gatehouse.aws.protocol.Node;
import dev.gatehouse.aws.protocol.QueryResponses;
import dev.gatehouse.aws.state.AwsKeys;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * GetAccountAuthorizationDetails: every user, group, role and managed policy of the account with their
 * relationships and documents (URL-encoded, as IAM returns them). {@code MaxItems} counts entities of all four
 * kinds together, in that order. AWS managed policies are listed only when the account uses them (attached to an
 * entity or set as a permissions boundary), as IAM lists them; customer managed policies always.
 */
public final class AccountAuthorizationDetailsOperation {
  static final List<String> ENTITY_TYPES = List.of("User", "Role", "Group", "LocalManagedPolicy", "AWSManagedPolicy");

  private final IamServices iam;

  public AccountAuthorizationDetailsOperation(IamServices iam) {
    this.iam = iam;
  }

  public OperationSpec spec() {
    return iam("GetAccountAuthorizationDetails", ctx -> Target.of("iam:GetAccountAuthorizationDetails", "*"),
        this::run);
  }

  /** One entity of the combined, paginated list; the sort key orders users, groups, roles, policies. */
  private sealed interface Item {
    String sortKey();
  }

  private record UserItem(User user) implements Item {
    public String sortKey() {
      return "1/" + user.name().toLowerCase(Locale.ROOT);
    }
  }

  private record GroupItem(Group group) implements Item {
    public String sortKey() {
      return "2/" + group.name().toLowerCase(Locale.ROOT);
    }
  }

  private record RoleItem(Role role) implements Item {
    public String sortKey() {
      return "3/" + role.name().toLowerCase(Locale.ROOT);
    }
  }

  private record PolicyItem(ManagedPolicy policy) implements Item {
    public String sortKey() {
      return "4/" + policy.name().toLowerCase(Locale.ROOT) + "\u0000" + policy.arn();
    }
  }

  /** How many entities attach each managed policy ARN, and how many use it as their boundary. */
  private record Usage(Map<String, Integer> attachments, Map<String, Integer> boundaries) {
    int attached(String arn) {
      return attachments.getOrDefault(arn, 0);
    }

    int boundary(String arn) {
      return boundaries.getOrDefault(arn, 0);
    }
  }

  private Node run(OperationContext ctx) {
    Params p = ctx.params();
    Set<String> filter = filter(p);
    String account = ctx.account();
    List<User> users = iam.state().values(AwsKeys.entityPrefix(account, "users"), User.class);
    List<Group> groups = iam.state().values(AwsKeys.entityPrefix(account, "groups"), Group.class);
    List<Role> roles = iam.state().values(AwsKeys.entityPrefix(account, "roles"), Role.class);
    Usage usage = usage(users, groups, roles);
    List<Item> items = new ArrayList<>();
    if (filter.contains("User")) {
      users.forEach(u -> items.add(new UserItem(u)));
    }
    if (filter.contains("Group")) {
      groups.forEach(g -> items.add(new GroupItem(g)));
    }
    if (filter.contains("Role")) {
      roles.forEach(r -> items.add(new RoleItem(r)));
    }
    if (filter.contains("LocalManagedPolicy")) {
      iam.state().values(AwsKeys.entityPrefix(account, "policies"), ManagedPolicy.class)
          .forEach(mp -> items.add(new PolicyItem(mp)));
    }
    if (filter.contains("AWSManagedPolicy")) {
      iam.policies().awsManaged().all().stream()
          .filter(mp -> usage.attached(mp.arn()) > 0 || usage.boundary(mp.arn()) > 0)
          .forEach(mp -> items.add(new PolicyItem(mp)));
    }
    items.sort((a, b) -> a.sortKey().compareTo(b.sortKey()));
    Page<Item> page = Page.of(items, Item::sortKey, p);
    List<Shape> userShapes = new ArrayList<>();
    List<Shape> groupShapes = new ArrayList<>();
    List<Shape> roleShapes = new ArrayList<>();
    List<Shape> policyShapes = new ArrayList<>();
    for (Item item : page.items()) {
      if (item instanceof UserItem u) {
        userShapes.add(user(u.user()));
      } else if (item instanceof GroupItem g) {
        groupShapes.add(group(g.group()));
      } else if (item instanceof RoleItem r) {
        roleShapes.add(role(r.role()));
      } else {
        policyShapes.add(policy(((PolicyItem) item).policy(), usage));
      }
    }
    return Shape.struct().list("UserDetailList", userShapes, s -> s).list("GroupDetailList", groupShapes, s -> s)
        .list("RoleDetailList", roleShapes, s -> s).list("Policies", policyShapes, s -> s).page(page).toNode();
  }

  private static Set<String> filter(Params p) {
    List<String> asked = p.members("Filter");
    for (String type : asked) {
      if (!ENTITY_TYPES.contains(type)) {
        throw Params.invalid("Value '" + asked + "' at 'filter' failed to satisfy constraint: Member must satisfy"
            + " constraint: [Member must satisfy enum value set: [" + String.join(", ", ENTITY_TYPES) + "]]");
      }
    }
    return Set.copyOf(asked.isEmpty() ? ENTITY_TYPES : asked);
  }

  private static Usage usage(List<User> users, List<Group> groups, List<Role> roles) {
    Map<String, Integer> attachments = new HashMap<>();
    Map<String, Integer> boundaries = new HashMap<>();
    users.forEach(u -> {
      u.attachedPolicies().forEach(arn -> attachments.merge(arn, 1, Integer::sum));
      if (u.permissionsBoundary() != null) {
        boundaries.merge(u.permissionsBoundary(), 1, Integer::sum);
      }
    });
    groups.forEach(g -> g.attachedPolicies().forEach(arn -> attachments.merge(arn, 1, Integer::sum)));
    roles.forEach(r -> {
      r.attachedPolicies().forEach(arn -> attachments.merge(arn, 1, Integer::sum));
      if (r.permissionsBoundary() != null) {
        boundaries.merge(r.permissionsBoundary(), 1, Integer::sum);
      }
    });
    return new Usage(attachments, boundaries);
  }

  private Shape user(User u) {
    Shape s = Shape.struct().str("Path", u.path()).str("UserName", u.name()).str("UserId", u.id())
        .str("Arn", u.arn()).time("CreateDate", u.created())
        .list("UserPolicyList", List.copyOf(u.inlinePolicies().entrySet()), AccountAuthorizationDetailsOperation::inline)
        .strings("GroupList", groupNames(u))
        .list("AttachedManagedPolicies", u.attachedPolicies(), this::attached);
    if (u.permissionsBoundary() != null) {
      s.child("PermissionsBoundary", IamShapes.boundary(u.permissionsBoundary()));
    }
    if (!u.tags().isEmpty()) {
      s.list("Tags", u.tags(), IamShapes::tag);
    }
    return s;
  }

  /** Group names as the groups spell them now (membership is kept on the user by name). */
  private List<String> groupNames(User u) {
    List<String> names = new ArrayList<>();
    for (String name : u.groups()) {
      names.add(iam.state().get(AwsKeys.group(u.account(), name), Group.class).map(v -> v.value().name()).orElse(name));
    }
    return names;
  }

  private Shape group(Group g) {
    return Shape.struct().str("Path", g.path()).str("GroupName", g.name()).str("GroupId", g.id())
        .str("Arn", g.arn()).time("CreateDate", g.created())
        .list("GroupPolicyList", List.copyOf(g.inlinePolicies().entrySet()), AccountAuthorizationDetailsOperation::inline)
        .list("AttachedManagedPolicies", g.attachedPolicies(), this::attached);
  }

  private Shape role(Role r) {
    Shape s = Shape.struct().str("Path", r.path()).str("RoleName", r.name()).str("RoleId", r.id())
        .str("Arn", r.arn()).time("CreateDate", r.created())
        .str("AssumeRolePolicyDocument", QueryResponses.urlEncodePolicy(r.trustPolicy()))
        // Gatehouse has no instance profiles.
        .list("InstanceProfileList", Collections.<Shape>emptyList(), s2 -> s2)
        .list("RolePolicyList", List.copyOf(r.inlinePolicies().entrySet()), AccountAuthorizationDetailsOperation::inline)
        .list("AttachedManagedPolicies", r.attachedPolicies(), this::attached);
    if (r.permissionsBoundary() != null) {
      s.child("PermissionsBoundary", IamShapes.boundary(r.permissionsBoundary()));
    }
    if (!r.tags().isEmpty()) {
      s.list("Tags", r.tags(), IamShapes::tag);
    }
    return s.child("RoleLastUsed", Shape.struct().time("LastUsedDate", r.lastUsed()).str("Region", r.lastUsedRegion()));
  }

  private Shape policy(ManagedPolicy mp, Usage usage) {
    List<PolicyVersion> newestFirst = new ArrayList<>(mp.versions());
    Collections.reverse(newestFirst);
    return Shape.struct().str("PolicyName", mp.name()).str("PolicyId", mp.id()).str("Arn", mp.arn())
        .str("Path", mp.path()).str("DefaultVersionId", mp.defaultVersionId())
        .integer("AttachmentCount", usage.attached(mp.arn()))
        .integer("PermissionsBoundaryUsageCount", usage.boundary(mp.arn())).bool("IsAttachable", true)
        .str("Description", mp.description()).time("CreateDate", mp.created()).time("UpdateDate", mp.updated())
        .list("PolicyVersionList", newestFirst, v -> Shape.struct()
            .str("Document", QueryResponses.urlEncodePolicy(v.document())).str("VersionId", v.versionId())
            .bool("IsDefaultVersion", v.versionId().equals(mp.defaultVersionId())).time("CreateDate", v.created()));
  }

  private static Shape inline(Map.Entry<String, String> policy) {
    return Shape.struct().str("PolicyName", policy.getKey())
        .str("PolicyDocument", QueryResponses.urlEncodePolicy(policy.getValue()));
  }

  /** An attached policy by ARN; a policy deleted since keeps its ARN's last segment as the name. */
  private Shape attached(String arn) {
    String name = iam.policies().managed(arn).map(ManagedPolicy::name).orElse(arn.substring(arn.lastIndexOf('/') + 1));
    return Shape.struct().str("PolicyName", name).str("PolicyArn", arn);
  }
}
