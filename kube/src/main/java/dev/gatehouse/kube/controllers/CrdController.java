package dev.gatehouse.kube.controllers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.kube.cluster.LogicalCluster;
import dev.gatehouse.kube.handlers.ObjectMetadata;
import dev.gatehouse.kube.registry.ObjectStorage;
import dev.gatehouse.kube.registry.StorageKeys;
import dev.gatehouse.kube.registry.StoredObject;
import dev.gatehouse.kube.registry.strategies.CrdStrategy;
import dev.gatehouse.kube.resource.ResourceType;
import dev.gatehouse.store.KeyValue;
import dev.gatehouse.store.RangeRequest;
import dev.gatehouse.store.WatchEvent;
import dev.gatehouse.store.WatchListener;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves custom resources: whenever a cluster's CustomResourceDefinitions change, its resource catalog is
 * rebuilt from them (one resource type per served version), and each new CRD is marked NamesAccepted and
 * Established, as kube-apiserver's apiextensions controllers do.
 */
public final class CrdController {
  private static final Logger LOG = LoggerFactory.getLogger(CrdController.class);
  private final ObjectStorage storage;
  private final Clock clock;
  private final ExecutorService executor;
  private final BiConsumer<LogicalCluster, List<ResourceType>> onChange;

  public CrdController(ObjectStorage storage, Clock clock, ExecutorService executor,
      BiConsumer<LogicalCluster, List<ResourceType>> onChange) {
    this.storage = storage;
    this.clock = clock;
    this.executor = executor;
    this.onChange = onChange;
  }

  public void start(LogicalCluster cluster) {
    ResourceType crds = cluster.catalog().find("apiextensions.k8s.io", "v1", "customresourcedefinitions").orElseThrow();
    String prefix = StorageKeys.typePrefix(cluster.name(), crds);
    long revision = rebuild(cluster, crds, prefix);
    storage.store().watch(prefix, revision, new WatchListener() {
      @Override
      public void onEvents(List<WatchEvent> events) {
        executor.execute(() -> {
          try {
            rebuild(cluster, crds, prefix);
          } catch (RuntimeException e) {
            LOG.warn("CRD controller: rebuilding cluster '{}' failed", cluster.name(), e);
          }
        });
      }
    });
  }

  private long rebuild(LogicalCluster cluster, ResourceType crds, String prefix) {
    var range = storage.store().range(RangeRequest.prefix(prefix));
    List<ResourceType> custom = new ArrayList<>();
    for (KeyValue kv : range.kvs()) {
      StoredObject crd = storage.decode(kv);
      if (crd.object().path("metadata").hasNonNull("deletionTimestamp")) {
        finishDeletion(cluster, crds, crd);
        continue;
      }
      custom.addAll(typesOf(crd.object()));
      markEstablished(cluster, crds, crd);
    }
    cluster.replaceCatalog(cluster.catalog().withCustom(custom));
    onChange.accept(cluster, custom);
    return range.revision();
  }

  /**
   * A deleted CRD takes its custom resources with it: they are removed, then the cleanup finalizer, and the CRD
   * is gone (upstream's customresourcecleanup finalizer).
   */
  private void finishDeletion(LogicalCluster cluster, ResourceType crds, StoredObject crd) {
    List<ResourceType> types = typesOf(crd.object());
    if (!types.isEmpty()) {
      String prefix = StorageKeys.typePrefix(cluster.name(), types.get(0));
      for (KeyValue kv : storage.store().range(RangeRequest.prefix(prefix)).kvs()) {
        StoredObject object = storage.decode(kv);
        storage.delete(cluster.name(), types.get(0), object.object().path("metadata").path("namespace").asText(""),
            object.object().path("metadata").path("name").asText(), object.modRevision());
      }
    }
    ObjectNode updated = crd.object().deepCopy();
    ArrayNode finalizers = updated.withObject("/metadata").withArray("finalizers");
    for (int i = finalizers.size() - 1; i >= 0; i--) {
      if (finalizers.get(i).asText().equals(CrdStrategy.CLEANUP_FINALIZER)) {
        finalizers.remove(i);
      }
    }
    String name = crd.object().path("metadata").path("name").asText();
    try {
      if (finalizers.isEmpty()) {
        storage.delete(cluster.name(), crds, "", name, crd.modRevision());
      } else if (!updated.equals(crd.object())) {
        storage.update(cluster.name(), crds, updated, crd.modRevision());
      }
    } catch (RuntimeException e) {
      LOG.debug("CRD {} changed while being deleted; the next event retries", name);
    }
  }

  /** The resource types a CRD serves: one per served version, the storage version's schema for each. */
  public static List<ResourceType> typesOf(JsonNode crd) {
    JsonNode spec = crd.path("spec");
    JsonNode names = spec.path("names");
    List<ResourceType> types = new ArrayList<>();
    for (JsonNode version : spec.path("versions")) {
      if (!version.path("served").asBoolean(false)) {
        continue;
      }
      List<ResourceType.Subresource> subs = new ArrayList<>();
      String group = spec.path("group").asText();
      String v = version.path("name").asText();
      String kind = names.path("kind").asText();
      if (version.path("subresources").has("status")) {
        subs.add(new ResourceType.Subresource("status", group, v, kind, List.of("get", "patch", "update")));
      }
      types.add(new ResourceType(group, v, kind, names.path("plural").asText(),
          names.path("singular").asText(kind.toLowerCase(java.util.Locale.ROOT)),
          !"Cluster".equals(spec.path("scope").asText()), strings(names.path("shortNames")),
          strings(names.path("categories")),
          List.of("delete", "deletecollection", "get", "list", "patch", "create", "update", "watch"), List.copyOf(subs),
          null, version, true));
    }
    return types;
  }

  private void markEstablished(LogicalCluster cluster, ResourceType crds, StoredObject crd) {
    JsonNode status = crd.object().path("status");
    boolean established = false;
    for (JsonNode c : status.path("conditions")) {
      established |= c.path("type").asText().equals("Established") && c.path("status").asText().equals("True");
    }
    if (established && status.path("acceptedNames").equals(crd.object().path("spec").path("names"))) {
      return;
    }
    ObjectNode updated = crd.object().deepCopy();
    ObjectNode st = updated.putObject("status");
    st.set("acceptedNames", updated.path("spec").path("names").deepCopy());
    ArrayNode conditions = st.putArray("conditions");
    String now = ObjectMetadata.timestamp(clock.instant());
    conditions.addObject().put("type", "NamesAccepted").put("status", "True").put("lastTransitionTime", now)
        .put("reason", "NoConflicts").put("message", "no conflicts found");
    conditions.addObject().put("type", "Established").put("status", "True").put("lastTransitionTime", now)
        .put("reason", "InitialNamesAccepted").put("message", "the initial names have been accepted");
    ArrayNode stored = st.putArray("storedVersions");
    for (JsonNode version : updated.path("spec").path("versions")) {
      if (version.path("storage").asBoolean(false)) {
        stored.add(version.path("name").asText());
      }
    }
    try {
      storage.update(cluster.name(), crds, updated, crd.modRevision());
    } catch (RuntimeException e) {
      LOG.debug("CRD {} changed while being established; the next event retries", crd.object().path("metadata")
          .path("name").asText());
    }
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return List.copyOf(out);
  }
}
