package dev.gatehouse.kube.authz.rbac;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.kube.cluster.LogicalCluster;
import dev.gatehouse.kube.handlers.ObjectMetadata;
import dev.gatehouse.kube.rbac.BootstrapPolicy;
import dev.gatehouse.kube.rbac.Reconciler;
import dev.gatehouse.kube.registry.ObjectStorage;
import dev.gatehouse.kube.registry.StoredObject;
import dev.gatehouse.kube.resource.ResourceType;
import java.time.Clock;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates and reconciles the default roles and bindings in every logical cluster at start, as kube-apiserver's
 * RBAC post-start hook does: missing objects are created, objects with {@code autoupdate} not "false" gain the
 * rules and subjects the defaults have, a binding whose roleRef changed is recreated.
 */
public final class RbacBootstrap {
  private static final Logger LOG = LoggerFactory.getLogger(RbacBootstrap.class);
  private static final BootstrapPolicy POLICY = BootstrapPolicy.load();
  private final ObjectStorage storage;
  private final Clock clock;

  public RbacBootstrap(ObjectStorage storage, Clock clock) {
    this.storage = storage;
    this.clock = clock;
  }

  public void reconcile(LogicalCluster cluster) {
    int written = 0;
    for (ObjectNode expected : POLICY.all()) {
      String kind = expected.path("kind").asText();
      String plural = switch (kind) {
        case "ClusterRole" -> "clusterroles";
        case "ClusterRoleBinding" -> "clusterrolebindings";
        case "Role" -> "roles";
        default -> "rolebindings";
      };
      ResourceType type = cluster.catalog().find(ClusterRbac.GROUP, "v1", plural).orElseThrow();
      String namespace = expected.path("metadata").path("namespace").asText("");
      String name = expected.path("metadata").path("name").asText();
      StoredObject existing = storage.get(cluster.name(), type, namespace, name);
      boolean role = kind.endsWith("Role");
      Reconciler.Result result = role
          ? Reconciler.role(existing == null ? null : existing.object(), expected, false)
          : Reconciler.binding(existing == null ? null : existing.object(), expected, false);
      if (!result.needsWrite()) {
        continue;
      }
      ObjectNode object = result.object();
      switch (result.operation()) {
        case CREATE -> storage.create(cluster.name(), type, stamp(object));
        case UPDATE -> storage.update(cluster.name(), type, object, existing.modRevision());
        case RECREATE -> {
          storage.delete(cluster.name(), type, namespace, name, existing.modRevision());
          storage.create(cluster.name(), type, stamp(object));
        }
        case NONE -> { }
      }
      written++;
    }
    if (written > 0) {
      LOG.info("rbac: reconciled {} default roles and bindings in cluster '{}'", written,
          cluster.name().isEmpty() ? "/" : cluster.name());
    }
  }

  private ObjectNode stamp(ObjectNode object) {
    ObjectNode metadata = object.withObject("/metadata");
    metadata.put("uid", UUID.randomUUID().toString());
    metadata.put("creationTimestamp", ObjectMetadata.timestamp(clock.instant()));
    metadata.remove("resourceVersion");
    return object;
  }
}
