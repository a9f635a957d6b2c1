package dev.gatehouse.store.etcd;

import dev.gatehouse.store.CompactedException;
import dev.gatehouse.store.FutureRevisionException;
import dev.gatehouse.store.LeaseNotFoundException;
import dev.gatehouse.store.RangeRequest;
import dev.gatehouse.store.RangeResult;
import dev.gatehouse.store.Store;
import dev.gatehouse.store.StoreException;
import dev.gatehouse.store.Txn;
import dev.gatehouse.store.TxnResult;
import dev.gatehouse.store.Watch;
import dev.gatehouse.store.WatchListener;
import io.etcd.jetcd.Client;
import io.etcd.jetcd.KV;
import io.etcd.jetcd.kv.TxnResponse;
import io.etcd.jetcd.options.CompactOption;
import io.etcd.jetcd.options.WatchOption;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The etcd engine: every store call is one etcd request, so several Gatehouse processes over one etcd cluster
 * see one store. etcd's revisions are the store's revisions (modRevision, createRevision, version and the
 * compacted revision pass through unchanged), reads are linearizable (etcd's default), and a write's future
 * completes once etcd has committed it to a quorum's disk.
 *
 * <p>Client: jetcd 0.8.7 (gRPC). It was checked first against this build's Vert.x 5.2 / Netty 4.2: jetcd
 * 0.8.7 is built on vertx-grpc 5.1 (Vert.x 5, not 4), so Maven resolves one vertx-core 5.2 and one Netty 4.2
 * for the whole build, and a smoke run (put, get, watch from a revision, lease) passed on that class path. Its
 * cost is weight (grpc-java, Guava, failsafe: about 9 MB), which is why this engine is its own module.
 *
 * <p>Differences from the embedded engine a caller must know:
 * <ul>
 *   <li>{@link #range} is a network round trip, also at the current revision: call it off event loops.</li>
 *   <li>{@link #currentRevision()} and {@link #compactRevision()} are cached; see {@link Revisions} for how
 *       they stay fresh and how little they can lag.</li>
 *   <li>A watch survives the etcd member it streams from dying or losing its leader: it resumes on another
 *       member from the last revision it received (see {@link EtcdWatch}); it ends only when no member
 *       takes it back within the request timeout, or etcd compacted the history it must resume from.</li>
 *   <li>A write whose answer is lost (member killed, leader lost mid-request, etcd's own request timeout)
 *       fails with a StoreException saying its outcome is unknown; it is never retried by the engine.</li>
 *   <li>etcd's own limits apply: at most {@code --max-txn-ops} (default 128) ops per branch, requests up to
 *       {@code --max-request-bytes} (default 1.5 MiB), lease TTLs of at least 2 s (shorter ones are raised).</li>
 * </ul>
 */
public final class EtcdStore implements Store {
  private static final Logger log = LoggerFactory.getLogger(EtcdStore.class);

  private final EtcdStoreOptions options;
  private final Client client;
  private final KV kv;
  private final Keys keys;
  private final Revisions revisions = new Revisions();
  private final Ranges ranges;
  private final Set<EtcdWatch> watches = ConcurrentHashMap.newKeySet();
  private final ExecutorService notifications = Executors.newFixedThreadPool(2, daemonThreads("etcd-store-watch"));
  private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(daemonThreads("etcd-store-timer"));
  private volatile boolean closed;

  private EtcdStore(EtcdStoreOptions options, Client client) {
    this.options = options;
    this.client = client;
    this.kv = client.getKVClient();
    this.keys = new Keys(options.keyPrefix());
    this.ranges = new Ranges(kv, keys, revisions, options.requestTimeout());
  }

  /**
   * Connects to etcd and learns its current and compacted revisions. Fails with {@link StoreException} when no
   * endpoint answers within the request timeout.
   */
  public static EtcdStore open(EtcdStoreOptions options) {
    Client client = EtcdClients.connect(options);
    EtcdStore store = new EtcdStore(options, client);
    try {
      store.start();
      return store;
    } catch (RuntimeException e) {
      store.close();
      throw new StoreException("etcd store: cannot open " + options.endpoints() + ": " + e.getMessage(), e);
    }
  }

  /** {@code open(EtcdStoreOptions.parse(address))}, for {@code etcd://host:2379,...} addresses. */
  public static EtcdStore open(String address) {
    return open(EtcdStoreOptions.parse(address));
  }

  private void start() {
    long started = System.nanoTime();
    revisions.seen(ranges.headRevision());
    revisions.probeCompacted(kv, keys, 0, options.requestTimeout());
    revisions.follow(client.getWatchClient(), keys, timers);
    log.info("etcd store: opened {} (key prefix \"{}\") at revision {}, compacted {}, in {} ms",
        options.endpoints(), options.keyPrefix(), revisions.current(), revisions.compacted(),
        (System.nanoTime() - started) / 1_000_000);
  }

  @Override
  public long currentRevision() {
    return revisions.current();
  }

  @Override
  public long compactRevision() {
    return revisions.compacted();
  }

  @Override
  public RangeResult range(RangeRequest request) {
    requireOpen();
    return ranges.range(request);
  }

  @Override
  public CompletableFuture<TxnResult> txn(Txn txn) {
    if (closed) {
      return CompletableFuture.failedFuture(closedError());
    }
    TxnPlan plan = TxnPlan.of(keys, txn);
    CompletableFuture<TxnResponse> sent;
    try {
      sent = plan.commit(kv);
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(EtcdErrors.generic("txn", e));
    }
    return EtcdErrors.mapFailure(timed(sent), e -> switch (EtcdErrors.classify(e)) {
      case LEASE_NOT_FOUND -> new LeaseNotFoundException(plan.firstLease());
      default -> EtcdErrors.writeFailure("txn", e);
    }).thenApply(response -> {
      revisions.seen(response.getHeader().getRevision());
      return plan.result(response);
    });
  }

  @Override
  public Watch watch(String prefix, long afterRevision, WatchListener listener) {
    requireOpen();
    long compacted = revisions.compacted();
    if (afterRevision < compacted) {
      throw new CompactedException(afterRevision, compacted);
    }
    if (afterRevision < revisions.current() && !ranges.readable(Math.max(1, afterRevision))) {
      // Another process compacted past the history this watch must replay; say so now, not via onClosed.
      // (The failed read has already probed etcd for the compacted revision.)
      throw new CompactedException(afterRevision, revisions.compacted());
    }
    Keys.Span span = keys.prefix(prefix);
    io.etcd.jetcd.Watch watchClient = client.getWatchClient();
    EtcdWatch.Streams streams = (after, stream) -> watchClient.watch(span.startKey(), WatchOption.builder()
        .withRange(span.endKey()).withRevision(after + 1).withPrevKV(true).withProgressNotify(true)
        // createNotify: a resumed stream counts as re-established once etcd confirms it. requireLeader: a
        // member cut off from the others ends its streams instead of going silent, so the watch moves on.
        .withCreateNotify(true).withRequireLeader(true).build(), stream);
    EtcdWatch watch = new EtcdWatch(keys, afterRevision, listener, notifications, options.watchQueueCapacity(),
        revisions, watches::remove, streams, timers, options.requestTimeout());
    watches.add(watch);
    try {
      watch.start();
    } catch (RuntimeException e) {
      watches.remove(watch);
      throw EtcdErrors.generic("watch", e);
    }
    if (closed) {
      watch.end(closedError()); // close() ran while this watch was being set up
    }
    return watch;
  }

  @Override
  public CompletableFuture<Void> compact(long revision) {
    if (closed) {
      return CompletableFuture.failedFuture(closedError());
    }
    if (revision <= revisions.compacted()) {
      return CompletableFuture.completedFuture(null);
    }
    CompactOption physical = CompactOption.builder().withCompactPhysical(true).build();
    CompletableFuture<Void> done = new CompletableFuture<>();
    timed(kv.compact(revision, physical)).whenComplete((response, error) -> {
      if (error == null) {
        revisions.seen(response.getHeader().getRevision());
        revisions.compactedAt(revision);
        done.complete(null);
        return;
      }
      switch (EtcdErrors.classify(error)) {
        case COMPACTED -> // someone compacted at or past it already: no effect, as the SPI says; learn how far
            runOnTimer(done, () -> revisions.probeCompacted(kv, keys, revision, options.requestTimeout()));
        case FUTURE_REVISION -> done.completeExceptionally(new FutureRevisionException(revision, revisions.current()));
        default -> done.completeExceptionally(EtcdErrors.generic("compaction", error));
      }
    });
    return done;
  }

  @Override
  public CompletableFuture<Long> grantLease(long ttlSeconds) {
    if (closed) {
      return CompletableFuture.failedFuture(closedError());
    }
    if (ttlSeconds <= 0) {
      return CompletableFuture.failedFuture(new StoreException("store: lease TTL must be positive, got " + ttlSeconds));
    }
    return EtcdErrors.mapFailure(timed(client.getLeaseClient().grant(ttlSeconds)),
        e -> EtcdErrors.generic("lease grant", e)).thenApply(response -> {
          revisions.seen(response.getHeader().getRevision());
          return response.getID();
        });
  }

  @Override
  public CompletableFuture<Void> keepAlive(long leaseId) {
    if (closed) {
      return CompletableFuture.failedFuture(closedError());
    }
    return EtcdErrors.mapFailure(timed(client.getLeaseClient().keepAliveOnce(leaseId)),
        e -> leaseFailure("lease keep-alive", leaseId, e)).thenApply(response -> null);
  }

  @Override
  public CompletableFuture<Void> revokeLease(long leaseId) {
    if (closed) {
      return CompletableFuture.failedFuture(closedError());
    }
    return EtcdErrors.mapFailure(timed(client.getLeaseClient().revoke(leaseId)),
        e -> leaseFailure("lease revoke", leaseId, e)).thenApply(response -> {
          revisions.seen(response.getHeader().getRevision());
          return null;
        });
  }

  /** Number of running watches (for metrics and tests). */
  public int watchCount() {
    return watches.size();
  }

  @Override
  public void close() {
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
    }
    timers.shutdownNow(); // first, so the revision watch does not restart when the client closes under it
    StoreException closedError = closedError();
    for (EtcdWatch watch : List.copyOf(watches)) {
      watch.end(closedError);
    }
    notifications.shutdown();
    try {
      if (!notifications.awaitTermination(10, TimeUnit.SECONDS)) {
        notifications.shutdownNow();
      }
    } catch (InterruptedException e) {
      notifications.shutdownNow();
      Thread.currentThread().interrupt();
    }
    client.close(); // requests still in flight fail, and their futures with them
  }

  private static Throwable leaseFailure(String what, long leaseId, Throwable error) {
    return EtcdErrors.classify(error) == EtcdErrors.Kind.LEASE_NOT_FOUND
        ? new LeaseNotFoundException(leaseId) : EtcdErrors.generic(what, error);
  }

  /** Bounds a request: jetcd waits for a reachable endpoint indefinitely, and its retries have no deadline. */
  private <T> CompletableFuture<T> timed(CompletableFuture<T> future) {
    return future.orTimeout(options.requestTimeout().toMillis(), TimeUnit.MILLISECONDS);
  }

  private void runOnTimer(CompletableFuture<Void> done, Runnable task) {
    try {
      timers.execute(() -> {
        try {
          task.run();
          done.complete(null);
        } catch (RuntimeException e) {
          done.completeExceptionally(e);
        }
      });
    } catch (java.util.concurrent.RejectedExecutionException e) {
      done.completeExceptionally(closedError());
    }
  }

  private void requireOpen() {
    if (closed) {
      throw closedError();
    }
  }

  private static StoreException closedError() {
    return new StoreException("store: closed");
  }

  private static ThreadFactory daemonThreads(String name) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, name + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
