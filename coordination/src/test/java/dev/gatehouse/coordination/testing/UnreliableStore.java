package dev.gatehouse.coordination.testing;

import dev.gatehouse.store.RangeRequest;
import dev.gatehouse.store.RangeResult;
import dev.gatehouse.store.Store;
import dev.gatehouse.store.StoreException;
import dev.gatehouse.store.Txn;
import dev.gatehouse.store.TxnResult;
import dev.gatehouse.store.Watch;
import dev.gatehouse.store.WatchListener;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;

/**
 * One replica's view of a shared store that the test can cut off: FAILING answers every call with a
 * StoreException at once (connection refused), HANGING never answers (a partition) until the store heals,
 * when the hung calls fail. Compactions can be made to fail on their own. Closing it leaves the shared store
 * open, as closing one replica's client does.
 */
public final class UnreliableStore implements Store {
  public enum Mode { HEALTHY, FAILING, HANGING }

  private final Store delegate;
  private volatile Mode mode = Mode.HEALTHY;
  private volatile boolean compactionFails;
  private volatile CountDownLatch healed = new CountDownLatch(0);
  private final List<CompletableFuture<?>> hung = new CopyOnWriteArrayList<>();
  private final List<Watch> watches = new CopyOnWriteArrayList<>();

  public UnreliableStore(Store delegate) {
    this.delegate = delegate;
  }

  public synchronized void setMode(Mode newMode) {
    if (newMode == Mode.HANGING && mode != Mode.HANGING) {
      healed = new CountDownLatch(1);
    }
    if (newMode != Mode.HANGING) {
      healed.countDown();
      hung.forEach(f -> f.completeExceptionally(new StoreException("unreliable store: request timed out")));
      hung.clear();
    }
    mode = newMode;
  }

  public void setCompactionFails(boolean fails) {
    compactionFails = fails;
  }

  @Override
  public long currentRevision() {
    return delegate.currentRevision();
  }

  @Override
  public long compactRevision() {
    return delegate.compactRevision();
  }

  @Override
  public RangeResult range(RangeRequest request) {
    return sync(() -> delegate.range(request));
  }

  @Override
  public CompletableFuture<TxnResult> txn(Txn txn) {
    return async(() -> delegate.txn(txn));
  }

  @Override
  public Watch watch(String prefix, long afterRevision, WatchListener listener) {
    Watch watch = sync(() -> delegate.watch(prefix, afterRevision, listener));
    LiveWatch live = new LiveWatch(watch, listener);
    watches.add(live);
    return live;
  }

  /** Ends every open watch from the store's side, as a store does when a watcher falls behind. */
  public void endWatches() {
    for (Watch watch : watches) {
      LiveWatch live = (LiveWatch) watch;
      live.close();
      live.listener.onClosed(new StoreException("unreliable store: watch ended"));
    }
  }

  private final class LiveWatch implements Watch {
    private final Watch watch;
    private final WatchListener listener;

    LiveWatch(Watch watch, WatchListener listener) {
      this.watch = watch;
      this.listener = listener;
    }

    @Override
    public void close() {
      watches.remove(this);
      watch.close();
    }
  }

  @Override
  public CompletableFuture<Void> compact(long revision) {
    if (compactionFails) {
      return CompletableFuture.failedFuture(new StoreException("unreliable store: compaction refused"));
    }
    return async(() -> delegate.compact(revision));
  }

  @Override
  public CompletableFuture<Long> grantLease(long ttlSeconds) {
    return async(() -> delegate.grantLease(ttlSeconds));
  }

  @Override
  public CompletableFuture<Void> keepAlive(long leaseId) {
    return async(() -> delegate.keepAlive(leaseId));
  }

  @Override
  public CompletableFuture<Void> revokeLease(long leaseId) {
    return async(() -> delegate.revokeLease(leaseId));
  }

  @Override
  public void close() {
    setMode(Mode.HEALTHY); // release hung callers
  }

  private <T> T sync(Supplier<T> call) {
    switch (mode) {
      case HEALTHY -> {
        return call.get();
      }
      case FAILING -> throw new StoreException("unreliable store: connection refused");
      case HANGING -> {
        try {
          healed.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        throw new StoreException("unreliable store: request timed out");
      }
      default -> throw new IllegalStateException();
    }
  }

  private <T> CompletableFuture<T> async(Supplier<CompletableFuture<T>> call) {
    return switch (mode) {
      case HEALTHY -> call.get();
      case FAILING -> CompletableFuture.failedFuture(new StoreException("unreliable store: connection refused"));
      case HANGING -> {
        CompletableFuture<T> never = new CompletableFuture<>();
        hung.add(never);
        yield never;
      }
    };
  }
}
