package dev.gatehouse.kube.controllers;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.kube.api.StatusException;
import dev.gatehouse.kube.cluster.LogicalCluster;
import dev.gatehouse.kube.handlers.ObjectMetadata;
import dev.gatehouse.kube.registry.ObjectStorage;
import dev.gatehouse.kube.registry.StorageKeys;
import dev.gatehouse.kube.registry.StoredObject;
import dev.gatehouse.kube.resource.ResourceType;
import dev.gatehouse.store.KeyValue;
import dev.gatehouse.store.RangeRequest;
import dev.gatehouse.store.WatchEvent;
import dev.gatehouse.store.WatchListener;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Per logical cluster: creates the four initial namespaces, gives every namespace its {@code default}
 * ServiceAccount, and finishes the deletion of a Terminating namespace by deleting its contents, then the
 * namespace itself (the work of kube-controller-manager's serviceaccount and namespace controllers).
 */
public final class NamespaceController {
  private static final Logger LOG = LoggerFactory.getLogger(NamespaceController.class);
  public static final List<String> INITIAL = List.of("default", "kube-system", "kube-public", "kube-node-lease");

  private final ObjectStorage storage;
  private final Clock clock;
  private final ExecutorService executor;

  public NamespaceController(ObjectStorage storage, Clock clock, ExecutorService executor) {
    this.storage = storage;
    this.clock = clock;
    this.executor = executor;
  }

  public void start(LogicalCluster cluster) {
    ResourceType namespaces = type(cluster, "", "namespaces");
    for (String name : INITIAL) {
      if (storage.get(cluster.name(), namespaces, "", name) == null) {
        ObjectNode ns = JsonNodeFactory.instance.objectNode();
        ns.put("kind", "Namespace");
        ns.put("apiVersion", "v1");
        ns.putObject("metadata").put("name", name);
        create(cluster, namespaces, ns);
      }
    }
    String prefix = StorageKeys.typePrefix(cluster.name(), namespaces);
    var existing = storage.store().range(RangeRequest.prefix(prefix));
    for (KeyValue kv : existing.kvs()) {
      executor.execute(() -> reconcile(cluster, storage.decode(kv).object().path("metadata").path("name").asText()));
    }
    storage.store().watch(prefix, existing.revision(), new WatchListener() {
      @Override
      public void onEvents(List<WatchEvent> events) {
        for (WatchEvent event : events) {
          if (event.type() == WatchEvent.Type.PUT) {
            String name = event.kv().key().substring(prefix.length());
            executor.execute(() -> reconcile(cluster, name));
          }
        }
      }
    });
  }

  private void reconcile(LogicalCluster cluster, String namespace) {
    try {
      ResourceType namespaces = type(cluster, "", "namespaces");
      StoredObject ns = storage.get(cluster.name(), namespaces, "", namespace);
      if (ns == null) {
        return;
      }
      if (ns.object().path("metadata").hasNonNull("deletionTimestamp")) {
        finalizeNamespace(cluster, namespaces, ns, namespace);
      } else {
        ensureDefaultServiceAccount(cluster, namespace);
      }
    } catch (RuntimeException e) {
      LOG.warn("namespace controller: reconciling {} failed", namespace, e);
    }
  }

  private void ensureDefaultServiceAccount(LogicalCluster cluster, String namespace) {
    ResourceType serviceAccounts = type(cluster, "", "serviceaccounts");
    if (storage.get(cluster.name(), serviceAccounts, namespace, "default") != null) {
      return;
    }
    ObjectNode sa = JsonNodeFactory.instance.objectNode();
    sa.put("kind", "ServiceAccount");
    sa.put("apiVersion", "v1");
    sa.putObject("metadata").put("name", "default").put("namespace", namespace);
    create(cluster, serviceAccounts, sa);
  }

  private void finalizeNamespace(LogicalCluster cluster, ResourceType namespaces, StoredObject ns, String namespace) {
    for (ResourceType type : cluster.catalog().types()) {
      if (!type.namespaced()) {
        continue;
      }
      String prefix = StorageKeys.listPrefix(cluster.name(), type, namespace);
      for (KeyValue kv : storage.store().range(RangeRequest.prefix(prefix)).kvs()) {
        StoredObject object = storage.decode(kv);
        storage.delete(cluster.name(), type, namespace, object.object().path("metadata").path("name").asText(),
            object.modRevision());
      }
    }
    ObjectNode updated = ns.object().deepCopy();
    ArrayNode finalizers = updated.withObject("/spec").withArray("finalizers");
    for (int i = finalizers.size() - 1; i >= 0; i--) {
      if (finalizers.get(i).asText().equals("kubernetes")) {
        finalizers.remove(i);
      }
    }
    boolean metadataFinalizers = updated.path("metadata").path("finalizers").size() > 0;
    if (finalizers.isEmpty() && !metadataFinalizers) {
      storage.delete(cluster.name(), namespaces, "", namespace, ns.modRevision());
    } else if (!updated.equals(ns.object())) {
      storage.update(cluster.name(), namespaces, updated, ns.modRevision());
    }
  }

  private void create(LogicalCluster cluster, ResourceType type, ObjectNode object) {
    ObjectNode metadata = object.withObject("/metadata");
    metadata.put("uid", UUID.randomUUID().toString());
    metadata.put("creationTimestamp", ObjectMetadata.timestamp(clock.instant()));
    if (type.plural().equals("namespaces")) {
      new dev.gatehouse.kube.registry.strategies.NamespaceStrategy().prepareForCreate(object);
    }
    try {
      storage.create(cluster.name(), type, object);
    } catch (StatusException e) {
      if (!"AlreadyExists".equals(e.reason())) {
        throw e;
      }
    }
  }

  private static ResourceType type(LogicalCluster cluster, String group, String plural) {
    return cluster.catalog().find(group, "v1", plural).orElseThrow();
  }
}
