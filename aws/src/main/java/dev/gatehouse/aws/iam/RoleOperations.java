package dev.gatehouse.aws.iam;

import static dev.gatehouse.aws.api.OperationSpec.iam;

import dev.gatehouse.aws.api.OperationContext;
import dev.gatehouse.aws.api.OperationSpec;
import dev.gatehouse.aws.api.Page;
import dev.gatehouse.aws.api.Params;
import dev.gatehouse.aws.api.Shape;
import dev.gatehouse.aws.model.AwsIds;
import dev.gatehouse.aws.model.Role;
import dev.gatehouse.aws.model.Tag;
import dev.gatehouse.aws.protocol.Node;
import dev.gatehouse.aws.protocol.QueryResponses;
import dev.gatehouse.aws.state.AwsKeys;
import dev.gatehouse.iam.policy.ParseResult;
import dev.gatehouse.iam.policy.Policies;
import dev.gatehouse.iam.policy.PolicyKind;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** IAM roles: trust policies, session limits, tags, permissions boundaries. */
public final class RoleOperations {
  static final int TRUST_POLICY_QUOTA = 2048;

  private final IamServices iam;
  private final IamTargets targets;

  public RoleOperations(IamServices iam) {
    this.iam = iam;
    this.targets = new IamTargets(iam.state());
  }

  public List<OperationSpec> specs() {
    return List.of(
        iam("CreateRole", IamTargets.creating("iam:CreateRole", "role", "RoleName"), this::create),
        iam("GetRole", targets.role("iam:GetRole"), this::get),
        iam("ListRoles", IamTargets.listing("iam:ListRoles", "role"), this::list),
        iam("UpdateRole", targets.role("iam:UpdateRole"), this::update),
        iam("UpdateRoleDescription", targets.role("iam:UpdateRoleDescription"), this::updateDescription),
        iam("DeleteRole", targets.role("iam:DeleteRole"), this::delete),
        iam("UpdateAssumeRolePolicy", targets.role("iam:UpdateAssumeRolePolicy"), this::updateTrust),
        iam("TagRole", IamTargets.withRequestTags(targets.role("iam:TagRole")), this::tag),
        iam("UntagRole", targets.role("iam:UntagRole"), this::untag),
        iam("ListRoleTags", targets.role("iam:ListRoleTags"), this::listTags),
        iam("PutRolePermissionsBoundary", targets.role("iam:PutRolePermissionsBoundary"), this::putBoundary),
        iam("DeleteRolePermissionsBoundary", targets.role("iam:DeleteRolePermissionsBoundary"), this::deleteBoundary));
  }

  static Shape shape(Role r, boolean full) {
    Shape s = Shape.struct().str("Path", r.path()).str("RoleName", r.name()).str("RoleId", r.id()).str("Arn", r.arn())
        .time("CreateDate", r.created())
        .str("AssumeRolePolicyDocument", QueryResponses.urlEncodePolicy(r.trustPolicy()))
        .str("Description", r.description()).integer("MaxSessionDuration", r.maxSessionDuration());
    if (r.permissionsBoundary() != null) {
      s.child("PermissionsBoundary", IamShapes.boundary(r.permissionsBoundary()));
    }
    if (full) {
      if (!r.tags().isEmpty()) {
        s.list("Tags", r.tags(), IamShapes::tag);
      }
      s.child("RoleLastUsed", Shape.struct().time("LastUsedDate", r.lastUsed()).str("Region", r.lastUsedRegion()));
    }
    return s;
  }

  private static String trustDocument(Params p, String param) {
    String document = p.policyDocument(param);
    ParseResult parsed = Policies.parse(document, PolicyKind.TRUST);
    if (parsed instanceof ParseResult.Malformed m) {
      throw IamErrors.malformedPolicy(m.message());
    }
    if (Policies.nonWhitespaceLength(document) > TRUST_POLICY_QUOTA) {
      throw IamErrors.limitExceeded("Cannot exceed quota for ACLSizePerRole: " + TRUST_POLICY_QUOTA);
    }
    return document;
  }

  private Role role(OperationContext ctx) {
    return iam.role(ctx.account(), ctx.params().name("RoleName", 64));
  }

  private void save(Role role) {
    iam.commit(iam.batch().put(AwsKeys.role(role.account(), role.name()), role));
  }

  private Node create(OperationContext ctx) {
    Params p = ctx.params();
    String name = p.name("RoleName", 64);
    String path = p.path("Path");
    String trust = trustDocument(p, "AssumeRolePolicyDocument");
    String description = p.optional("Description").orElse(null);
    if (description != null) {
      p.checkLength("Description", description, 0, 1000);
    }
    int maxSession = p.integer("MaxSessionDuration", 3600, 3600, 43200);
    List<Tag> tags = p.tags("Tags");
    Tags.checkUnique(tags);
    String boundary = p.optional("PermissionsBoundary").orElse(null);
    if (boundary != null) {
      Boundaries.check(iam, boundary);
    }
    String key = AwsKeys.role(ctx.account(), name);
    if (iam.state().get(key, Role.class).isPresent()) {
      throw IamErrors.alreadyExists("Role with name " + name + " already exists.");
    }
    Role role = new Role(ctx.account(), name, path, AwsIds.roleId(), ctx.now(), trust, description, maxSession, tags,
        Map.of(), List.of(), boundary, null, null);
    iam.commit(iam.batch().put(key, role));
    return Shape.struct().child("Role", shape(role, false).list("Tags", tags, IamShapes::tag)).toNode();
  }

  private Node get(OperationContext ctx) {
    return Shape.struct().child("Role", shape(role(ctx), true)).toNode();
  }

  private Node list(OperationContext ctx) {
    String prefix = ctx.params().optional("PathPrefix").orElse("/");
    List<Role> roles = iam.state().values(AwsKeys.entityPrefix(ctx.account(), "roles"), Role.class).stream()
        .filter(r -> r.path().startsWith(prefix)).toList();
    Page<Role> page = Page.of(roles, r -> r.name().toLowerCase(Locale.ROOT), ctx.params());
    return Shape.struct().list("Roles", page.items(), r -> shape(r, false)).page(page).toNode();
  }

  private Node update(OperationContext ctx) {
    Role role = role(ctx);
    Params p = ctx.params();
    String description = p.optional("Description").orElse(role.description());
    int maxSession = p.integer("MaxSessionDuration", role.maxSessionDuration(), 3600, 43200);
    save(role.withDescriptionAndMaxSession(description, maxSession));
    return null;
  }

  private Node updateDescription(OperationContext ctx) {
    Role role = role(ctx);
    Role updated = role.withDescriptionAndMaxSession(ctx.params().required("Description"), role.maxSessionDuration());
    save(updated);
    return Shape.struct().child("Role", shape(updated, true)).toNode();
  }

  private Node delete(OperationContext ctx) {
    Role role = role(ctx);
    if (!role.inlinePolicies().isEmpty()) {
      throw IamErrors.deleteConflict("Cannot delete entity, must delete policies first.");
    }
    if (!role.attachedPolicies().isEmpty()) {
      throw IamErrors.deleteConflict("Cannot delete entity, must detach all policies first.");
    }
    iam.commit(iam.batch().delete(AwsKeys.role(role.account(), role.name())));
    return null;
  }

  private Node updateTrust(OperationContext ctx) {
    Role role = role(ctx);
    save(role.withTrustPolicy(trustDocument(ctx.params(), "PolicyDocument")));
    return null;
  }

  private Node tag(OperationContext ctx) {
    Role role = role(ctx);
    List<Tag> tags = ctx.params().tags("Tags");
    Tags.checkUnique(tags);
    save(role.withTags(Tags.merge(role.tags(), tags)));
    return null;
  }

  private Node untag(OperationContext ctx) {
    Role role = role(ctx);
    save(role.withTags(Tags.remove(role.tags(), ctx.params().members("TagKeys"))));
    return null;
  }

  private Node listTags(OperationContext ctx) {
    return IamShapes.tags(role(ctx).tags()).toNode();
  }

  private Node putBoundary(OperationContext ctx) {
    Role role = role(ctx);
    String arn = ctx.params().required("PermissionsBoundary");
    Boundaries.check(iam, arn);
    save(role.withPermissionsBoundary(arn));
    return null;
  }

  private Node deleteBoundary(OperationContext ctx) {
    save(role(ctx).withPermissionsBoundary(null));
    return null;
  }
}
