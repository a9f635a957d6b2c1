package dev.gatehouse.aws.eks;

import dev.gatehouse.aws.api.Target;
import dev.gatehouse.aws.auth.IamAuthorizer;
import dev.gatehouse.aws.eks.api.EksContext;
import dev.gatehouse.aws.eks.model.AccessEntry;
import dev.gatehouse.aws.eks.model.EksCluster;
import dev.gatehouse.aws.iam.IamServices;
import dev.gatehouse.aws.state.AwsKeys;
import dev.gatehouse.aws.state.AwsState;
import dev.gatehouse.aws.state.Batch;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the EKS operations share: the state, the cluster host, the authorizer (for iam:PassRole), and lookups
 * with EKS's errors. Cluster names are unique across this Gatehouse, but a caller sees only the clusters of its
 * own account in the region it signed for, as on EKS, where clusters are regional resources of one account.
 */
public record EksServices(AwsState state, ClusterHost host, IamAuthorizer authorizer, IamServices iam) {
  public static String clusterArn(String region, String account, String name) {
    return "arn:aws:eks:" + region + ":" + account + ":cluster/" + name;
  }

  /** Any account's cluster of that name (names are global here). */
  public Optional<EksCluster> anyCluster(String name) {
    return state.get(AwsKeys.eksCluster(name), EksCluster.class).map(AwsState.Versioned::value);
  }

  /** The caller's cluster in the signing region, if any. */
  public Optional<EksCluster> visibleCluster(EksContext ctx, String name) {
    return anyCluster(name).filter(c -> c.account().equals(ctx.account()) && c.region().equals(ctx.region()));
  }

  public EksCluster cluster(EksContext ctx, String name) {
    return visibleCluster(ctx, name).orElseThrow(() -> EksErrors.clusterNotFound(name));
  }

  /** The cluster, which must have access entries enabled (API or API_AND_CONFIG_MAP). */
  public EksCluster clusterWithAccessEntries(EksContext ctx, String name) {
    EksCluster cluster = cluster(ctx, name);
    if (!cluster.accessEntriesEnabled()) {
      throw EksErrors.accessEntriesDisabled();
    }
    return cluster;
  }

  public Optional<AccessEntry> entry(String cluster, String principalArn) {
    return state.get(AwsKeys.accessEntry(cluster, principalArn), AccessEntry.class).map(AwsState.Versioned::value);
  }

  public AccessEntry requiredEntry(String cluster, String principalArn) {
    return entry(cluster, principalArn).orElseThrow(EksErrors::accessEntryNotFound);
  }

  /** A cluster's access entries ordered by principal ARN. */
  public List<AccessEntry> entries(String cluster) {
    return state.values(AwsKeys.accessEntryPrefix(cluster), AccessEntry.class).stream()
        .sorted(Comparator.comparing(AccessEntry::principalArn)).toList();
  }

  public Batch batch() {
    return new Batch(state);
  }

  /** Commits and waits until durable; a conflict re-runs the operation (see EksApi). */
  public void commit(Batch batch) {
    iam.commit(batch);
  }

  /**
   * The target of an operation on a named cluster: the ARN the caller's account and region give it, with the
   * cluster's tags as aws:ResourceTag keys when the caller can see it.
   */
  public Target clusterTarget(EksContext ctx, String action, String name, Map<String, List<String>> keys) {
    Map<String, List<String>> all = new HashMap<>(keys);
    visibleCluster(ctx, name).ifPresent(c -> c.tags().forEach((k, v) -> all.put("aws:ResourceTag/" + k, List.of(v))));
    return new Target(action, clusterArn(ctx.region(), ctx.account(), name), all);
  }

  /**
   * The target of an operation on one access entry: the entry's ARN (Service Authorization Reference resource
   * type {@code access-entry}), or the cluster's when the entry does not exist (its ARN has a generated part).
   */
  public Target entryTarget(EksContext ctx, String action, String cluster, String principalArn,
      Map<String, List<String>> keys) {
    Optional<AccessEntry> entry = visibleCluster(ctx, cluster).flatMap(c -> entry(c.name(), principalArn));
    if (entry.isEmpty()) {
      return clusterTarget(ctx, action, cluster, keys);
    }
    Map<String, List<String>> all = new HashMap<>(keys);
    entry.get().tags().forEach((k, v) -> all.put("aws:ResourceTag/" + k, List.of(v)));
    return new Target(action, entry.get().accessEntryArn(), all);
  }
}
