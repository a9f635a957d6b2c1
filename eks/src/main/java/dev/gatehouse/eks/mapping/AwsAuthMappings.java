package dev.gatehouse.eks.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.kube.registry.StorageKeys;
import dev.gatehouse.kube.resource.ResourceCatalog;
import dev.gatehouse.kube.resource.ResourceType;
import dev.gatehouse.store.CompactedException;
import dev.gatehouse.store.KeyValue;
import dev.gatehouse.store.RangeRequest;
import dev.gatehouse.store.RangeResult;
import dev.gatehouse.store.Store;
import dev.gatehouse.store.Watch;
import dev.gatehouse.store.WatchEvent;
import dev.gatehouse.store.WatchListener;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The aws-auth mapping in force in each logical cluster, kept in memory and following the store, so an edit of
 * {@code kube-system/aws-auth} applies to the next request and mapping a token never reads the store.
 *
 * <p>A cluster is followed from the first time it is asked for: one read of its aws-auth key, then a watch on
 * that key alone from the read's revision (so nothing is missed in between). A ConfigMap that cannot be read
 * (broken YAML, wrong shapes) is logged at WARN and the last valid mapping stays in force, where
 * aws-iam-authenticator would keep only the entries it could read; a deleted ConfigMap clears the mapping.
 *
 * <p>The watch is delivered on the store's notification thread, shortly after the write commits. For
 * read-your-writes on this replica, call {@link #onWrite} after a ConfigMap write commits (it fits
 * {@code ObjectStorage.onWrite}).
 *
 * <p>Thread-safe: each cluster's state is one immutable snapshot swapped under the cluster's lock; readers
 * only read a volatile field.
 */
public final class AwsAuthMappings implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(AwsAuthMappings.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * The state of one cluster's aws-auth.
   *
   * @param config the mapping in force (the last valid one)
   * @param revision the store revision of the ConfigMap version it came from, or of its deletion; 0 before any
   * @param lastError why the newest version was not applied, null when it was
   */
  public record Snapshot(AwsAuthConfig config, long revision, String lastError) {
    static final Snapshot NONE = new Snapshot(AwsAuthConfig.EMPTY, 0, null);
  }

  private final Store store;
  private final ResourceType configMaps;
  private final ConcurrentHashMap<String, Followed> clusters = new ConcurrentHashMap<>();
  private volatile boolean closed;

  public AwsAuthMappings(Store store) {
    this.store = store;
    this.configMaps = ResourceCatalog.builtin().find("", "v1", "configmaps")
        .orElseThrow(() -> new IllegalStateException("the built-in catalog has no core/v1 configmaps"));
  }

  /** The mapping in force in {@code cluster} ("" for the default cluster). */
  public AwsAuthConfig current(String cluster) {
    return snapshot(cluster).config();
  }

  public Snapshot snapshot(String cluster) {
    Followed f = clusters.get(cluster);
    if (f == null) {
      if (closed) {
        return Snapshot.NONE;
      }
      f = startFollowing(cluster);
    }
    return f.snapshot;
  }

  /**
   * A write to {@code type} in {@code cluster} has committed: re-reads that cluster's aws-auth now, when it is
   * followed and the write was to configmaps, instead of waiting for the watch.
   */
  public void onWrite(String cluster, ResourceType type) {
    Followed f = clusters.get(cluster);
    if (f == null || !type.group().isEmpty() || !type.plural().equals(configMaps.plural())) {
      return;
    }
    RangeResult r = store.range(RangeRequest.get(f.key));
    if (r.kvs().isEmpty()) {
      f.deleted(r.revision());
    } else {
      f.put(r.kvs().get(0));
    }
  }

  /** Stops following {@code cluster} (deleted logical cluster); asking for it again starts over. */
  public synchronized void forget(String cluster) {
    Followed f = clusters.remove(cluster);
    if (f != null && f.watch != null) {
      f.watch.close();
    }
  }

  /** The store key of a cluster's aws-auth ConfigMap. */
  public String keyOf(String cluster) {
    return StorageKeys.objectKey(cluster, configMaps, AwsAuthConfig.NAMESPACE, AwsAuthConfig.NAME);
  }

  /** Rare (once per cluster), so one lock for all clusters is enough; the store calls stay out of the map's locks. */
  private synchronized Followed startFollowing(String cluster) {
    Followed f = clusters.get(cluster);
    if (closed) {
      return new Followed(cluster, keyOf(cluster)); // empty, never watched
    }
    if (f == null) {
      f = follow(cluster);
      clusters.put(cluster, f);
    }
    return f;
  }

  private Followed follow(String cluster) {
    for (int attempt = 1; ; attempt++) {
      Followed f = new Followed(cluster, keyOf(cluster));
      RangeResult initial = store.range(RangeRequest.get(f.key));
      if (!initial.kvs().isEmpty()) {
        f.put(initial.kvs().get(0));
      }
      try {
        f.watch = store.watch(f.key, initial.revision(), f);
        return f;
      } catch (CompactedException e) {
        // compacted between the read and the watch: read again
        if (attempt == 3) {
          throw e;
        }
      }
    }
  }

  @Override
  public synchronized void close() {
    closed = true;
    clusters.values().forEach(f -> {
      if (f.watch != null) {
        f.watch.close();
      }
    });
    clusters.clear();
  }

  /** One followed cluster: its snapshot and its watch. */
  private final class Followed implements WatchListener {
    final String cluster;
    final String key;
    volatile Snapshot snapshot = Snapshot.NONE;
    volatile Watch watch;

    Followed(String cluster, String key) {
      this.cluster = cluster;
      this.key = key;
    }

    @Override
    public void onEvents(List<WatchEvent> events) {
      for (WatchEvent e : events) {
        if (!e.kv().key().equals(key)) {
          continue; // the watch is a prefix watch: ".../aws-auth-old" would match too
        }
        if (e.type() == WatchEvent.Type.PUT) {
          put(e.kv());
        } else {
          deleted(e.revision());
        }
      }
    }

    @Override
    public void onClosed(Throwable cause) {
      // Forget the cluster, so the next request reads the key again and starts a new watch.
      clusters.remove(cluster, this);
      if (cause != null && !closed) {
        log.warn("aws-auth: lost the store watch of cluster \"{}\"; it is re-read on the next request: {}",
            cluster, cause.toString());
      }
    }

    synchronized void put(KeyValue kv) {
      if (kv.modRevision() <= snapshot.revision()) {
        return; // already applied (the watch delivers what onWrite has read)
      }
      ParseResult result = parse(kv.value());
      if (result instanceof ParseResult.Parsed p) {
        snapshot = new Snapshot(p.config(), kv.modRevision(), null);
        if (!p.warnings().isEmpty()) {
          log.warn("aws-auth in cluster \"{}\" (revision {}): entries ignored: {}", cluster, kv.modRevision(),
              p.warnings());
        }
      } else {
        List<ConfigIssue> errors = ((ParseResult.Malformed) result).errors();
        String error = errors.toString();
        snapshot = new Snapshot(snapshot.config(), kv.modRevision(), error);
        log.warn("aws-auth in cluster \"{}\" (revision {}) is malformed, the previous mappings stay in force: {}",
            cluster, kv.modRevision(), error);
      }
    }

    synchronized void deleted(long revision) {
      if (revision <= snapshot.revision()) {
        return;
      }
      if (snapshot.revision() > 0) {
        log.info("aws-auth in cluster \"{}\" was deleted (revision {}): no aws-auth mappings", cluster, revision);
      }
      snapshot = new Snapshot(AwsAuthConfig.EMPTY, revision, null);
    }
  }

  private static ParseResult parse(byte[] value) {
    try {
      JsonNode node = JSON.readTree(value);
      if (node instanceof ObjectNode o) {
        return AwsAuthConfig.parse(o);
      }
      return new ParseResult.Malformed(List.of(ConfigIssue.at("(object)", "stored value is not a JSON object")));
    } catch (IOException e) {
      String why = e instanceof com.fasterxml.jackson.core.JsonProcessingException j ? j.getOriginalMessage()
          : e.getMessage();
      return new ParseResult.Malformed(List.of(ConfigIssue.at("(object)", "undecodable stored value: " + why)));
    }
  }
}
