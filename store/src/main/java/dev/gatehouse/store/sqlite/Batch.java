package dev.gatehouse.store.sqlite;

import dev.gatehouse.store.Compare;
import dev.gatehouse.store.FutureRevisionException;
import dev.gatehouse.store.KeyValue;
import dev.gatehouse.store.LeaseNotFoundException;
import dev.gatehouse.store.Op;
import dev.gatehouse.store.StoreException;
import dev.gatehouse.store.Txn;
import dev.gatehouse.store.TxnResult;
import dev.gatehouse.store.WatchEvent;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * One group commit: evaluates requests in arrival order against the committed state plus the changes of the
 * requests before them in the same batch, and collects what has to be written, published and completed.
 *
 * <p>Nothing here touches shared state: the committed index and lease table are only read, so a batch whose
 * commit fails is simply dropped.
 */
final class Batch {
  private static final byte[] EMPTY = new byte[0];

  /** What one request's future gets once the batch is durable (or its own failure, which needs no commit). */
  record Outcome(CompletableFuture<Object> future, Object value, StoreException failure) {}

  private final KeyIndex index;
  private final LeaseTable leases;
  private final long nowMillis;
  private final long maxCompactionStep;
  private final Consumer<WriteRequest> requeue;

  private final long startRevision;
  private long revision;
  private final long startCompactRevision;
  private long compactRevision;
  private final long startLeaseSequence;
  private long leaseSequence;

  /** Keys written by this batch: the new value, or null for a delete. Insertion order = write order. */
  private final Map<String, KeyValue> keyChanges = new LinkedHashMap<>();
  /** Leases changed by this batch: the new state, or null when revoked. */
  private final Map<Long, Lease> leaseChanges = new LinkedHashMap<>();
  private final List<LogRow> rows = new ArrayList<>();
  private final List<WatchEvent> events = new ArrayList<>();
  private final List<Outcome> outcomes = new ArrayList<>();

  Batch(KeyIndex index, LeaseTable leases, long compactRevision, long leaseSequence, long nowMillis,
        long maxCompactionStep, Consumer<WriteRequest> requeue) {
    this.index = index;
    this.leases = leases;
    this.nowMillis = nowMillis;
    this.maxCompactionStep = maxCompactionStep;
    this.requeue = requeue;
    this.startRevision = this.revision = index.revision();
    this.startCompactRevision = this.compactRevision = compactRevision;
    this.startLeaseSequence = this.leaseSequence = leaseSequence;
  }

  @SuppressWarnings("unchecked")
  void handle(WriteRequest request) {
    CompletableFuture<Object> future = (CompletableFuture<Object>) request.future();
    try {
      Object value;
      if (request instanceof WriteRequest.ApplyTxn r) {
        value = txn(r.txn());
      } else if (request instanceof WriteRequest.Compact r) {
        if (!compact(r)) {
          return; // the rest of the compaction went back in the queue; its future completes later
        }
        value = null;
      } else if (request instanceof WriteRequest.GrantLease r) {
        value = grant(r.ttlSeconds());
      } else if (request instanceof WriteRequest.KeepAlive r) {
        value = keepAlive(r.leaseId());
      } else if (request instanceof WriteRequest.RevokeLease r) {
        value = revoke(r.leaseId(), r.onlyIfExpired());
      } else if (request instanceof WriteRequest.Shutdown) {
        value = null;
      } else {
        throw new IllegalStateException("unknown write request " + request);
      }
      outcomes.add(new Outcome(future, value, null));
    } catch (StoreException e) {
      outcomes.add(new Outcome(future, null, e));
    }
  }

  private TxnResult txn(Txn txn) {
    boolean succeeded = txn.compares().stream().allMatch(this::holds);
    List<Op> ops = succeeded ? txn.success() : txn.failure();
    validate(ops);
    long rev = revision + 1;
    boolean wrote = false;
    List<KeyValue> results = new ArrayList<>(ops.size());
    for (Op op : ops) {
      KeyValue before = lookup(op.key());
      if (op instanceof Op.Put put) {
        results.add(put(put, before, rev));
        wrote = true;
      } else if (op instanceof Op.Delete) {
        if (before != null) {
          delete(before, rev);
          wrote = true;
        }
        results.add(before);
      } else {
        results.add(before); // Op.Get
      }
    }
    if (wrote) {
      revision = rev;
    }
    return new TxnResult(succeeded, revision, Collections.unmodifiableList(results));
  }

  private boolean holds(Compare compare) {
    KeyValue kv = lookup(compare.key());
    if (compare instanceof Compare.ModRevisionEquals c) {
      return (kv == null ? 0 : kv.modRevision()) == c.revision();
    }
    Compare.CreateRevisionEquals c = (Compare.CreateRevisionEquals) compare;
    return (kv == null ? 0 : kv.createRevision()) == c.revision();
  }

  /** Rejects a branch before any of it is staged, so a failed request leaves no trace in the batch. */
  private void validate(List<Op> ops) {
    Set<String> written = new HashSet<>();
    for (Op op : ops) {
      if (op instanceof Op.Get) {
        continue;
      }
      if (!written.add(op.key())) {
        throw new StoreException("store: duplicate key given in txn request: \"" + op.key() + "\"");
      }
      if (op instanceof Op.Put put && put.lease() != 0 && lease(put.lease()) == null) {
        throw new LeaseNotFoundException(put.lease());
      }
    }
  }

  private KeyValue put(Op.Put put, KeyValue before, long rev) {
    long create = before == null ? rev : before.createRevision();
    long version = before == null ? 1 : before.version() + 1;
    byte[] value = put.value() == null ? EMPTY : put.value();
    KeyValue after = new KeyValue(put.key(), value, create, rev, version, put.lease());
    rows.add(new LogRow(rev, put.key(), create, before == null ? 0 : before.modRevision(), version, false,
        put.lease(), value));
    events.add(new WatchEvent(WatchEvent.Type.PUT, after, before));
    keyChanges.put(put.key(), after);
    return after;
  }

  private void delete(KeyValue before, long rev) {
    rows.add(new LogRow(rev, before.key(), before.createRevision(), before.modRevision(), 0, true, 0, EMPTY));
    KeyValue tombstone = new KeyValue(before.key(), EMPTY, 0, rev, 0, 0);
    events.add(new WatchEvent(WatchEvent.Type.DELETE, tombstone, before));
    keyChanges.put(before.key(), null);
  }

  /** Returns false when only a step was taken and the request went back in the queue. */
  private boolean compact(WriteRequest.Compact request) {
    long target = request.revision();
    if (target > revision) {
      throw new FutureRevisionException(target, revision);
    }
    if (target <= compactRevision) {
      return true;
    }
    // Large compactions go in steps so that no single batch holds the writer for long.
    if (target - compactRevision > maxCompactionStep) {
      compactRevision += maxCompactionStep;
      requeue.accept(request);
      return false;
    }
    compactRevision = target;
    return true;
  }

  private Long grant(long ttlSeconds) {
    if (ttlSeconds <= 0) {
      throw new StoreException("store: lease TTL must be positive, got " + ttlSeconds);
    }
    long id = ++leaseSequence;
    leaseChanges.put(id, new Lease(id, ttlSeconds, nowMillis + ttlSeconds * 1000));
    return id;
  }

  private Void keepAlive(long leaseId) {
    Lease lease = lease(leaseId);
    if (lease == null) {
      throw new LeaseNotFoundException(leaseId);
    }
    leaseChanges.put(leaseId, lease.renewedAt(nowMillis));
    return null;
  }

  private Void revoke(long leaseId, boolean onlyIfExpired) {
    Lease lease = lease(leaseId);
    if (lease == null) {
      if (onlyIfExpired) {
        return null; // revoked by someone else meanwhile
      }
      throw new LeaseNotFoundException(leaseId);
    }
    if (onlyIfExpired && !lease.expiredAt(nowMillis)) {
      return null; // kept alive after the timer saw it expire
    }
    Set<String> attached = new TreeSet<>(leases.keys(leaseId));
    keyChanges.forEach((key, kv) -> {
      if (kv != null && kv.lease() == leaseId) {
        attached.add(key);
      }
    });
    long rev = revision + 1;
    boolean wrote = false;
    for (String key : attached) {
      KeyValue current = lookup(key);
      if (current != null && current.lease() == leaseId) {
        delete(current, rev);
        wrote = true;
      }
    }
    if (wrote) {
      revision = rev;
    }
    leaseChanges.put(leaseId, null);
    return null;
  }

  private KeyValue lookup(String key) {
    return keyChanges.containsKey(key) ? keyChanges.get(key) : index.get(key);
  }

  private Lease lease(long id) {
    return leaseChanges.containsKey(id) ? leaseChanges.get(id) : leases.get(id);
  }

  boolean writesNothing() {
    return rows.isEmpty() && leaseChanges.isEmpty() && compactRevision == startCompactRevision
        && leaseSequence == startLeaseSequence;
  }

  List<LogRow> rows() {
    return rows;
  }

  List<WatchEvent> events() {
    return events;
  }

  Map<String, KeyValue> keyChanges() {
    return keyChanges;
  }

  Map<Long, Lease> leaseChanges() {
    return leaseChanges;
  }

  List<Outcome> outcomes() {
    return outcomes;
  }

  long startRevision() {
    return startRevision;
  }

  long revision() {
    return revision;
  }

  long startCompactRevision() {
    return startCompactRevision;
  }

  long compactRevision() {
    return compactRevision;
  }

  long startLeaseSequence() {
    return startLeaseSequence;
  }

  long leaseSequence() {
    return leaseSequence;
  }
}
