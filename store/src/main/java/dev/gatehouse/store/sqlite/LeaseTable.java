package dev.gatehouse.store.sqlite;

import dev.gatehouse.store.KeyValue;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Committed leases and the keys attached to each. The writer thread mutates it after a batch is durable; the
 * expiry timer reads {@link #all()} concurrently.
 */
final class LeaseTable {
  private final Map<Long, Lease> leases = new ConcurrentHashMap<>();
  /** Writer thread only. */
  private final Map<Long, Set<String>> keysByLease = new HashMap<>();

  Lease get(long id) {
    return leases.get(id);
  }

  Collection<Lease> all() {
    return leases.values();
  }

  /** The keys attached to lease {@code id} as of the last applied batch: writer thread only. */
  Set<String> keys(long id) {
    return keysByLease.getOrDefault(id, Set.of());
  }

  void load(Lease lease) {
    leases.put(lease.id(), lease);
  }

  void attach(KeyValue kv) {
    if (kv.lease() != 0) {
      keysByLease.computeIfAbsent(kv.lease(), id -> new HashSet<>()).add(kv.key());
    }
  }

  private void detach(KeyValue kv) {
    if (kv.lease() == 0) {
      return;
    }
    Set<String> keys = keysByLease.get(kv.lease());
    if (keys != null && keys.remove(kv.key()) && keys.isEmpty()) {
      keysByLease.remove(kv.lease());
    }
  }

  /**
   * Publishes a durable batch. Must run before {@link KeyIndex#apply} so that {@code index} still holds the
   * values the batch replaced.
   */
  void apply(Map<Long, Lease> leaseChanges, Map<String, KeyValue> keyChanges, KeyIndex index) {
    for (Map.Entry<String, KeyValue> change : keyChanges.entrySet()) {
      KeyValue before = index.get(change.getKey());
      if (before != null) {
        detach(before);
      }
      if (change.getValue() != null) {
        attach(change.getValue());
      }
    }
    for (Map.Entry<Long, Lease> change : leaseChanges.entrySet()) {
      if (change.getValue() == null) {
        leases.remove(change.getKey());
      } else {
        leases.put(change.getKey(), change.getValue());
      }
    }
  }
}
