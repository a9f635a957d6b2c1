package dev.gatehouse.aws.eks;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.aws.api.Target;
import dev.gatehouse.aws.auth.Caller;
import dev.gatehouse.aws.eks.api.EksContext;
import dev.gatehouse.aws.eks.api.EksFields;
import dev.gatehouse.aws.eks.api.EksJson;
import dev.gatehouse.aws.eks.api.EksOperationSpec;
import dev.gatehouse.aws.eks.api.EksRequest;
import dev.gatehouse.aws.eks.model.AccessEntry;
import dev.gatehouse.aws.eks.model.EksCluster;
import dev.gatehouse.aws.state.AwsKeys;
import dev.gatehouse.aws.state.Batch;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * EKS clusters: CreateCluster, DescribeCluster, ListClusters, DeleteCluster. Each EKS cluster is a Gatehouse
 * logical cluster that {@link ClusterHost} provisions; it is ACTIVE as soon as CreateCluster returns, so
 * {@code aws eks update-kubeconfig} (which requires ACTIVE or UPDATING) works at once.
 */
final class ClusterOperations {
  static final String DEFAULT_VERSION = "1.32";
  static final String PLATFORM_VERSION = "eks.1";
  private static final Pattern NAME = Pattern.compile("[0-9A-Za-z][A-Za-z0-9\\-_]*");
  private static final String NAME_PATTERN = "^[0-9A-Za-z][A-Za-z0-9\\-_]*";
  private static final Pattern ROLE_ARN = Pattern.compile("arn:aws:iam::\\d{12}:role/.+");
  private static final Pattern VERSION = Pattern.compile("1\\.\\d{1,3}");
  private static final List<String> MODES = List.of(EksCluster.CONFIG_MAP, EksCluster.API_AND_CONFIG_MAP, EksCluster.API);

  private final EksServices eks;

  ClusterOperations(EksServices eks) {
    this.eks = eks;
  }

  List<EksOperationSpec> specs() {
    return List.of(
        new EksOperationSpec("CreateCluster", "POST", "/clusters", this::createTarget, this::create),
        new EksOperationSpec("DescribeCluster", "GET", "/clusters/{name}", named("eks:DescribeCluster"), this::describe),
        new EksOperationSpec("ListClusters", "GET", "/clusters",
            ctx -> Target.of("eks:ListClusters", EksServices.clusterArn(ctx.region(), ctx.account(), "*")), this::list),
        new EksOperationSpec("DeleteCluster", "DELETE", "/clusters/{name}", named("eks:DeleteCluster"), this::delete));
  }

  private Function<EksContext, Target> named(String action) {
    return ctx -> eks.clusterTarget(ctx, action, ctx.request().label("name"), Map.of());
  }

  private Target createTarget(EksContext ctx) {
    EksFields body = ctx.request().body();
    String name = body.string("name").orElse("");
    Map<String, List<String>> keys = new HashMap<>();
    Map<String, String> tags = body.stringMap("tags").orElse(Map.of());
    tags.forEach((k, v) -> keys.put("aws:RequestTag/" + k, List.of(v)));
    if (!tags.isEmpty()) {
      keys.put("aws:TagKeys", new ArrayList<>(tags.keySet()));
    }
    return new Target("eks:CreateCluster", EksServices.clusterArn(ctx.region(), ctx.account(), name), keys);
  }

  private ObjectNode create(EksContext ctx) {
    EksFields body = ctx.request().body();
    String name = checkName(body.requiredString("name"));
    String roleArn = body.requiredString("roleArn");
    if (!ROLE_ARN.matcher(roleArn).matches()) {
      throw EksErrors.invalidRoleArn(roleArn);
    }
    EksFields vpc = body.requiredObject("resourcesVpcConfig");
    String version = body.string("version").orElse(DEFAULT_VERSION);
    if (!VERSION.matcher(version).matches()) {
      throw EksErrors.unsupportedVersion(version);
    }
    Optional<EksFields> access = body.object("accessConfig");
    String mode = access.flatMap(a -> a.string("authenticationMode")).orElse(EksCluster.CONFIG_MAP);
    checkMode(mode, "accessConfig.authenticationMode");
    boolean bootstrap = access.flatMap(a -> a.bool("bootstrapClusterCreatorAdminPermissions")).orElse(true);
    if (mode.equals(EksCluster.CONFIG_MAP) && !bootstrap) {
      throw EksErrors.bootstrapRequired();
    }
    Map<String, String> tags = checkTags(body.stringMap("tags").orElse(Map.of()));
    String key = AwsKeys.eksCluster(name);
    if (eks.anyCluster(name).isPresent()) {
      throw EksErrors.clusterExists(name);
    }
    ClusterHost.Provisioned hosted;
    try {
      hosted = eks.host().provision(name);
    } catch (IllegalArgumentException e) {
      // The Kubernetes side refuses names it cannot serve; its reason is the caller's to read.
      throw EksErrors.invalidParameter(e.getMessage());
    }
    Caller caller = ctx.caller();
    boolean role = caller.role() != null;
    EksCluster cluster = new EksCluster(name, ctx.account(), ctx.region(),
        EksServices.clusterArn(ctx.region(), ctx.account(), name), UUID.randomUUID().toString(), roleArn, version,
        PLATFORM_VERSION, "ACTIVE", ctx.now(), mode, bootstrap, role ? caller.role().arn() : caller.user().arn(),
        role ? caller.role().id() : caller.user().id(), hosted.endpoint(), hosted.certificateAuthorityData(),
        hosted.oidcIssuer(), vpc.asMap(), tags, List.of());
    Batch batch = eks.batch().put(key, cluster);
    if (bootstrap && cluster.accessEntriesEnabled()) {
      AccessEntry creator = AccessEntryRules.creatorEntry(cluster, ctx.now());
      batch.put(AwsKeys.accessEntry(name, creator.principalArn()), creator);
    }
    eks.commit(batch);
    return wrap(cluster, cluster.status());
  }

  private ObjectNode describe(EksContext ctx) {
    EksCluster cluster = eks.cluster(ctx, ctx.request().label("name"));
    return wrap(cluster, cluster.status());
  }

  private ObjectNode list(EksContext ctx) {
    List<String> names = eks.state().values(AwsKeys.eksClusterPrefix(), EksCluster.class).stream()
        .filter(c -> c.account().equals(ctx.account()) && c.region().equals(ctx.region()))
        .map(EksCluster::name).sorted().toList();
    EksPage<String> page = EksPage.of(names, n -> n, ctx.request());
    ObjectNode out = EksJson.object();
    out.set("clusters", EksJson.strings(page.items()));
    if (page.nextToken() != null) {
      out.put("nextToken", page.nextToken());
    }
    return out;
  }

  /**
   * Removes the record and its access entries, then releases the logical cluster (in that order, so a commit
   * that loses a conflict and is re-run has released nothing); answers the cluster as DELETING.
   */
  private ObjectNode delete(EksContext ctx) {
    EksCluster cluster = eks.cluster(ctx, ctx.request().label("name"));
    Batch batch = eks.batch().delete(AwsKeys.eksCluster(cluster.name()));
    for (AccessEntry entry : eks.entries(cluster.name())) {
      batch.delete(AwsKeys.accessEntry(cluster.name(), entry.principalArn()));
    }
    eks.commit(batch);
    eks.host().release(cluster.name());
    return wrap(cluster, "DELETING");
  }

  static void checkMode(String mode, String member) {
    if (!MODES.contains(mode)) {
      throw EksRequest.invalid("Value '" + mode + "' at '" + member + "' failed to satisfy constraint: Member must "
          + "satisfy enum value set: [API, API_AND_CONFIG_MAP, CONFIG_MAP]");
    }
  }

  private static String checkName(String name) {
    if (name.isEmpty() || name.length() > 100) {
      throw EksRequest.invalid("Value '" + name + "' at 'name' failed to satisfy constraint: Member must have length "
          + (name.isEmpty() ? "greater than or equal to 1" : "less than or equal to 100"));
    }
    if (!NAME.matcher(name).matches()) {
      throw EksRequest.invalid("Value '" + name + "' at 'name' failed to satisfy constraint: Member must satisfy "
          + "regular expression pattern: " + NAME_PATTERN);
    }
    return name;
  }

  /** The model's TagMap: 1..50 entries; keys 1..128 and values up to 256 characters, as AWS tags everywhere. */
  static Map<String, String> checkTags(Map<String, String> tags) {
    if (tags.size() > 50) {
      throw EksRequest.invalid("Value at 'tags' failed to satisfy constraint: Member must have length less than or "
          + "equal to 50");
    }
    tags.forEach((k, v) -> {
      if (k.isEmpty() || k.length() > 128 || v.length() > 256) {
        throw EksRequest.invalid("Value '" + k + "' at 'tags' failed to satisfy constraint: Map keys must have "
            + "length 1..128 and values at most 256");
      }
    });
    return tags;
  }

  static ObjectNode wrap(EksCluster cluster, String status) {
    ObjectNode out = EksJson.object();
    out.set("cluster", EksShapes.cluster(cluster, status));
    return out;
  }
}
