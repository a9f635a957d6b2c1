package dev.gatehouse.aws.iam;

import static dev.gatehouse.aws.api.OperationSpec.iam;

import dev.gatehouse.aws.api.OperationContext;
import dev.gatehouse.aws.api.OperationSpec;
import dev.gatehouse.aws.api.Page;
import dev.gatehouse.aws.api.Params;
import dev.gatehouse.aws.api.Shape;
import dev.gatehouse.aws.api.Target;
import dev.gatehouse.aws.model.AwsIds;
import dev.gatehouse.aws.model.ManagedPolicy;
import dev.gatehouse.aws.model.PolicyVersion;
import dev.gatehouse.aws.model.Tag;
import dev.gatehouse.aws.protocol.Node;
import dev.gatehouse.aws.protocol.QueryResponses;
import dev.gatehouse.aws.state.AwsKeys;
import dev.gatehouse.iam.policy.ParseResult;
import dev.gatehouse.iam.policy.Policies;
import dev.gatehouse.iam.policy.PolicyKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Stream;

/** Customer managed policies and their versions; AWS managed policies are readable, never writable. */
public final class ManagedPolicyOperations {
  static final int MAX_VERSIONS = 5;
  static final int MAX_SIZE = 6144;

  private final IamServices iam;

  public ManagedPolicyOperations(IamServices iam) {
    this.iam = iam;
  }

  public List<OperationSpec> specs() {
    return List.of(
        iam("CreatePolicy", IamTargets.creating("iam:CreatePolicy", "policy", "PolicyName"), this::create),
        iam("GetPolicy", byArn("iam:GetPolicy"), this::get),
        iam("ListPolicies", ctx -> Target.of("iam:ListPolicies", "arn:aws:iam::" + ctx.account() + ":policy/"), this::list),
        iam("DeletePolicy", byArn("iam:DeletePolicy"), this::delete),
        iam("CreatePolicyVersion", byArn("iam:CreatePolicyVersion"), this::createVersion),
        iam("GetPolicyVersion", byArn("iam:GetPolicyVersion"), this::getVersion),
        iam("ListPolicyVersions", byArn("iam:ListPolicyVersions"), this::listVersions),
        iam("DeletePolicyVersion", byArn("iam:DeletePolicyVersion"), this::deleteVersion),
        iam("SetDefaultPolicyVersion", byArn("iam:SetDefaultPolicyVersion"), this::setDefault),
        iam("ListEntitiesForPolicy", byArn("iam:ListEntitiesForPolicy"), this::entities),
        iam("TagPolicy", IamTargets.withRequestTags(byArn("iam:TagPolicy")), this::tag),
        iam("UntagPolicy", byArn("iam:UntagPolicy"), this::untag),
        iam("ListPolicyTags", byArn("iam:ListPolicyTags"), this::listTags));
  }

  private static Function<OperationContext, Target> byArn(String action) {
    return ctx -> Target.of(action, ctx.params().required("PolicyArn"));
  }

  static String validDocument(Params p, String param) {
    String document = p.policyDocument(param);
    ParseResult parsed = Policies.parse(document, PolicyKind.IDENTITY);
    if (parsed instanceof ParseResult.Malformed m) {
      throw IamErrors.malformedPolicy(m.message());
    }
    if (Policies.nonWhitespaceLength(document) > MAX_SIZE) {
      throw IamErrors.limitExceeded("Cannot exceed quota for PolicySize: " + MAX_SIZE);
    }
    return document;
  }

  private ManagedPolicy policy(OperationContext ctx) {
    String arn = ctx.params().required("PolicyArn");
    ctx.params().checkLength("PolicyArn", arn, 20, 2048);
    PolicyArns.check(arn);
    return iam.policies().managed(arn).filter(mp -> mp.awsManaged() || mp.account().equals(ctx.account()))
        .orElseThrow(() -> IamErrors.noSuchEntity("Policy " + arn + " was not found."));
  }

  private ManagedPolicy writable(OperationContext ctx) {
    ManagedPolicy mp = policy(ctx);
    if (mp.awsManaged()) {
      throw IamErrors.invalidInput("ARN " + mp.arn() + " is not valid.");
    }
    return mp;
  }

  private Shape shape(ManagedPolicy mp, String account, boolean withTags) {
    PolicyUsage usage = PolicyUsage.of(iam, account, mp.arn());
    Shape s = Shape.struct().str("PolicyName", mp.name()).str("PolicyId", mp.id()).str("Arn", mp.arn())
        .str("Path", mp.path()).str("DefaultVersionId", mp.defaultVersionId())
        .integer("AttachmentCount", usage.attachmentCount())
        .integer("PermissionsBoundaryUsageCount", usage.boundaryCount()).bool("IsAttachable", true)
        .str("Description", mp.description()).time("CreateDate", mp.created()).time("UpdateDate", mp.updated());
    if (withTags && !mp.tags().isEmpty()) {
      s.list("Tags", mp.tags(), IamShapes::tag);
    }
    return s;
  }

  private Node create(OperationContext ctx) {
    Params p = ctx.params();
    String name = p.name("PolicyName", 128);
    String path = p.path("Path");
    String document = validDocument(p, "PolicyDocument");
    String description = p.optional("Description").orElse(null);
    List<Tag> tags = p.tags("Tags");
    Tags.checkUnique(tags);
    String key = AwsKeys.policy(ctx.account(), name);
    if (iam.state().get(key, ManagedPolicy.class).isPresent()) {
      throw IamErrors.alreadyExists("A policy called " + name + " already exists. Duplicate names are not allowed.");
    }
    ManagedPolicy mp = new ManagedPolicy(ctx.account(), name, path, AwsIds.policyId(), ctx.now(), ctx.now(),
        description, "v1", List.of(new PolicyVersion("v1", document, ctx.now())), 2, tags);
    iam.commit(iam.batch().put(key, mp));
    return Shape.struct().child("Policy", shape(mp, ctx.account(), true)).toNode();
  }

  private Node get(OperationContext ctx) {
    return Shape.struct().child("Policy", shape(policy(ctx), ctx.account(), true)).toNode();
  }

  private Node list(OperationContext ctx) {
    Params p = ctx.params();
    String scope = p.optional("Scope").orElse("All");
    boolean onlyAttached = p.optional("OnlyAttached").map(Boolean::parseBoolean).orElse(false);
    String prefix = p.optional("PathPrefix").orElse("/");
    Stream<ManagedPolicy> all = Stream.concat(
        scope.equals("Local") ? Stream.empty() : iam.policies().awsManaged().all().stream(),
        scope.equals("AWS") ? Stream.empty()
            : iam.state().values(AwsKeys.entityPrefix(ctx.account(), "policies"), ManagedPolicy.class).stream());
    List<ManagedPolicy> matching = all.filter(mp -> mp.path().startsWith(prefix))
        .filter(mp -> !onlyAttached || PolicyUsage.of(iam, ctx.account(), mp.arn()).attachmentCount() > 0)
        .sorted((a, b) -> a.name().compareToIgnoreCase(b.name())).toList();
    Page<ManagedPolicy> page = Page.of(matching, mp -> mp.name().toLowerCase(Locale.ROOT) + "\u0000" + mp.arn(), p);
    return Shape.struct().list("Policies", page.items(), mp -> shape(mp, ctx.account(), false)).page(page).toNode();
  }

  private Node delete(OperationContext ctx) {
    ManagedPolicy mp = writable(ctx);
    PolicyUsage usage = PolicyUsage.of(iam, ctx.account(), mp.arn());
    if (usage.attachmentCount() > 0) {
      throw IamErrors.deleteConflict("Cannot delete a policy attached to entities.");
    }
    if (usage.boundaryCount() > 0) {
      throw IamErrors.deleteConflict("Cannot delete a policy used as a permissions boundary.");
    }
    if (mp.versions().size() > 1) {
      throw IamErrors.deleteConflict("This policy has more than one version. Before you delete a policy, you must"
          + " delete the policy's versions. The default version is deleted with the policy.");
    }
    iam.commit(iam.batch().delete(AwsKeys.policy(mp.account(), mp.name())));
    return null;
  }

  private Node createVersion(OperationContext ctx) {
    ManagedPolicy mp = writable(ctx);
    String document = validDocument(ctx.params(), "PolicyDocument");
    boolean setDefault = ctx.params().optional("SetAsDefault").map(Boolean::parseBoolean).orElse(false);
    if (mp.versions().size() >= MAX_VERSIONS) {
      throw IamErrors.limitExceeded("A managed policy can have up to " + MAX_VERSIONS + " versions. Before you create"
          + " a new version, you must delete an existing version.");
    }
    PolicyVersion v = new PolicyVersion("v" + mp.nextVersion(), document, ctx.now());
    List<PolicyVersion> versions = new ArrayList<>(mp.versions());
    versions.add(v);
    ManagedPolicy updated = mp.withVersions(versions, setDefault ? v.versionId() : mp.defaultVersionId(),
        mp.nextVersion() + 1, ctx.now());
    iam.commit(iam.batch().put(AwsKeys.policy(mp.account(), mp.name()), updated));
    return Shape.struct().child("PolicyVersion", Shape.struct().str("VersionId", v.versionId())
        .bool("IsDefaultVersion", setDefault).time("CreateDate", v.created())).toNode();
  }

  private Node getVersion(OperationContext ctx) {
    ManagedPolicy mp = policy(ctx);
    String id = ctx.params().required("VersionId");
    PolicyVersion v = mp.version(id).orElseThrow(() -> IamErrors.noSuchEntity(
        "Policy " + mp.arn() + " version " + id + " does not exist or is not attachable."));
    return Shape.struct().child("PolicyVersion", Shape.struct()
        .str("Document", QueryResponses.urlEncodePolicy(v.document())).str("VersionId", v.versionId())
        .bool("IsDefaultVersion", v.versionId().equals(mp.defaultVersionId())).time("CreateDate", v.created())).toNode();
  }

  private Node listVersions(OperationContext ctx) {
    ManagedPolicy mp = policy(ctx);
    List<PolicyVersion> newestFirst = new ArrayList<>(mp.versions());
    java.util.Collections.reverse(newestFirst);
    return Shape.struct().list("Versions", newestFirst, v -> Shape.struct().str("VersionId", v.versionId())
        .bool("IsDefaultVersion", v.versionId().equals(mp.defaultVersionId())).time("CreateDate", v.created()))
        .bool("IsTruncated", false).toNode();
  }

  private Node deleteVersion(OperationContext ctx) {
    ManagedPolicy mp = writable(ctx);
    String id = ctx.params().required("VersionId");
    if (mp.version(id).isEmpty()) {
      throw IamErrors.noSuchEntity("Policy " + mp.arn() + " version " + id + " does not exist or is not attachable.");
    }
    if (id.equals(mp.defaultVersionId())) {
      throw IamErrors.deleteConflict("Cannot delete the default version of a policy.");
    }
    List<PolicyVersion> versions = mp.versions().stream().filter(v -> !v.versionId().equals(id)).toList();
    iam.commit(iam.batch().put(AwsKeys.policy(mp.account(), mp.name()),
        mp.withVersions(versions, mp.defaultVersionId(), mp.nextVersion(), ctx.now())));
    return null;
  }

  private Node setDefault(OperationContext ctx) {
    ManagedPolicy mp = writable(ctx);
    String id = ctx.params().required("VersionId");
    if (mp.version(id).isEmpty()) {
      throw IamErrors.noSuchEntity("Policy " + mp.arn() + " version " + id + " does not exist or is not attachable.");
    }
    iam.commit(iam.batch().put(AwsKeys.policy(mp.account(), mp.name()),
        mp.withVersions(mp.versions(), id, mp.nextVersion(), ctx.now())));
    return null;
  }

  private Node entities(OperationContext ctx) {
    ManagedPolicy mp = policy(ctx);
    PolicyUsage usage = PolicyUsage.of(iam, ctx.account(), mp.arn());
    return Shape.struct()
        .list("PolicyGroups", usage.groups(), g -> Shape.struct().str("GroupName", g.name()).str("GroupId", g.id()))
        .list("PolicyUsers", usage.users(), u -> Shape.struct().str("UserName", u.name()).str("UserId", u.id()))
        .list("PolicyRoles", usage.roles(), r -> Shape.struct().str("RoleName", r.name()).str("RoleId", r.id()))
        .bool("IsTruncated", false).toNode();
  }

  private Node tag(OperationContext ctx) {
    ManagedPolicy mp = writable(ctx);
    List<Tag> tags = ctx.params().tags("Tags");
    Tags.checkUnique(tags);
    iam.commit(iam.batch().put(AwsKeys.policy(mp.account(), mp.name()), mp.withTags(Tags.merge(mp.tags(), tags))));
    return null;
  }

  private Node untag(OperationContext ctx) {
    ManagedPolicy mp = writable(ctx);
    iam.commit(iam.batch().put(AwsKeys.policy(mp.account(), mp.name()),
        mp.withTags(Tags.remove(mp.tags(), ctx.params().members("TagKeys")))));
    return null;
  }

  private Node listTags(OperationContext ctx) {
    return IamShapes.tags(policy(ctx).tags()).toNode();
  }
}
