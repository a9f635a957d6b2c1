package dev.gatehouse.store.etcd;

import io.etcd.jetcd.KV;
import io.etcd.jetcd.Watch;
import io.etcd.jetcd.options.GetOption;
import io.etcd.jetcd.options.WatchOption;
import io.etcd.jetcd.watch.WatchResponse;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What this process knows of etcd's revisions, kept so that {@code currentRevision()} and
 * {@code compactRevision()} cost a memory read instead of a round trip.
 *
 * <p>The current revision is the highest revision seen in any response header, raised further by a
 * background watch on the store's whole key range (its key prefix, or all of etcd without one) so that
 * writes made by other Gatehouse replicas show up without this one reading. It can lag etcd only by writes
 * outside the key prefix, which no watch or read of this store can observe anyway.
 *
 * <p>etcd 3.4 has no call that returns the compacted revision, so it is learnt: from this process's own
 * compactions, from watches that etcd cancels for compaction (which name it), and by {@link #probeCompacted}:
 * a binary search for the oldest readable revision (a read at revision r fails exactly when r is below it),
 * run at open and whenever etcd refuses a read that the known value would have allowed.
 */
final class Revisions {
  private static final Logger log = LoggerFactory.getLogger(Revisions.class);

  private final AtomicLong current = new AtomicLong();
  private final AtomicLong compacted = new AtomicLong();

  long current() {
    return current.get();
  }

  long compacted() {
    return compacted.get();
  }

  void seen(long revision) {
    current.accumulateAndGet(revision, Math::max);
  }

  void compactedAt(long revision) {
    compacted.accumulateAndGet(revision, Math::max);
  }

  /**
   * Finds etcd's compacted revision, knowing it is at least {@code atLeast}, and records it. Reads use the
   * serializable path: the answer only has to be as fresh as the caller's own failed read.
   */
  long probeCompacted(KV kv, Keys keys, long atLeast, Duration timeout) {
    long low = Math.max(1, Math.max(atLeast, compacted()));
    long high = Math.max(low, current());
    if (readable(kv, keys, low, timeout)) {
      long found = low == 1 && compacted() == 0 && atLeast <= 1 ? 0 : low;
      compactedAt(found);
      return compacted();
    }
    // readable(low) is false and readable(high) true: etcd never compacts past its current revision.
    while (high - low > 1) {
      long middle = low + (high - low) / 2;
      if (readable(kv, keys, middle, timeout)) {
        high = middle;
      } else {
        low = middle;
      }
    }
    compactedAt(high);
    return compacted();
  }

  private boolean readable(KV kv, Keys keys, long revision, Duration timeout) {
    GetOption option = GetOption.builder().withRevision(revision).withCountOnly(true).withSerializable(true).build();
    try {
      seen(kv.get(keys.probeKey(), option).get(timeout.toMillis(), TimeUnit.MILLISECONDS).getHeader().getRevision());
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw EtcdErrors.generic("reading revision " + revision, e);
    } catch (Exception e) {
      if (EtcdErrors.classify(e) == EtcdErrors.Kind.COMPACTED) {
        return false;
      }
      throw EtcdErrors.generic("reading revision " + revision, e);
    }
  }

  /** Follows every change under {@code keys}' prefix to keep {@link #current()} fresh; ends with {@code timers}. */
  void follow(Watch watchClient, Keys keys, ScheduledExecutorService timers) {
    Keys.Span all = keys.prefix("");
    WatchOption option = WatchOption.builder().withRange(all.endKey()).withRevision(current() + 1)
        .withProgressNotify(true).withCreateNotify(true).build();
    watchClient.watch(all.startKey(), option, new Watch.Listener() {
      @Override
      public void onNext(WatchResponse response) {
        seen(response.getHeader().getRevision());
        response.getEvents().forEach(e -> seen(e.getKeyValue().getModRevision()));
      }

      @Override
      public void onError(Throwable error) {
        // jetcd resumes this watch by itself after transient errors; a gap there would not matter here.
        if (error instanceof io.etcd.jetcd.common.exception.CompactedException c) {
          compactedAt(c.getCompactedRevision());
        }
      }

      @Override
      public void onCompleted() {
        // jetcd gave up (compaction, halt error) or the store closed; start over from what is known now.
        if (!timers.isShutdown()) {
          log.debug("etcd store: revision watch ended; restarting it");
          try {
            timers.schedule(() -> follow(watchClient, keys, timers), 1, TimeUnit.SECONDS);
          } catch (java.util.concurrent.RejectedExecutionException closing) {
            // the store is closing
          }
        }
      }
    });
  }
}
