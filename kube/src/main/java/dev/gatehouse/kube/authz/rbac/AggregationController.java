package dev.gatehouse.kube.authz.rbac;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.kube.cluster.LogicalCluster;
import dev.gatehouse.kube.rbac.Aggregation;
import dev.gatehouse.kube.rbac.PolicyRule;
import dev.gatehouse.kube.rbac.Role;
import dev.gatehouse.kube.registry.ObjectStorage;
import dev.gatehouse.kube.registry.StorageKeys;
import dev.gatehouse.kube.registry.StoredObject;
import dev.gatehouse.kube.resource.ResourceType;
import dev.gatehouse.store.Watch;
import dev.gatehouse.store.WatchEvent;
import dev.gatehouse.store.WatchListener;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps aggregated ClusterRoles ({@code aggregationRule}, e.g. admin/edit/view) equal to the union of the
 * ClusterRoles their selectors match, whenever a ClusterRole is added, changed or removed.
 */
public final class AggregationController {
  private static final Logger LOG = LoggerFactory.getLogger(AggregationController.class);
  private final ObjectStorage storage;
  private final ClusterRbac rbac;
  private final ExecutorService executor;

  public AggregationController(ObjectStorage storage, ClusterRbac rbac, ExecutorService executor) {
    this.storage = storage;
    this.rbac = rbac;
    this.executor = executor;
  }

  /** Reconciles the cluster's aggregated roles now and on every ClusterRole change until the watch is closed. */
  public Watch start(LogicalCluster cluster) {
    ResourceType clusterRoles = cluster.catalog().find(ClusterRbac.GROUP, "v1", "clusterroles").orElseThrow();
    reconcile(cluster, clusterRoles);
    return storage.store().watch(StorageKeys.typePrefix(cluster.name(), clusterRoles), storage.store().currentRevision(),
        new WatchListener() {
          @Override
          public void onEvents(List<WatchEvent> events) {
            executor.execute(() -> reconcile(cluster, clusterRoles));
          }
        });
  }

  private void reconcile(LogicalCluster cluster, ResourceType clusterRoles) {
    try {
      List<Role> roles = new ArrayList<>();
      for (JsonNode object : rbac.all(cluster, "clusterroles")) {
        roles.add(Role.fromJson(object));
      }
      Aggregation.Result result = Aggregation.updates(roles);
      result.problems().forEach(p -> LOG.warn("rbac aggregation: clusterrole {}: {}", p.name(), p.message()));
      for (Aggregation.Update update : result.updates()) {
        StoredObject current = storage.get(cluster.name(), clusterRoles, "", update.name());
        if (current == null) {
          continue;
        }
        ObjectNode updated = current.object().deepCopy();
        ArrayNode rules = updated.putArray("rules");
        for (PolicyRule rule : update.rules()) {
          rules.add(rule.toJson());
        }
        if (!updated.equals(current.object())) {
          storage.update(cluster.name(), clusterRoles, updated, current.modRevision());
        }
      }
    } catch (RuntimeException e) {
      LOG.debug("rbac aggregation raced with a write; the next event retries", e);
    }
  }
}
