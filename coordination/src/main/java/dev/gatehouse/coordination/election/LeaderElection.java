package dev.gatehouse.coordination.election;

import dev.gatehouse.store.Compare;
import dev.gatehouse.store.KeyValue;
import dev.gatehouse.store.LeaseNotFoundException;
import dev.gatehouse.store.Op;
import dev.gatehouse.store.RangeRequest;
import dev.gatehouse.store.RangeResult;
import dev.gatehouse.store.Store;
import dev.gatehouse.store.StoreException;
import dev.gatehouse.store.Txn;
import dev.gatehouse.store.TxnResult;
import dev.gatehouse.store.Watch;
import dev.gatehouse.store.WatchEvent;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lease-based leader election over the store SPI, so that one replica at a time does singleton work.
 *
 * <p>A candidate grants itself a lease and writes {@code key = identity} attached to it, guarded by "the key
 * does not exist". The winner keeps the lease alive every {@code renewInterval}; the others watch the key and
 * try again once it is deleted (the leader resigned, or its lease expired). The leader fails closed: once
 * {@code renewDeadline} (below the TTL) has passed since the start of its last successful renewal it steps
 * down, before the store can expire the lease and hand the key to someone else. It also steps down when the
 * key is deleted or replaced under it. After stepping down it campaigns again with a new lease.
 *
 * <p>Threads: one election thread runs the campaign; listener callbacks run on a separate callback thread so
 * a slow callback cannot delay renewals; synchronous store calls (range, watch) run on an I/O pool so that a
 * hung store cannot hold the election thread past a deadline. All are daemon threads, ended by {@link #close()}.
 *
 * <p>Identities must be unique per process (e.g. host name plus a random suffix): a restarted replica that
 * finds its own identity in the key waits for that old lease to expire like any other candidate.
 */
public final class LeaderElection implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(LeaderElection.class);

  private final Store store;
  private final String key;
  private final String identity;
  private final byte[] identityBytes;
  private final ElectionOptions options;
  private final LeadershipListener listener;
  private final Thread electionThread;
  private final ExecutorService callbacks;
  private final Deadlines deadlines;
  private final AtomicBoolean closed = new AtomicBoolean();
  private volatile Thread callbackThread;
  private volatile boolean leading;
  /** Ticker value when the last successful lease grant or renewal was sent (valid while leading). */
  private volatile long lastRenewNanos;
  private String lastReportedHolder;

  private LeaderElection(Store store, String key, String identity, ElectionOptions options,
                         LeadershipListener listener) {
    this.store = Objects.requireNonNull(store, "store");
    this.key = requireText(key, "key");
    this.identity = requireText(identity, "identity");
    this.identityBytes = identity.getBytes(StandardCharsets.UTF_8);
    this.options = Objects.requireNonNull(options, "options");
    this.listener = Objects.requireNonNull(listener, "listener");
    this.callbacks = Executors.newSingleThreadExecutor(runnable -> {
      Thread thread = daemon(runnable, "leader-election-callbacks-" + identity);
      callbackThread = thread;
      return thread;
    });
    this.deadlines = new Deadlines("leader-election-io-" + identity);
    this.electionThread = daemon(this::run, "leader-election-" + identity);
  }

  /** Starts campaigning for {@code key} with the default timing for {@code ttl} ({@link ElectionOptions#forTtl}). */
  public static LeaderElection start(Store store, String key, String identity, Duration ttl,
                                     LeadershipListener listener) {
    return start(store, key, identity, ElectionOptions.forTtl(ttl), listener);
  }

  public static LeaderElection start(Store store, String key, String identity, ElectionOptions options,
                                     LeadershipListener listener) {
    LeaderElection election = new LeaderElection(store, key, identity, options, listener);
    election.electionThread.start();
    return election;
  }

  public String identity() {
    return identity;
  }

  public String key() {
    return key;
  }

  /**
   * Whether this replica leads right now. Fails closed on its own: false once the renew deadline has passed,
   * even if the election thread has not got round to stepping down yet.
   */
  public boolean isLeader() {
    return leading && options.ticker().getAsLong() - lastRenewNanos < options.renewDeadline().toNanos();
  }

  /**
   * The identity stored in the key now (read from the store), empty when nobody leads.
   *
   * @throws StoreException when the store cannot be read
   */
  public Optional<String> leader() {
    List<KeyValue> kvs = store.range(RangeRequest.get(key)).kvs();
    return kvs.isEmpty() ? Optional.empty() : Optional.of(new String(kvs.get(0).value(), StandardCharsets.UTF_8));
  }

  /**
   * Resigns and stops: a leader stops leading ({@link LeadershipListener#onStoppedLeading()} has run when this
   * returns, unless called from a callback) and revokes its lease, so another candidate takes over at once.
   * Bounded: waits at most about two TTLs when the store or a callback hangs.
   */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    deadlines.close();
    boolean onCallbackThread = Thread.currentThread() == callbackThread;
    try {
      if (onCallbackThread) {
        return; // the election thread delivers onStoppedLeading once this callback returns
      }
      electionThread.join(options.ttl().multipliedBy(2).plusSeconds(1).toMillis());
      if (electionThread.isAlive()
          || !callbacks.awaitTermination(options.ttl().toMillis(), TimeUnit.MILLISECONDS)) {
        log.warn("leader election: {} did not finish resigning in time; its lease expires on its own", identity);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  // ---- the election thread ----

  private void run() {
    Backoff backoff = new Backoff(options.retryMin(), options.retryMax());
    log.info("leader election: {} is campaigning for {}", identity, key);
    while (!deadlines.closing()) {
      try {
        campaign();
        if (backoff.failures() > 0) {
          log.info("leader election: {} reaches the store again after {} failed attempts", identity,
              backoff.failures());
        }
        backoff.reset();
      } catch (Deadlines.Closing e) {
        break;
      } catch (RuntimeException e) {
        long pause = backoff.nextPauseNanos();
        String message = "leader election: {} cannot campaign for {} ({}); retrying in {} ms";
        if (backoff.failures() == 1) {
          log.warn(message, identity, key, e.getMessage(), TimeUnit.NANOSECONDS.toMillis(pause));
        } else {
          log.debug(message, identity, key, e.getMessage(), TimeUnit.NANOSECONDS.toMillis(pause));
        }
        try {
          deadlines.pause(pause);
        } catch (Deadlines.Closing closed) {
          break;
        }
      }
    }
    log.info("leader election: {} has left the election for {}", identity, key);
    // Here rather than in close(): a close() from a callback must not reject the final onStoppedLeading.
    callbacks.shutdown();
    deadlines.shutdown();
  }

  /** One round: lead if the key is free and this candidate wins it, else wait until the key is released. */
  private void campaign() {
    RangeResult current = deadlines.call(() -> store.range(RangeRequest.get(key)), requestTimeoutNanos());
    if (!current.kvs().isEmpty()) {
      follow(current.kvs().get(0), current.revision());
      return;
    }
    long sentAt = now();
    CompletableFuture<Long> grant = store.grantLease(options.leaseSeconds());
    long lease;
    try {
      lease = deadlines.await(grant, requestTimeoutNanos());
    } catch (RuntimeException e) {
      grant.thenAccept(this::revokeInBackground); // granted after all, too late: do not leave it to expire
      throw e;
    }
    TxnResult result;
    try {
      result = deadlines.await(store.txn(Txn.of(new Compare.CreateRevisionEquals(key, 0),
          new Op.Put(key, identityBytes, lease), new Op.Get(key))), requestTimeoutNanos());
    } catch (RuntimeException e) {
      revokeInBackground(lease); // the put may have happened all the same: give the key up
      throw e;
    }
    if (result.succeeded()) {
      lead(lease, sentAt, result.revision());
      return;
    }
    revokeInBackground(lease);
    KeyValue holder = result.results().get(0);
    if (holder != null) {
      follow(holder, result.revision());
    }
  }

  /** Waits until the key held by {@code holder} is deleted (or the poll interval passes, as a safety net). */
  private void follow(KeyValue holder, long revision) {
    String holderIdentity = new String(holder.value(), StandardCharsets.UTF_8);
    if (!holderIdentity.equals(lastReportedHolder)) {
      log.info("leader election: {} follows {} as the leader for {}", identity, holderIdentity, key);
      lastReportedHolder = holderIdentity;
    }
    KeySignal released = new KeySignal(key, event -> event.type() == WatchEvent.Type.DELETE, deadlines::wake);
    Watch watch = deadlines.open(() -> store.watch(key, revision, released), requestTimeoutNanos());
    try {
      if (deadlines.waitFor(released.fired(), options.ttl().toNanos())) {
        deadlines.await(released.fired(), 0); // throws when the store ended the watch: go round the backoff
      }
    } finally {
      watch.close();
    }
  }

  private void lead(long lease, long grantedAt, long revision) {
    if (now() - grantedAt >= options.renewDeadline().toNanos()) {
      revokeInBackground(lease); // won, but too slowly to trust the lease: start over
      throw new StoreException("acquiring the key took longer than the renew deadline");
    }
    lastRenewNanos = grantedAt;
    leading = true;
    lastReportedHolder = identity;
    log.info("leader election: {} became the leader for {}", identity, key);
    post("onStartedLeading", listener::onStartedLeading);
    Ownership ownership = new Ownership(lease);
    String reason;
    boolean resigning = false;
    try {
      ownership.watchFrom(revision);
      reason = holdLeadership(ownership);
    } catch (Deadlines.Closing e) {
      reason = "resigning";
      resigning = true;
    }
    ownership.close();
    stepDown(lease, reason);
    if (resigning) {
      throw new Deadlines.Closing();
    }
  }

  /** Renews the lease until leadership ends; returns why it ended. */
  private String holdLeadership(Ownership ownership) {
    long renewInterval = options.renewInterval().toNanos();
    long nextAttempt = lastRenewNanos + renewInterval;
    int failures = 0;
    while (true) {
      long now = now();
      long deadline = lastRenewNanos + options.renewDeadline().toNanos();
      if (now - deadline >= 0) {
        return "no successful lease renewal for " + TimeUnit.NANOSECONDS.toMillis(now - lastRenewNanos) + " ms";
      }
      String lost = ownership.lost();
      if (lost != null) {
        return "the election key changed under it (" + lost + ")";
      }
      try {
        if (ownership.watchEnded()) {
          ownership.rewatch(deadline - now);
        } else if (now - nextAttempt < 0) {
          deadlines.pause(Math.min(nextAttempt - now, deadline - now));
          continue;
        } else {
          deadlines.await(store.keepAlive(ownership.lease), deadline - now);
          lastRenewNanos = now;
          nextAttempt = now + renewInterval;
        }
        if (failures > 0) {
          log.info("leader election: {} reaches the store again after {} failed attempts", identity, failures);
          failures = 0;
        }
      } catch (LeaseNotFoundException e) {
        return "its lease has expired";
      } catch (Deadlines.Closing e) {
        throw e;
      } catch (RuntimeException e) {
        String message = "leader election: {} could not renew its hold on {} ({}); {} ms left before it steps down";
        long left = Math.max(0, TimeUnit.NANOSECONDS.toMillis(deadline - now()));
        if (failures++ == 0) {
          log.warn(message, identity, key, e.getMessage(), left);
        } else {
          log.debug(message, identity, key, e.getMessage(), left);
        }
        deadlines.pause(Math.min(options.retryMin().toNanos(), deadline - now()));
      }
    }
  }

  /** Stops leading: tells the listener first, then gives the lease (and with it the key) up. */
  private void stepDown(long lease, String reason) {
    leading = false;
    log.info("leader election: {} stopped leading {}: {}", identity, key, reason);
    // Let the work stop before the key is released, so the next leader does not overlap with it; bounded,
    // as the lease runs out anyway once renewals stop.
    Deadlines.waitQuietly(post("onStoppedLeading", listener::onStoppedLeading), options.ttl().toNanos());
    if (!Deadlines.waitQuietly(store.revokeLease(lease), options.renewInterval().toNanos())) {
      log.debug("leader election: {} could not revoke lease {}; it expires on its own", identity, lease);
    }
  }

  /**
   * The leader's watch on its own key: it reports a delete, or a put by someone else (another lease), as lost
   * leadership. When the store ends the watch, the leader re-reads the key and watches again.
   */
  private final class Ownership implements AutoCloseable {
    private final long lease;
    private KeySignal signal;
    private Watch watch;

    Ownership(long lease) {
      this.lease = lease;
    }

    void watchFrom(long revision) {
      signal = new KeySignal(key, event -> event.type() == WatchEvent.Type.DELETE || event.kv().lease() != lease,
          deadlines::wake);
      try {
        watch = deadlines.open(() -> store.watch(key, revision, signal), renewDeadlineLeftNanos());
      } catch (Deadlines.Closing e) {
        throw e;
      } catch (RuntimeException e) {
        signal.onClosed(e); // holdLeadership() tries again
      }
    }

    /** Why the key is no longer this leader's, or null. */
    String lost() {
      return signal.fired().isDone() && !signal.fired().isCompletedExceptionally() ? signal.outcome() : null;
    }

    boolean watchEnded() {
      return signal.fired().isCompletedExceptionally();
    }

    /** Checks the key is still ours and watches it again from the revision of that read. */
    void rewatch(long nanos) {
      close();
      RangeResult current = deadlines.call(() -> store.range(RangeRequest.get(key)), nanos);
      KeyValue kv = current.kvs().isEmpty() ? null : current.kvs().get(0);
      if (kv == null || kv.lease() != lease) {
        signal = KeySignal.alreadyFired(key, kv == null ? "deleted while unwatched" : "taken while unwatched");
        return;
      }
      watchFrom(current.revision());
      if (watchEnded()) {
        throw new StoreException(signal.outcome());
      }
    }

    @Override
    public void close() {
      if (watch != null) {
        watch.close();
        watch = null;
      }
    }
  }

  // ---- helpers ----

  private long now() {
    return options.ticker().getAsLong();
  }

  private long requestTimeoutNanos() {
    return options.ttl().toNanos();
  }

  private long renewDeadlineLeftNanos() {
    return Math.max(1, lastRenewNanos + options.renewDeadline().toNanos() - now());
  }

  private void revokeInBackground(long lease) {
    store.revokeLease(lease).whenComplete((ok, error) -> {
      if (error != null) {
        log.debug("leader election: {} could not revoke unused lease {}: {}", identity, lease, error.getMessage());
      }
    });
  }

  /** Runs a listener callback on the callback thread; a throwing callback is logged, not propagated. */
  private CompletableFuture<Void> post(String name, Runnable callback) {
    try {
      return CompletableFuture.runAsync(() -> {
        try {
          callback.run();
        } catch (RuntimeException e) {
          log.error("leader election: {} of {} failed", name, identity, e);
        }
      }, callbacks);
    } catch (RejectedExecutionException e) {
      log.warn("leader election: {} of {} not delivered: the election is closed", name, identity);
      return CompletableFuture.completedFuture(null);
    }
  }

  private static String requireText(String value, String name) {
    if (value == null || value.isEmpty()) {
      throw new IllegalArgumentException("leader election: " + name + " must not be empty");
    }
    return value;
  }

  private static Thread daemon(Runnable runnable, String name) {
    Thread thread = new Thread(runnable, name);
    thread.setDaemon(true);
    return thread;
  }

}
