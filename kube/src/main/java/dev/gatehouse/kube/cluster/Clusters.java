package dev.gatehouse.kube.cluster;

import dev.gatehouse.kube.resource.ResourceCatalog;
import dev.gatehouse.store.Compare;
import dev.gatehouse.store.KeyValue;
import dev.gatehouse.store.Op;
import dev.gatehouse.store.RangeRequest;
import dev.gatehouse.store.Store;
import dev.gatehouse.store.Txn;
import dev.gatehouse.store.WatchEvent;
import dev.gatehouse.store.WatchListener;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The logical clusters of this Gatehouse, persisted under {@code /gatehouse/clusters/<name>} so they survive
 * restarts. The default cluster ("") always exists.
 */
public final class Clusters {
  private static final String PREFIX = "/gatehouse/clusters/";

  private final Store store;
  private final ConcurrentHashMap<String, LogicalCluster> clusters = new ConcurrentHashMap<>();
  private final List<Consumer<LogicalCluster>> onCreate = new java.util.concurrent.CopyOnWriteArrayList<>();
  /** Per cluster name, the store revision of the last create or delete this object has applied. */
  private final java.util.Map<String, Long> appliedRevisions = new java.util.HashMap<>();
  private final java.util.concurrent.Executor followers = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "gatehouse-clusters");
    t.setDaemon(true);
    return t;
  });

  public Clusters(Store store) {
    this.store = store;
    clusters.put("", new LogicalCluster("", ResourceCatalog.builtin()));
    var existing = store.range(RangeRequest.prefix(PREFIX));
    for (KeyValue kv : existing.kvs()) {
      String name = kv.key().substring(PREFIX.length());
      clusters.put(name, new LogicalCluster(name, ResourceCatalog.builtin()));
    }
    // clusters another replica creates or deletes (e.g. through the EKS API) appear and go here too
    store.watch(PREFIX, existing.revision(), new WatchListener() {
      @Override
      public void onEvents(List<WatchEvent> events) {
        // never block the store's delivery thread: create/delete hold this object's lock while they wait
        // for their own write, whose event may come through here
        for (WatchEvent event : events) {
          String name = event.kv().key().substring(PREFIX.length());
          boolean put = event.type() == WatchEvent.Type.PUT;
          long revision = event.revision();
          followers.execute(() -> follow(name, put, revision));
        }
      }

      @Override
      public void onClosed(Throwable cause) {
        // the store is closing, or the watch fell behind: clusters made elsewhere appear after a restart
      }
    });
  }

  /**
   * Applies another replica's create or delete. Events at or below the revision of this process's own last
   * create/delete of that name are already reflected (a delete then re-create here must not be undone by the
   * delete's late event).
   */
  private synchronized void follow(String name, boolean put, long revision) {
    if (revision <= appliedRevisions.getOrDefault(name, 0L)) {
      return;
    }
    appliedRevisions.put(name, revision);
    if (put) {
      adopt(name);
    } else {
      clusters.remove(name);
    }
  }

  private void adopt(String name) {
    if (!clusters.containsKey(name)) {
      LogicalCluster cluster = new LogicalCluster(name, ResourceCatalog.builtin());
      clusters.put(name, cluster);
      onCreate.forEach(a -> a.accept(cluster));
    }
  }


  /**
   * Runs for every cluster that exists now and every one created later (bootstrapping its namespaces); closing
   * the returned handle stops the calls for clusters created afterwards.
   */
  public synchronized AutoCloseable onEachCluster(Consumer<LogicalCluster> action) {
    onCreate.add(action);
    clusters.values().forEach(action);
    return () -> {
      synchronized (this) {
        onCreate.remove(action);
      }
    };
  }

  public Optional<LogicalCluster> get(String name) {
    return Optional.ofNullable(clusters.get(name));
  }

  public Collection<LogicalCluster> all() {
    return clusters.values();
  }

  /**
   * Stops serving a cluster and removes it with every object it holds. The default cluster cannot be deleted.
   * Returns whether it existed. Its controllers keep watching an empty key space until restart.
   */
  public synchronized boolean delete(String name) {
    if (name.isEmpty() || clusters.remove(name) == null) {
      return false;
    }
    long deleted = store.txn(new Txn(List.of(), List.of(new Op.Delete(PREFIX + name)), List.of())).join().revision();
    appliedRevisions.put(name, deleted);
    String root = "/clusters/" + name + "/";
    List<KeyValue> objects = store.range(RangeRequest.prefix(root)).kvs();
    for (int i = 0; i < objects.size(); i += 256) {
      List<Op> deletes = new ArrayList<>();
      objects.subList(i, Math.min(objects.size(), i + 256)).forEach(kv -> deletes.add(new Op.Delete(kv.key())));
      store.txn(new Txn(List.of(), deletes, List.of())).join();
    }
    return true;
  }

  /** Creates a cluster if it does not exist yet; returns it either way. */
  public synchronized LogicalCluster create(String name) {
    ClusterNames.validate(name);
    LogicalCluster existing = clusters.get(name);
    if (existing != null) {
      return existing;
    }
    String key = PREFIX + name;
    long created = store.txn(Txn.of(new Compare.CreateRevisionEquals(key, 0),
        new Op.Put(key, ("{\"name\":\"" + name + "\"}").getBytes(StandardCharsets.UTF_8)), null)).join().revision();
    appliedRevisions.put(name, created);
    LogicalCluster cluster = new LogicalCluster(name, ResourceCatalog.builtin());
    clusters.put(name, cluster);
    onCreate.forEach(a -> a.accept(cluster));
    return cluster;
  }
}
