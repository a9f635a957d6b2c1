package dev.gatehouse.store.encryption;

import dev.gatehouse.store.KeyValue;
import dev.gatehouse.store.Op;
import dev.gatehouse.store.RangeRequest;
import dev.gatehouse.store.RangeResult;
import dev.gatehouse.store.Store;
import dev.gatehouse.store.Txn;
import dev.gatehouse.store.TxnResult;
import dev.gatehouse.store.Watch;
import dev.gatehouse.store.WatchEvent;
import dev.gatehouse.store.WatchListener;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;

/**
 * Encryption at rest over any engine: values of sensitive keys (signing keys, the CA, secret access keys,
 * Kubernetes Secrets, ...) are sealed before they reach the engine and opened when read back, in ranges,
 * transaction results and watch events alike. Everything else passes through untouched, so revisions,
 * compares and watches behave exactly as the engine's. Compares never look at values, which is what makes
 * randomised sealing safe here.
 */
public final class EncryptingStore implements Store {
  private final Store engine;
  private final Sealer sealer;
  private final Predicate<String> sensitive;

  public EncryptingStore(Store engine, Sealer sealer, Predicate<String> sensitive) {
    this.engine = engine;
    this.sealer = sealer;
    this.sensitive = sensitive;
  }

  /** The engine underneath, e.g. to show what is really stored. */
  public Store engine() {
    return engine;
  }

  @Override
  public long currentRevision() {
    return engine.currentRevision();
  }

  @Override
  public long compactRevision() {
    return engine.compactRevision();
  }

  @Override
  public RangeResult range(RangeRequest request) {
    RangeResult result = engine.range(request);
    List<KeyValue> kvs = openAll(result.kvs());
    return kvs == result.kvs() ? result : new RangeResult(kvs, result.more(), result.count(), result.revision());
  }

  @Override
  public CompletableFuture<TxnResult> txn(Txn txn) {
    Txn sealed = new Txn(txn.compares(), sealAll(txn.success()), sealAll(txn.failure()));
    return engine.txn(sealed).thenApply(result -> {
      List<KeyValue> results = openAll(result.results());
      return results == result.results() ? result
          : new TxnResult(result.succeeded(), result.revision(), results);
    });
  }

  @Override
  public Watch watch(String prefix, long afterRevision, WatchListener listener) {
    OpeningListener opening = new OpeningListener(listener);
    Watch watch = engine.watch(prefix, afterRevision, opening);
    opening.attach(watch);
    return watch;
  }

  @Override
  public CompletableFuture<Void> compact(long revision) {
    return engine.compact(revision);
  }

  @Override
  public CompletableFuture<Long> grantLease(long ttlSeconds) {
    return engine.grantLease(ttlSeconds);
  }

  @Override
  public CompletableFuture<Void> keepAlive(long leaseId) {
    return engine.keepAlive(leaseId);
  }

  @Override
  public CompletableFuture<Void> revokeLease(long leaseId) {
    return engine.revokeLease(leaseId);
  }

  @Override
  public void close() {
    engine.close();
  }

  private List<Op> sealAll(List<Op> ops) {
    List<Op> out = null;
    for (int i = 0; i < ops.size(); i++) {
      Op op = ops.get(i);
      if (op instanceof Op.Put put && sensitive.test(put.key())) {
        if (out == null) {
          out = new ArrayList<>(ops);
        }
        out.set(i, new Op.Put(put.key(), sealer.seal(put.key(), put.value()), put.lease()));
      }
    }
    return out == null ? ops : out;
  }

  /** Returns the same list when nothing in it is sensitive (the common case costs no copy). */
  private List<KeyValue> openAll(List<KeyValue> kvs) {
    List<KeyValue> out = null;
    for (int i = 0; i < kvs.size(); i++) {
      KeyValue kv = kvs.get(i);
      if (kv != null && sensitive.test(kv.key())) {
        if (out == null) {
          out = new ArrayList<>(kvs);
        }
        out.set(i, open(kv));
      }
    }
    return out == null ? kvs : out;
  }

  private KeyValue open(KeyValue kv) {
    if (kv == null || kv.value().length == 0 || !sensitive.test(kv.key())) {
      return kv; // a DELETE event's kv carries no value
    }
    return new KeyValue(kv.key(), sealer.open(kv.key(), kv.value()), kv.createRevision(), kv.modRevision(),
        kv.version(), kv.lease());
  }

  /** Opens event values before the owner sees them; a value this replica cannot open ends the watch. */
  private final class OpeningListener implements WatchListener {
    private final WatchListener owner;
    private volatile Watch engineWatch;
    private volatile boolean ended;

    OpeningListener(WatchListener owner) {
      this.owner = owner;
    }

    void attach(Watch watch) {
      engineWatch = watch;
      if (ended) {
        watch.close();
      }
    }

    @Override
    public void onEvents(List<WatchEvent> events) {
      if (ended) {
        return;
      }
      List<WatchEvent> opened;
      try {
        opened = openEvents(events);
      } catch (UnreadableSecretException e) {
        ended = true;
        Watch watch = engineWatch;
        if (watch != null) {
          watch.close();
        }
        owner.onClosed(e);
        return;
      }
      owner.onEvents(opened);
    }

    @Override
    public void onProgress(long revision) {
      if (!ended) {
        owner.onProgress(revision);
      }
    }

    @Override
    public void onClosed(Throwable cause) {
      if (!ended) {
        ended = true;
        owner.onClosed(cause);
      }
    }
  }

  private List<WatchEvent> openEvents(List<WatchEvent> events) {
    List<WatchEvent> out = null;
    for (int i = 0; i < events.size(); i++) {
      WatchEvent event = events.get(i);
      if (sensitive.test(event.kv().key())) {
        if (out == null) {
          out = new ArrayList<>(events);
        }
        out.set(i, new WatchEvent(event.type(), open(event.kv()), open(event.prevKv())));
      }
    }
    return out == null ? events : out;
  }
}
