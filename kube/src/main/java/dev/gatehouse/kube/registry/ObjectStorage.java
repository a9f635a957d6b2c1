package dev.gatehouse.kube.registry;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.kube.api.Errors;
import dev.gatehouse.kube.resource.ResourceType;
import dev.gatehouse.store.Compare;
import dev.gatehouse.store.KeyValue;
import dev.gatehouse.store.Op;
import dev.gatehouse.store.RangeRequest;
import dev.gatehouse.store.RangeResult;
import dev.gatehouse.store.Store;
import dev.gatehouse.store.StoreException;
import dev.gatehouse.store.Txn;
import dev.gatehouse.store.TxnResult;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CompletionException;

/**
 * Kubernetes objects over the etcd-shaped store: JSON values, resourceVersion = the key's modRevision
 * (not stored inside the value, as etcd3's storage layer does), creates and updates as compare-and-swap.
 */
public final class ObjectStorage {
  private final Store store;
  private final ObjectMapper json;
  private final java.util.List<java.util.function.BiConsumer<String, ResourceType>> writeListeners =
      new java.util.concurrent.CopyOnWriteArrayList<>();

  public ObjectStorage(Store store, ObjectMapper json) {
    this.store = store;
    this.json = json;
  }

  public Store store() {
    return store;
  }

  /**
   * Called (cluster, type) after every committed write through this storage, before the writer returns: caches
   * derived from stored objects (the RBAC policy) use it to stay read-your-writes consistent.
   */
  public void onWrite(java.util.function.BiConsumer<String, ResourceType> listener) {
    writeListeners.add(listener);
  }

  private void written(String cluster, ResourceType type) {
    writeListeners.forEach(l -> l.accept(cluster, type));
  }

  public StoredObject get(String cluster, ResourceType type, String namespace, String name) {
    RangeResult result = store.range(RangeRequest.get(StorageKeys.objectKey(cluster, type, namespace, name)));
    return result.kvs().isEmpty() ? null : decode(result.kvs().get(0));
  }

  /** Creates the object; 409 AlreadyExists when the key is taken. */
  public StoredObject create(String cluster, ResourceType type, ObjectNode object) {
    String name = name(object);
    String key = StorageKeys.objectKey(cluster, type, namespace(object), name);
    TxnResult result = commit(Txn.of(new Compare.CreateRevisionEquals(key, 0), new Op.Put(key, encode(object)), null));
    if (!result.succeeded()) {
      throw Errors.alreadyExists(type.group(), type.plural(), name);
    }
    written(cluster, type);
    return withVersion(object, result.revision());
  }

  /**
   * Replaces the object if its stored modRevision is still {@code expectedRevision}; 409 Conflict otherwise,
   * 404 when it is gone.
   */
  public StoredObject update(String cluster, ResourceType type, ObjectNode object, long expectedRevision) {
    String name = name(object);
    String key = StorageKeys.objectKey(cluster, type, namespace(object), name);
    TxnResult result = commit(new Txn(List.of(new Compare.ModRevisionEquals(key, expectedRevision)),
        List.of(new Op.Put(key, encode(object))), List.of(new Op.Get(key))));
    if (!result.succeeded()) {
      if (result.results().isEmpty() || result.results().get(0) == null) {
        throw Errors.notFound(type.group(), type.plural(), name);
      }
      throw Errors.modified(type.group(), type.plural(), name);
    }
    written(cluster, type);
    return withVersion(object, result.revision());
  }

  /** Deletes the object if its modRevision is still {@code expectedRevision}; returns false on a race. */
  public boolean delete(String cluster, ResourceType type, String namespace, String name, long expectedRevision) {
    String key = StorageKeys.objectKey(cluster, type, namespace, name);
    boolean deleted = commit(Txn.of(new Compare.ModRevisionEquals(key, expectedRevision), new Op.Delete(key), null))
        .succeeded();
    if (deleted) {
      written(cluster, type);
    }
    return deleted;
  }

  public StoredObject decode(KeyValue kv) {
    try {
      ObjectNode object = (ObjectNode) json.readTree(kv.value());
      return withVersion(object, kv.modRevision());
    } catch (IOException e) {
      throw new StoreException("undecodable object at " + kv.key(), e);
    }
  }

  private StoredObject withVersion(ObjectNode object, long revision) {
    object.withObject("/metadata").put("resourceVersion", Long.toString(revision));
    return new StoredObject(object, revision);
  }

  private byte[] encode(ObjectNode object) {
    ObjectNode copy = object.deepCopy();
    ObjectNode metadata = (ObjectNode) copy.get("metadata");
    if (metadata != null) {
      metadata.remove("resourceVersion");
    }
    try {
      return json.writeValueAsBytes(copy);
    } catch (IOException e) {
      throw new StoreException("unencodable object", e);
    }
  }

  private TxnResult commit(Txn txn) {
    try {
      return store.txn(txn).join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException re) {
        throw re;
      }
      throw e;
    }
  }

  static String name(ObjectNode object) {
    return object.path("metadata").path("name").asText("");
  }

  static String namespace(ObjectNode object) {
    return object.path("metadata").path("namespace").asText("");
  }
}
