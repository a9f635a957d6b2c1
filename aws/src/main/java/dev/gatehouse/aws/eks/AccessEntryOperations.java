package dev.gatehouse.aws.eks;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.aws.api.Target;
import dev.gatehouse.aws.auth.IamAuthorizer;
import dev.gatehouse.aws.auth.RequestFacts;
import dev.gatehouse.aws.eks.api.EksContext;
import dev.gatehouse.aws.eks.api.EksError;
import dev.gatehouse.aws.eks.api.EksFields;
import dev.gatehouse.aws.eks.api.EksJson;
import dev.gatehouse.aws.eks.api.EksOperationSpec;
import dev.gatehouse.aws.eks.model.AccessEntry;
import dev.gatehouse.aws.eks.model.EksCluster;
import dev.gatehouse.aws.state.AwsKeys;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Access entries: create, describe, list, update, delete. All of them need a cluster whose authentication
 * mode enables access entries (API or API_AND_CONFIG_MAP). The principal must exist in the IAM of an account
 * this Gatehouse hosts; its unique id is recorded, so a re-created principal of the same ARN is not let in.
 */
final class AccessEntryOperations {
  private static final String ENTRY_URI = "/clusters/{name}/access-entries/{principalArn}";

  private final EksServices eks;

  AccessEntryOperations(EksServices eks) {
    this.eks = eks;
  }

  List<EksOperationSpec> specs() {
    return List.of(
        new EksOperationSpec("CreateAccessEntry", "POST", "/clusters/{name}/access-entries", this::createTarget,
            this::create),
        new EksOperationSpec("DescribeAccessEntry", "GET", ENTRY_URI, entry("eks:DescribeAccessEntry"), this::describe),
        new EksOperationSpec("ListAccessEntries", "GET", "/clusters/{name}/access-entries",
            ctx -> eks.clusterTarget(ctx, "eks:ListAccessEntries", ctx.request().label("name"), Map.of()), this::list),
        new EksOperationSpec("UpdateAccessEntry", "POST", ENTRY_URI, entry("eks:UpdateAccessEntry"), this::update),
        new EksOperationSpec("DeleteAccessEntry", "DELETE", ENTRY_URI, entry("eks:DeleteAccessEntry"), this::delete));
  }

  /** An operation on the entry the URI names. */
  Function<EksContext, Target> entry(String action) {
    return ctx -> eks.entryTarget(ctx, action, ctx.request().label("name"), ctx.request().label("principalArn"),
        Map.of());
  }

  private Target createTarget(EksContext ctx) {
    EksFields body = ctx.request().body();
    Map<String, List<String>> keys = new HashMap<>();
    body.string("principalArn").ifPresent(p -> keys.put("eks:principalArn", List.of(p)));
    body.string("username").ifPresent(u -> keys.put("eks:username", List.of(u)));
    body.strings("kubernetesGroups").filter(g -> !g.isEmpty()).ifPresent(g -> keys.put("eks:kubernetesGroups", g));
    return eks.clusterTarget(ctx, "eks:CreateAccessEntry", ctx.request().label("name"), keys);
  }

  private ObjectNode create(EksContext ctx) {
    EksCluster cluster = eks.clusterWithAccessEntries(ctx, ctx.request().label("name"));
    EksFields body = ctx.request().body();
    PrincipalArn principal = PrincipalArn.parse(body.requiredString("principalArn"));
    String type = AccessEntryRules.checkType(body.string("type").orElse(AccessEntryRules.STANDARD));
    Optional<List<String>> groups = body.strings("kubernetesGroups");
    Optional<String> username = body.string("username");
    boolean customized = groups.map(g -> !g.isEmpty()).orElse(false) || username.isPresent();
    AccessEntryRules.checkPrincipalForType(type, principal, cluster, customized);
    groups.ifPresent(AccessEntryRules::checkGroups);
    username.ifPresent(AccessEntryRules::checkUsername);
    Map<String, String> tags = ClusterOperations.checkTags(body.stringMap("tags").orElse(Map.of()));
    String principalId = AccessEntryRules.principalId(eks.state(), principal);
    if (eks.entry(cluster.name(), principal.arn()).isPresent()) {
      throw EksErrors.accessEntryExists();
    }
    if (type.equals("EC2_LINUX") || type.equals("EC2_WINDOWS")) {
      checkPassRole(ctx, principal.arn());
    }
    AccessEntry entry = AccessEntryRules.newEntry(cluster, principal, principalId, type,
        username.orElseGet(() -> AccessEntryRules.defaultUsername(type, principal)),
        groups.filter(g -> !g.isEmpty()).orElseGet(() -> AccessEntryRules.defaultGroups(type)), tags, List.of(),
        ctx.now());
    eks.commit(eks.batch().put(AwsKeys.accessEntry(cluster.name(), entry.principalArn()), entry));
    return wrap(entry);
  }

  /** The user guide: creating EC2_LINUX or EC2_WINDOWS entries needs iam:PassRole on the node role. */
  private void checkPassRole(EksContext ctx, String roleArn) {
    IamAuthorizer.Outcome outcome = eks.authorizer().authorize(ctx.caller(), "iam:PassRole", roleArn,
        Map.of("iam:PassedToService", List.of("eks.amazonaws.com")),
        new RequestFacts(ctx.now(), ctx.sourceIp(), ctx.secureTransport(), ctx.region()));
    if (!outcome.allowed()) {
      // EKS answers AccessDenied in the older form, without the reason clause (observed in EKS errors
          // users report, e.g. "... on resource: arn:aws:eks:...:cluster/x" and "... with an explicit deny")
          throw EksError.of("AccessDeniedException", outcome.messageWithoutReason()).exception();
    }
  }

  private ObjectNode describe(EksContext ctx) {
    EksCluster cluster = eks.clusterWithAccessEntries(ctx, ctx.request().label("name"));
    return wrap(eks.requiredEntry(cluster.name(), ctx.request().label("principalArn")));
  }

  private ObjectNode list(EksContext ctx) {
    EksCluster cluster = eks.clusterWithAccessEntries(ctx, ctx.request().label("name"));
    Optional<String> policy = ctx.request().query("associatedPolicyArn");
    List<String> arns = eks.entries(cluster.name()).stream()
        .filter(e -> policy.isEmpty() || e.accessPolicies().stream().anyMatch(p -> p.policyArn().equals(policy.get())))
        .map(AccessEntry::principalArn).toList();
    EksPage<String> page = EksPage.of(arns, a -> a, ctx.request());
    ObjectNode out = EksJson.object();
    out.set("accessEntries", EksJson.strings(page.items()));
    if (page.nextToken() != null) {
      out.put("nextToken", page.nextToken());
    }
    return out;
  }

  private ObjectNode update(EksContext ctx) {
    EksCluster cluster = eks.clusterWithAccessEntries(ctx, ctx.request().label("name"));
    AccessEntry entry = eks.requiredEntry(cluster.name(), ctx.request().label("principalArn"));
    EksFields body = ctx.request().body();
    Optional<List<String>> groups = body.strings("kubernetesGroups");
    Optional<String> username = body.string("username");
    if (!entry.type().equals(AccessEntryRules.STANDARD) && (groups.isPresent() || username.isPresent())) {
      throw EksErrors.standardOnly();
    }
    groups.ifPresent(AccessEntryRules::checkGroups);
    username.ifPresent(AccessEntryRules::checkUsername);
    AccessEntry updated = entry.withIdentity(username.orElse(entry.username()),
        groups.orElse(entry.kubernetesGroups()), ctx.now());
    eks.commit(eks.batch().put(AwsKeys.accessEntry(cluster.name(), entry.principalArn()), updated));
    return wrap(updated);
  }

  private ObjectNode delete(EksContext ctx) {
    EksCluster cluster = eks.clusterWithAccessEntries(ctx, ctx.request().label("name"));
    AccessEntry entry = eks.requiredEntry(cluster.name(), ctx.request().label("principalArn"));
    eks.commit(eks.batch().delete(AwsKeys.accessEntry(cluster.name(), entry.principalArn())));
    return EksJson.object();
  }

  private static ObjectNode wrap(AccessEntry entry) {
    ObjectNode out = EksJson.object();
    out.set("accessEntry", EksShapes.entry(entry));
    return out;
  }
}
