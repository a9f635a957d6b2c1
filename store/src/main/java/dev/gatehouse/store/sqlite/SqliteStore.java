package dev.gatehouse.store.sqlite;

import dev.gatehouse.store.CompactedException;
import dev.gatehouse.store.KeyValue;
import dev.gatehouse.store.RangeRequest;
import dev.gatehouse.store.RangeResult;
import dev.gatehouse.store.Store;
import dev.gatehouse.store.StoreException;
import dev.gatehouse.store.Txn;
import dev.gatehouse.store.TxnResult;
import dev.gatehouse.store.Watch;
import dev.gatehouse.store.WatchListener;
import dev.gatehouse.store.sqlite.Database.Meta;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.sqlite.SQLiteJDBCLoader;
import org.slf4j.LoggerFactory;

/**
 * The embedded engine: an append-only revision log in SQLite (one row per key per write, like k3s's kine),
 * an in-memory index of the latest value of every key for current reads, a group-commit writer thread and a
 * watch dispatcher. See {@link GroupCommitWriter}, {@link KeyIndex} and {@link WatchHub} for the three
 * moving parts; this class wires them together and runs the timers (lease expiry, periodic compaction,
 * progress notifications).
 *
 * <p>Memory: the index holds every live key's latest value, so the heap must hold the data set
 * (about 1.3 KB per key of 1 KiB).
 */
public final class SqliteStore implements Store {
  private static final Logger log = LoggerFactory.getLogger(SqliteStore.class);
  private static final int READER_CONNECTIONS = 4;

  /**
   * @param clock                time for lease deadlines (inject a fixed or mutable clock in tests)
   * @param compactionInterval   how often to compact; {@link Duration#ZERO} turns periodic compaction off
   * @param retainedRevisions    periodic compaction keeps this many most recent revisions of history
   * @param maxBatch             most requests one group commit (one fsync) takes
   * @param maxCompactionStep    most revisions one batch compacts; bigger compactions go in steps
   * @param watchQueueCapacity   events a watch may fall behind by before the store closes it
   * @param leaseCheckInterval   how often the expiry timer looks at lease deadlines
   * @param progressInterval     how often idle watches get a progress notification; ZERO: never
   */
  public record Options(Clock clock, Duration compactionInterval, long retainedRevisions, int maxBatch,
                        long maxCompactionStep, int watchQueueCapacity, Duration leaseCheckInterval,
                        Duration progressInterval) {
    public Options {
      Objects.requireNonNull(clock, "clock");
      requireArgument(!compactionInterval.isNegative(), "compactionInterval must not be negative");
      requireArgument(retainedRevisions >= 0, "retainedRevisions must not be negative");
      requireArgument(maxBatch >= 1, "maxBatch must be at least 1");
      requireArgument(maxCompactionStep >= 1, "maxCompactionStep must be at least 1");
      requireArgument(watchQueueCapacity >= 1, "watchQueueCapacity must be at least 1");
      requireArgument(leaseCheckInterval.toMillis() >= 1, "leaseCheckInterval must be at least 1ms");
      requireArgument(!progressInterval.isNegative(), "progressInterval must not be negative");
    }

    /** Compacts every 5 minutes keeping 10,000 revisions, as kube-apiserver's periodic compaction does. */
    public static Options defaults() {
      return new Options(Clock.systemUTC(), Duration.ofMinutes(5), 10_000, 1024, 10_000, 10_000,
          Duration.ofMillis(500), Duration.ofSeconds(5));
    }

    public Options withClock(Clock newClock) {
      return new Options(newClock, compactionInterval, retainedRevisions, maxBatch, maxCompactionStep,
          watchQueueCapacity, leaseCheckInterval, progressInterval);
    }

    public Options withCompaction(Duration interval, long retained) {
      return new Options(clock, interval, retained, maxBatch, maxCompactionStep, watchQueueCapacity,
          leaseCheckInterval, progressInterval);
    }

    public Options withMaxBatch(int newMaxBatch) {
      return new Options(clock, compactionInterval, retainedRevisions, newMaxBatch, maxCompactionStep,
          watchQueueCapacity, leaseCheckInterval, progressInterval);
    }

    public Options withMaxCompactionStep(long step) {
      return new Options(clock, compactionInterval, retainedRevisions, maxBatch, step, watchQueueCapacity,
          leaseCheckInterval, progressInterval);
    }

    public Options withWatchQueueCapacity(int capacity) {
      return new Options(clock, compactionInterval, retainedRevisions, maxBatch, maxCompactionStep, capacity,
          leaseCheckInterval, progressInterval);
    }

    public Options withLeaseCheckInterval(Duration interval) {
      return new Options(clock, compactionInterval, retainedRevisions, maxBatch, maxCompactionStep,
          watchQueueCapacity, interval, progressInterval);
    }

    public Options withProgressInterval(Duration interval) {
      return new Options(clock, compactionInterval, retainedRevisions, maxBatch, maxCompactionStep,
          watchQueueCapacity, leaseCheckInterval, interval);
    }

    private static void requireArgument(boolean ok, String message) {
      if (!ok) {
        throw new IllegalArgumentException("store: " + message);
      }
    }
  }

  private final Options options;
  private final Database db;
  private final KeyIndex index;
  private final LeaseTable leases;
  private final LogReader reader;
  private final WatchHub hub;
  private final GroupCommitWriter writer;
  private final ExecutorService completions;
  private final ExecutorService notifications;
  private final ScheduledExecutorService timers;
  private final Set<Long> expiring = ConcurrentHashMap.newKeySet();
  private volatile boolean closed;

  private SqliteStore(Options options, Database db, KeyIndex index, LeaseTable leases, long compactRevision,
                      long leaseSequence) throws SQLException {
    this.options = options;
    this.db = db;
    this.index = index;
    this.leases = leases;
    this.reader = new LogReader(db);
    this.hub = new WatchHub(index.revision());
    this.completions = Executors.newFixedThreadPool(2, daemonThreads("store-complete"));
    this.notifications = Executors.newFixedThreadPool(2, daemonThreads("store-watch"));
    this.writer = new GroupCommitWriter(new LogWriter(db.writer()), index, leases, hub, options.clock(),
        completions, options.maxBatch(), options.maxCompactionStep(), compactRevision, leaseSequence);
    this.timers = Executors.newSingleThreadScheduledExecutor(daemonThreads("store-timer"));
    long leaseMillis = options.leaseCheckInterval().toMillis();
    timers.scheduleWithFixedDelay(guarded("lease expiry", this::expireLeases), leaseMillis, leaseMillis,
        TimeUnit.MILLISECONDS);
    if (!options.compactionInterval().isZero()) {
      long millis = options.compactionInterval().toMillis();
      timers.scheduleWithFixedDelay(guarded("compaction", this::compactPeriodically), millis, millis,
          TimeUnit.MILLISECONDS);
    }
    if (!options.progressInterval().isZero()) {
      long millis = options.progressInterval().toMillis();
      timers.scheduleWithFixedDelay(guarded("progress", hub::progress), millis, millis, TimeUnit.MILLISECONDS);
    }
  }

  /**
   * Loads the SQLite driver and its native library on a daemon thread, so that a later {@link #open} finds them
   * ready instead of paying for them first: on a cold JVM that is a few hundred milliseconds of class loading,
   * {@code DriverManager}'s service scan and extracting and linking the library. Safe to call more than once and
   * alongside {@code open} (class initialisation is locked); a failure here is left for {@code open} to report.
   */
  public static void preloadDriverInBackground() {
    Thread thread = new Thread(() -> {
      try {
        Class.forName("org.sqlite.JDBC");
        DriverManager.getDrivers();
        SQLiteJDBCLoader.initialize();
      } catch (Exception | LinkageError e) {
        log.debug("store: preloading the SQLite driver failed ({}); open will load it", e.toString());
      }
    }, "sqlite-preload");
    thread.setDaemon(true);
    thread.start();
  }

  /** Opens (creating if needed) the store in {@code dir}/store.db and loads its latest state into memory. */
  public static SqliteStore open(Path dir, Options options) {
    long started = System.nanoTime();
    Database db = Database.open(dir, READER_CONNECTIONS);
    try {
      Connection c = db.writer();
      long revision = Database.readMeta(c, Meta.REVISION);
      long compactRevision = Database.readMeta(c, Meta.COMPACT_REVISION);
      long leaseSequence = Database.readMeta(c, Meta.LEASE_SEQUENCE);
      List<KeyValue> live = LogReader.loadLive(db, c);
      KeyIndex index = new KeyIndex(revision, live);
      LeaseTable leases = new LeaseTable();
      LogReader.loadLeases(c, live, leases);
      c.rollback(); // end the read transaction the loading ran in
      SqliteStore store = new SqliteStore(options, db, index, leases, compactRevision, leaseSequence);
      log.info("store: opened {} at revision {} with {} keys in {} ms", db, revision, index.size(),
          (System.nanoTime() - started) / 1_000_000);
      return store;
    } catch (SQLException | RuntimeException e) {
      db.close();
      throw e instanceof StoreException se ? se
          : new StoreException("store: cannot load " + db + ": " + e.getMessage(), e);
    }
  }

  public static SqliteStore open(Path dir) {
    return open(dir, Options.defaults());
  }

  @Override
  public long currentRevision() {
    return index.revision();
  }

  @Override
  public long compactRevision() {
    return writer.compactRevision();
  }

  @Override
  public RangeResult range(RangeRequest request) {
    requireOpen();
    RangeResult current = index.range(request);
    if (current != null) {
      return current;
    }
    long compacted = compactRevision();
    if (request.revision() < compacted) {
      throw new CompactedException(request.revision(), compacted);
    }
    return reader.rangeAt(request);
  }

  @Override
  public CompletableFuture<TxnResult> txn(Txn txn) {
    CompletableFuture<TxnResult> future = new CompletableFuture<>();
    return writer.submit(new WriteRequest.ApplyTxn(txn, future), future);
  }

  @Override
  public Watch watch(String prefix, long afterRevision, WatchListener listener) {
    requireOpen();
    long compacted = compactRevision();
    if (afterRevision < compacted) {
      throw new CompactedException(afterRevision, compacted);
    }
    KeyRange range = KeyRange.prefix(prefix);
    Watcher[] self = new Watcher[1];
    Watcher watcher = new Watcher(range, afterRevision, listener, notifications, options.watchQueueCapacity(),
        () -> hub.remove(self[0]));
    self[0] = watcher;
    hub.register(watcher);
    if (watcher.catchingUp()) {
      long upTo = watcher.liveFrom();
      try {
        notifications.execute(() -> watcher.catchUp(w ->
            reader.events(range, afterRevision, upTo, w::deliverHistory)));
      } catch (RejectedExecutionException e) {
        throw new StoreException("store: closed", e);
      }
    }
    return watcher;
  }

  @Override
  public CompletableFuture<Void> compact(long revision) {
    CompletableFuture<Void> future = new CompletableFuture<>();
    return writer.submit(new WriteRequest.Compact(revision, future), future);
  }

  @Override
  public CompletableFuture<Long> grantLease(long ttlSeconds) {
    CompletableFuture<Long> future = new CompletableFuture<>();
    return writer.submit(new WriteRequest.GrantLease(ttlSeconds, future), future);
  }

  @Override
  public CompletableFuture<Void> keepAlive(long leaseId) {
    CompletableFuture<Void> future = new CompletableFuture<>();
    return writer.submit(new WriteRequest.KeepAlive(leaseId, future), future);
  }

  @Override
  public CompletableFuture<Void> revokeLease(long leaseId) {
    CompletableFuture<Void> future = new CompletableFuture<>();
    return writer.submit(new WriteRequest.RevokeLease(leaseId, false, future), future);
  }

  /** Number of running watches (for metrics and tests). */
  public int watchCount() {
    return hub.size();
  }

  private void expireLeases() {
    long now = options.clock().millis();
    for (Lease lease : leases.all()) {
      if (lease.expiredAt(now) && expiring.add(lease.id())) {
        CompletableFuture<Void> future = new CompletableFuture<>();
        writer.submit(new WriteRequest.RevokeLease(lease.id(), true, future), future)
            .whenComplete((ok, error) -> expiring.remove(lease.id()));
      }
    }
  }

  private void compactPeriodically() {
    long target = currentRevision() - options.retainedRevisions();
    if (target > compactRevision()) {
      compact(target).whenComplete((ok, error) -> {
        if (error != null) {
          log.warn("store: periodic compaction to revision {} failed", target, error);
        } else {
          log.debug("store: compacted to revision {}", target);
        }
      });
    }
  }

  @Override
  public void close() {
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
    }
    timers.shutdownNow();
    writer.shutdown();
    hub.close(new StoreException("store: closed"));
    shutdownAndWait(notifications);
    shutdownAndWait(completions);
    db.close();
  }

  private void requireOpen() {
    if (closed) {
      throw new StoreException("store: closed");
    }
  }

  private static void shutdownAndWait(ExecutorService executor) {
    executor.shutdown();
    try {
      if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
        executor.shutdownNow();
      }
    } catch (InterruptedException e) {
      executor.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }

  private static Runnable guarded(String what, Runnable task) {
    return () -> {
      try {
        task.run();
      } catch (RuntimeException e) {
        log.warn("store: {} timer failed", what, e);
      }
    };
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
