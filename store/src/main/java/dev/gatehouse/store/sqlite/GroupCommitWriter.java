package dev.gatehouse.store.sqlite;

import dev.gatehouse.store.StoreException;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The single writer. It takes every request waiting in the queue (up to {@code maxBatch}), evaluates them in
 * order, commits them in one SQLite transaction with one fsync, then publishes the result in this order:
 * leases, key index and revision (reads see the batch), watch events, futures. A caller whose future has
 * completed therefore reads its own write, and a watcher never sees an event a read could not see.
 *
 * <p>Batching is what lifts throughput past the fsync rate: while one batch syncs, the next one queues up.
 * Futures complete on {@code completions}, never on this thread, so callers' callbacks cannot stall it.
 */
final class GroupCommitWriter {
  private static final Logger log = LoggerFactory.getLogger(GroupCommitWriter.class);

  private final BlockingQueue<WriteRequest> queue = new LinkedBlockingQueue<>();
  private final Object submitLock = new Object();
  private boolean closed; // guarded by submitLock

  private final LogWriter logWriter;
  private final KeyIndex index;
  private final LeaseTable leases;
  private final WatchHub hub;
  private final Clock clock;
  private final Executor completions;
  private final int maxBatch;
  private final long maxCompactionStep;
  private final Thread thread;

  private volatile long compactRevision;
  private long leaseSequence;

  GroupCommitWriter(LogWriter logWriter, KeyIndex index, LeaseTable leases, WatchHub hub, Clock clock,
                    Executor completions, int maxBatch, long maxCompactionStep, long compactRevision,
                    long leaseSequence) {
    this.logWriter = logWriter;
    this.index = index;
    this.leases = leases;
    this.hub = hub;
    this.clock = clock;
    this.completions = completions;
    this.maxBatch = maxBatch;
    this.maxCompactionStep = maxCompactionStep;
    this.compactRevision = compactRevision;
    this.leaseSequence = leaseSequence;
    this.thread = new Thread(this::run, "store-writer");
    thread.setDaemon(true);
    thread.start();
  }

  long compactRevision() {
    return compactRevision;
  }

  /** Queues {@code request}, or fails its future at once when the store is closed. */
  <T> CompletableFuture<T> submit(WriteRequest request, CompletableFuture<T> future) {
    synchronized (submitLock) {
      if (!closed) {
        queue.add(request);
        return future;
      }
    }
    future.completeExceptionally(new StoreException("store: closed"));
    return future;
  }

  /** Lets every request queued so far finish, then stops the thread; later submissions fail. */
  void shutdown() {
    CompletableFuture<Void> done = new CompletableFuture<>();
    synchronized (submitLock) {
      if (closed) {
        return;
      }
      closed = true;
      queue.add(new WriteRequest.Shutdown(done));
    }
    try {
      thread.join(30_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    // A compaction step re-queued behind the Shutdown never ran: fail it rather than leave it hanging.
    List<WriteRequest> left = new ArrayList<>();
    queue.drainTo(left);
    StoreException closedError = new StoreException("store: closed");
    left.forEach(r -> r.future().completeExceptionally(closedError));
  }

  private void run() {
    List<WriteRequest> requests = new ArrayList<>(maxBatch);
    boolean stopping = false;
    while (!stopping) {
      try {
        requests.add(queue.take());
      } catch (InterruptedException e) {
        return;
      }
      queue.drainTo(requests, maxBatch - 1);
      int shutdownAt = indexOfShutdown(requests);
      if (shutdownAt >= 0) {
        stopping = true;
        // Requests behind the Shutdown can only be compaction steps re-queued by this thread.
        requests.subList(shutdownAt + 1, requests.size()).forEach(queue::add);
        requests.subList(shutdownAt + 1, requests.size()).clear();
      }
      try {
        commit(requests);
      } catch (RuntimeException e) {
        log.error("store: writer failed on a batch of {} requests", requests.size(), e);
        StoreException failure = new StoreException("store: write failed: " + e.getMessage(), e);
        requests.forEach(r -> r.future().completeExceptionally(failure));
      }
      requests.clear();
    }
  }

  private static int indexOfShutdown(List<WriteRequest> requests) {
    for (int i = 0; i < requests.size(); i++) {
      if (requests.get(i) instanceof WriteRequest.Shutdown) {
        return i;
      }
    }
    return -1;
  }

  private void commit(List<WriteRequest> requests) {
    Batch batch = new Batch(index, leases, compactRevision, leaseSequence, clock.millis(), maxCompactionStep,
        queue::add);
    for (WriteRequest request : requests) {
      batch.handle(request);
    }
    if (!batch.writesNothing()) {
      try {
        logWriter.commit(batch);
      } catch (SQLException e) {
        log.error("store: commit of {} requests failed", requests.size(), e);
        StoreException failure = new StoreException("store: commit failed: " + e.getMessage(), e);
        completions.execute(() -> batch.outcomes().forEach(o ->
            o.future().completeExceptionally(o.failure() != null ? o.failure() : failure)));
        return;
      }
      leases.apply(batch.leaseChanges(), batch.keyChanges(), index);
      leaseSequence = batch.leaseSequence();
      compactRevision = batch.compactRevision();
      if (batch.revision() > batch.startRevision()) {
        index.apply(batch.keyChanges(), batch.revision());
        hub.publish(batch.events(), batch.revision());
      }
    }
    completions.execute(() -> batch.outcomes().forEach(o -> {
      if (o.failure() != null) {
        o.future().completeExceptionally(o.failure());
      } else {
        o.future().complete(o.value());
      }
    }));
  }
}
