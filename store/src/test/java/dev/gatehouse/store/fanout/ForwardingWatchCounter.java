package dev.gatehouse.store.fanout;

import dev.gatehouse.store.RangeRequest;
import dev.gatehouse.store.RangeResult;
import dev.gatehouse.store.Store;
import dev.gatehouse.store.Txn;
import dev.gatehouse.store.TxnResult;
import dev.gatehouse.store.Watch;
import dev.gatehouse.store.WatchListener;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/** A store that counts the watches opened on it (everything else passes through). */
final class ForwardingWatchCounter implements Store {
  private final Store engine;
  private final AtomicInteger watches;

  ForwardingWatchCounter(Store engine, AtomicInteger watches) {
    this.engine = engine;
    this.watches = watches;
  }

  @Override
  public Watch watch(String prefix, long afterRevision, WatchListener listener) {
    watches.incrementAndGet();
    return engine.watch(prefix, afterRevision, listener);
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
    engine.close();
  }
}
