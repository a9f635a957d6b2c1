package dev.gatehouse.kube.authz.rbac;

import dev.gatehouse.store.Store;
import dev.gatehouse.store.Watch;
import dev.gatehouse.store.WatchEvent;
import dev.gatehouse.store.WatchListener;
import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.kube.cluster.Clusters;
import dev.gatehouse.kube.cluster.LogicalCluster;
import dev.gatehouse.kube.rbac.RbacPolicy;
import dev.gatehouse.kube.registry.ObjectStorage;
import dev.gatehouse.kube.registry.StorageKeys;
import dev.gatehouse.kube.resource.ResourceType;
import dev.gatehouse.store.KeyValue;
import dev.gatehouse.store.RangeRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The RBAC policy snapshot of each logical cluster, rebuilt from the stored roles and bindings after any of them
 * changes. Writes through this process mark the snapshot stale synchronously (through
 * {@link ObjectStorage#onWrite}), so a request that follows an acknowledged RBAC write is authorized against it;
 * the store's watch marks it stale for writes made by other replicas sharing the store.
 */
public final class ClusterRbac implements AutoCloseable {
  public static final String GROUP = "rbac.authorization.k8s.io";
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ClusterRbac.class);
  private static final String RBAC_KEYS = "/registry/" + GROUP + "/";
  private final ObjectStorage storage;
  private final Clusters clusters;
  private final Map<String, Snapshot> snapshots = new ConcurrentHashMap<>();

  private record Snapshot(RbacPolicy policy, long generation) {}

  private final Map<String, Long> generations = new ConcurrentHashMap<>();
  private final Watch watch;
  private volatile boolean closed;

  public ClusterRbac(ObjectStorage storage, Clusters clusters) {
    this.storage = storage;
    this.clusters = clusters;
    storage.onWrite((cluster, type) -> {
      if (type.group().equals(GROUP)) {
        generations.merge(cluster, 1L, Long::sum);
      }
    });
    Store store = storage.store();
    this.watch = store.watch("/", store.currentRevision(), new WatchListener() {
      @Override
      public void onEvents(List<WatchEvent> events) {
        for (WatchEvent event : events) {
          String cluster = rbacCluster(event.kv().key());
          if (cluster != null) {
            generations.merge(cluster, 1L, Long::sum);
          }
        }
      }

      @Override
      public void onClosed(Throwable cause) {
        if (cause != null && !closed) {
          LOG.error("RBAC lost its store watch: other replicas' RBAC changes apply after a restart", cause);
        }
      }
    });
  }

  @Override
  public void close() {
    closed = true;
    watch.close();
  }

  /** The logical cluster whose RBAC object {@code key} is, or null for any other key. */
  static String rbacCluster(String key) {
    int at = key.indexOf(RBAC_KEYS);
    if (at < 0) {
      return null;
    }
    if (at == 0) {
      return "";
    }
    return key.startsWith("/clusters/") ? key.substring("/clusters/".length(), at) : null;
  }

  /** The current policy of a cluster. */
  public RbacPolicy policy(String cluster) {
    long generation = generations.getOrDefault(cluster, 0L);
    Snapshot snapshot = snapshots.get(cluster);
    if (snapshot != null && snapshot.generation() == generation) {
      return snapshot.policy();
    }
    synchronized (this) {
      generation = generations.getOrDefault(cluster, 0L);
      snapshot = snapshots.get(cluster);
      if (snapshot != null && snapshot.generation() == generation) {
        return snapshot.policy();
      }
      RbacPolicy policy = load(cluster);
      snapshots.put(cluster, new Snapshot(policy, generation));
      return policy;
    }
  }

  private RbacPolicy load(String clusterName) {
    LogicalCluster cluster = clusters.get(clusterName).orElse(null);
    if (cluster == null) {
      return RbacPolicy.empty();
    }
    List<JsonNode> roles = new ArrayList<>();
    roles.addAll(all(cluster, "clusterroles"));
    roles.addAll(all(cluster, "roles"));
    List<JsonNode> bindings = new ArrayList<>();
    bindings.addAll(all(cluster, "clusterrolebindings"));
    bindings.addAll(all(cluster, "rolebindings"));
    return RbacPolicy.fromJson(roles, bindings);
  }

  List<JsonNode> all(LogicalCluster cluster, String plural) {
    ResourceType type = cluster.catalog().find(GROUP, "v1", plural).orElseThrow();
    List<JsonNode> out = new ArrayList<>();
    for (KeyValue kv : storage.store().range(RangeRequest.prefix(StorageKeys.typePrefix(cluster.name(), type))).kvs()) {
      out.add(storage.decode(kv).object());
    }
    return out;
  }
}
