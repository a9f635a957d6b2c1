package dev.gatehouse.store.fanout;

import dev.gatehouse.store.RangeRequest;
import dev.gatehouse.store.RangeResult;
import dev.gatehouse.store.Store;
import dev.gatehouse.store.StoreException;
import dev.gatehouse.store.Txn;
import dev.gatehouse.store.TxnResult;
import dev.gatehouse.store.Watch;
import dev.gatehouse.store.WatchEvent;
import dev.gatehouse.store.WatchListener;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One watch on the engine, shared by every watcher of this process, as kube-apiserver's watch cache shares one
 * etcd watch per resource: with a remote engine, a thousand HTTP watches would otherwise be a thousand etcd
 * watches, each event sent, decoded and dispatched a thousand times.
 *
 * <p>The shared stream starts at the engine's revision when this store opens and keeps the most recent events
 * ({@link #HISTORY}); a watch from a revision inside that window is served from memory (history first, then
 * live events, in order, without gaps), a watch from an older revision goes to the engine as before, which
 * also answers compaction with {@code CompactedException}. Reads and writes pass straight through.
 */
public final class SharedWatchStore implements Store {
  static final int HISTORY = 8192;
  private static final Logger LOG = LoggerFactory.getLogger(SharedWatchStore.class);

  private final Store engine;
  private final EventWindow window;
  private final Watch upstream;
  /** Replays history to new watchers, so a watcher never receives calls on the thread that opened it. */
  private final ExecutorService replays = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "gatehouse-watch-replay");
    t.setDaemon(true);
    return t;
  });

  public SharedWatchStore(Store engine) {
    this(engine, HISTORY);
  }

  SharedWatchStore(Store engine, int history) {
    this.engine = engine;
    long start = engine.currentRevision();
    this.window = new EventWindow(start, history);
    this.upstream = engine.watch("", start, new WatchListener() {
      @Override
      public void onEvents(List<WatchEvent> events) {
        window.publish(events);
      }

      @Override
      public void onProgress(long revision) {
        window.progress(revision);
      }

      @Override
      public void onClosed(Throwable cause) {
        LOG.warn("the shared store watch ended; watches now go to the engine one by one", cause);
        window.end(cause);
      }
    });
  }

  @Override
  public Watch watch(String prefix, long afterRevision, WatchListener listener) {
    // compacted history is refused as the engine refuses it, even where the window still holds it
    EventWindow.Subscription subscription = afterRevision < engine.compactRevision() ? null
        : window.subscribe(prefix, afterRevision, listener);
    if (subscription == null) {
      return engine.watch(prefix, afterRevision, listener); // older than the window, or the shared stream ended
    }
    replays.execute(subscription::catchUp);
    return subscription;
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
    return engine.range(request);
  }

  @Override
  public CompletableFuture<TxnResult> txn(Txn txn) {
    return engine.txn(txn);
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
    upstream.close();
    window.end(new StoreException("store closed"));
    replays.shutdownNow();
    engine.close();
  }

  static List<WatchEvent> matching(List<WatchEvent> events, String prefix, long after) {
    List<WatchEvent> out = null;
    for (WatchEvent e : events) {
      if (e.revision() > after && e.kv().key().startsWith(prefix)) {
        if (out == null) {
          out = new ArrayList<>();
        }
        out.add(e);
      }
    }
    return out == null ? List.of() : out;
  }
}
