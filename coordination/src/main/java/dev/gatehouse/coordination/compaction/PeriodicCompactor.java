package dev.gatehouse.coordination.compaction;

import dev.gatehouse.coordination.singleton.SingletonTask;
import dev.gatehouse.store.Store;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Discards old store history, as kube-apiserver's compactor does for etcd: every {@code interval} it compacts
 * at the revision it recorded at the previous tick, so at least one interval of history is always kept for
 * watches that resume from an older revision. The first tick of a run only records (a newly elected leader
 * does not know what the previous one recorded). A failed compaction is logged; the next tick compacts at a
 * later revision, which covers it.
 *
 * <p>Meant to run on the leader only, through {@link dev.gatehouse.coordination.singleton.Singletons}. The
 * embedded SQLite engine compacts itself ({@code SqliteStore.Options.compactionInterval}); this task is for
 * stores that do not, such as etcd run without {@code --auto-compaction-retention}.
 */
public final class PeriodicCompactor implements SingletonTask {
  public static final Duration DEFAULT_INTERVAL = Duration.ofMinutes(5);

  private static final Logger log = LoggerFactory.getLogger(PeriodicCompactor.class);

  private final Store store;
  private final Duration interval;
  private final ScheduledExecutorService scheduler;

  /** Compacts every {@link #DEFAULT_INTERVAL} on a timer thread of its own while running. */
  public PeriodicCompactor(Store store) {
    this(store, DEFAULT_INTERVAL, null);
  }

  /**
   * @param scheduler runs the ticks (each tick waits for its compaction, at most one interval); null: a
   *                  daemon thread of its own for each run. A given scheduler is not shut down by this task.
   */
  public PeriodicCompactor(Store store, Duration interval, ScheduledExecutorService scheduler) {
    this.store = Objects.requireNonNull(store, "store");
    this.interval = Objects.requireNonNull(interval, "interval");
    if (interval.isNegative() || interval.isZero()) {
      throw new IllegalArgumentException("compaction interval must be positive, got " + interval);
    }
    this.scheduler = scheduler;
  }

  @Override
  public String name() {
    return "store-compaction";
  }

  /** Schedules the ticks, the first one {@code interval} from now; closing the handle cancels them. */
  @Override
  public AutoCloseable start() {
    ScheduledExecutorService timer = scheduler != null ? scheduler : Executors.newSingleThreadScheduledExecutor(r -> {
      Thread thread = new Thread(r, "store-compaction");
      thread.setDaemon(true);
      return thread;
    });
    Run run = new Run();
    long millis = interval.toMillis();
    ScheduledFuture<?> ticks = timer.scheduleWithFixedDelay(run::tick, millis, millis, TimeUnit.MILLISECONDS);
    log.info("compaction: every {}, keeping at least one interval of history", interval);
    return () -> {
      ticks.cancel(false);
      run.stop();
      if (scheduler == null) {
        timer.shutdown();
      }
    };
  }

  /** The state of one run: what the previous tick recorded, and a compaction that may still be running. */
  private final class Run {
    private final CompletableFuture<Void> stopped = new CompletableFuture<>();
    private long recorded;
    private CompletableFuture<Void> inFlight = CompletableFuture.completedFuture(null);

    /** Ends the run; once it returns no tick is running or will run (a started compaction may finish). */
    void stop() {
      stopped.complete(null);
      synchronized (this) {
        log.info("compaction: stopped");
      }
    }

    synchronized void tick() {
      if (stopped.isDone()) {
        return;
      }
      try {
        long target = recorded;
        recorded = store.currentRevision();
        if (!inFlight.isDone()) {
          log.warn("compaction: the one started a tick ago is still running; skipping this tick");
          return;
        }
        if (target == 0 || target <= store.compactRevision()) {
          return; // first tick of the run, or nothing new to discard
        }
        inFlight = store.compact(target);
        await(target);
      } catch (RuntimeException e) { // keep ticking: a throwing tick would cancel the schedule
        log.warn("compaction: tick failed: {}", e.toString());
      }
    }

    private void await(long target) {
      try {
        CompletableFuture.anyOf(inFlight, stopped).get(interval.toMillis(), TimeUnit.MILLISECONDS);
        if (!inFlight.isDone()) {
          return; // stopped while waiting
        }
        inFlight.get();
        log.info("compaction: compacted history up to revision {}", target);
      } catch (ExecutionException e) {
        log.warn("compaction at revision {} failed; the next tick tries again: {}", target,
            e.getCause() == null ? e.toString() : e.getCause().getMessage());
      } catch (TimeoutException e) {
        log.warn("compaction at revision {} still running after {}", target, interval);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
