package dev.gatehouse.aws.eks;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.aws.eks.api.EksContext;
import dev.gatehouse.aws.eks.api.EksFields;
import dev.gatehouse.aws.eks.api.EksJson;
import dev.gatehouse.aws.eks.api.EksOperationSpec;
import dev.gatehouse.aws.eks.model.EksCluster;
import dev.gatehouse.aws.eks.model.EksUpdate;
import dev.gatehouse.aws.state.AwsKeys;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * UpdateClusterConfig (the authentication mode only) and DescribeUpdate. Mode changes go one step at a time
 * and one way: CONFIG_MAP → API_AND_CONFIG_MAP → API (CONFIG_MAP → API directly is refused, as pulumi-eks#1493
 * shows EKS doing). Gatehouse applies an update at once, so it is recorded as Successful and the cluster stays
 * ACTIVE.
 */
final class UpdateOperations {
  private static final Map<String, String> NEXT_MODE = Map.of(
      EksCluster.CONFIG_MAP, EksCluster.API_AND_CONFIG_MAP,
      EksCluster.API_AND_CONFIG_MAP, EksCluster.API);

  private final EksServices eks;

  UpdateOperations(EksServices eks) {
    this.eks = eks;
  }

  List<EksOperationSpec> specs() {
    return List.of(
        new EksOperationSpec("UpdateClusterConfig", "POST", "/clusters/{name}/update-config",
            ctx -> eks.clusterTarget(ctx, "eks:UpdateClusterConfig", ctx.request().label("name"), Map.of()),
            this::updateConfig),
        new EksOperationSpec("DescribeUpdate", "GET", "/clusters/{name}/updates/{updateId}",
            ctx -> eks.clusterTarget(ctx, "eks:DescribeUpdate", ctx.request().label("name"), Map.of()),
            this::describe));
  }

  private ObjectNode updateConfig(EksContext ctx) {
    EksCluster cluster = eks.cluster(ctx, ctx.request().label("name"));
    EksFields body = ctx.request().body();
    String unsupported = unsupportedMember(body);
    if (unsupported != null) {
      throw EksErrors.invalidParameter("Gatehouse supports only accessConfig.authenticationMode in "
          + "UpdateClusterConfig; " + unsupported + " cannot be updated.");
    }
    String to = body.object("accessConfig").flatMap(a -> a.string("authenticationMode"))
        .orElseThrow(() -> EksErrors.invalidParameter("No changes were requested: specify "
            + "accessConfig.authenticationMode."));
    ClusterOperations.checkMode(to, "accessConfig.authenticationMode");
    String from = cluster.authenticationMode();
    if (!to.equals(NEXT_MODE.get(from))) {
      throw EksErrors.unsupportedModeUpdate(from, to);
    }
    EksUpdate update = new EksUpdate(UUID.randomUUID().toString(), "Successful", "AccessConfigUpdate",
        List.of(new EksUpdate.Param("AuthenticationMode", to)), ctx.now());
    eks.commit(eks.batch().put(AwsKeys.eksCluster(cluster.name()), cluster.withAuthenticationMode(to, update)));
    ObjectNode out = EksJson.object();
    out.set("update", EksShapes.update(update));
    return out;
  }

  private ObjectNode describe(EksContext ctx) {
    EksCluster cluster = eks.cluster(ctx, ctx.request().label("name"));
    String id = ctx.request().label("updateId");
    var nodegroup = ctx.request().query("nodegroupName");
    if (nodegroup.isPresent()) {
      throw EksErrors.nodegroupNotFound(nodegroup.get());
    }
    EksUpdate update = cluster.updates().stream().filter(u -> u.id().equals(id)).findFirst()
        .orElseThrow(() -> EksErrors.updateNotFound(id));
    ObjectNode out = EksJson.object();
    out.set("update", EksShapes.update(update));
    return out;
  }

  /** The first request member other than the cluster name, accessConfig and the idempotency token. */
  private static String unsupportedMember(EksFields body) {
    for (Iterator<String> it = body.memberNames(); it.hasNext(); ) {
      String member = it.next();
      if (!member.equals("accessConfig") && !member.equals("clientRequestToken") && body.has(member)) {
        return member;
      }
    }
    return null;
  }
}
