package dev.gatehouse.store.sqlite;

import dev.gatehouse.store.WatchEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fans committed events out to watches. The writer hands each durable batch over with {@link #publish} and
 * goes on; a dispatcher thread files the events into the matching watches' queues.
 *
 * <p>The hand-over from history to live events hinges on one lock: a watch is registered under it together
 * with reading {@code dispatched}, the last revision filed into queues. Every revision at or below that
 * is durable in the log (batches are published after their commit) and every later one will be filed into
 * the new watch's queue, so history (after, dispatched] plus the queue is gap-free and duplicate-free.
 */
final class WatchHub {
  private static final Logger log = LoggerFactory.getLogger(WatchHub.class);

  private record Published(List<WatchEvent> events, long revision) {}

  private static final Published STOP = new Published(List.of(), -1);

  private final Object lock = new Object();
  /** Watches grouped by range, so events are filtered once per distinct range rather than once per watch. */
  private final Map<KeyRange, List<Watcher>> byRange = new HashMap<>();
  private long dispatched;
  private Throwable closedWith; // guarded by lock
  private final BlockingQueue<Published> published = new LinkedBlockingQueue<>();
  private final Thread dispatcher;

  WatchHub(long revision) {
    this.dispatched = revision;
    this.dispatcher = new Thread(this::run, "store-watch-dispatch");
    dispatcher.setDaemon(true);
    dispatcher.start();
  }

  /** From the writer thread, after the batch is durable and visible to reads. */
  void publish(List<WatchEvent> events, long revision) {
    published.add(new Published(events, revision));
  }

  /** Registers {@code watcher}; its live events are those after the revision dispatched so far. */
  void register(Watcher watcher) {
    Throwable refused;
    synchronized (lock) {
      watcher.registered(dispatched);
      refused = closedWith;
      if (refused == null) {
        byRange.computeIfAbsent(watcher.range, r -> new ArrayList<>()).add(watcher);
        return;
      }
    }
    watcher.closeFromStore(refused); // raced with close(): end it like the others
  }

  void remove(Watcher watcher) {
    synchronized (lock) {
      List<Watcher> group = byRange.get(watcher.range);
      if (group != null && group.remove(watcher) && group.isEmpty()) {
        byRange.remove(watcher.range);
      }
    }
  }

  int size() {
    synchronized (lock) {
      return byRange.values().stream().mapToInt(List::size).sum();
    }
  }

  /** Tells idle watches the store has moved on (progress notifications). */
  void progress() {
    synchronized (lock) {
      for (List<Watcher> group : byRange.values()) {
        for (Watcher w : group) {
          w.offerProgress(dispatched);
        }
      }
    }
  }

  /** Ends every watch with {@code cause} and stops the dispatcher once what was published is filed. */
  void close(Throwable cause) {
    published.add(STOP);
    try {
      dispatcher.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    List<Watcher> all = new ArrayList<>();
    synchronized (lock) {
      closedWith = cause;
      byRange.values().forEach(all::addAll);
      byRange.clear();
    }
    all.forEach(w -> w.closeFromStore(cause));
  }

  private void run() {
    while (true) {
      Published p;
      try {
        p = published.take();
      } catch (InterruptedException e) {
        return;
      }
      if (p == STOP) {
        return;
      }
      try {
        dispatch(p);
      } catch (RuntimeException e) {
        log.error("store: watch dispatch failed at revision {}", p.revision(), e);
      }
    }
  }

  private void dispatch(Published p) {
    synchronized (lock) {
      for (Map.Entry<KeyRange, List<Watcher>> group : byRange.entrySet()) {
        List<WatchEvent> matching = matching(p.events(), group.getKey());
        if (matching.isEmpty()) {
          continue;
        }
        for (Watcher w : group.getValue()) {
          w.offer(matching);
        }
      }
      dispatched = p.revision();
    }
  }

  private static List<WatchEvent> matching(List<WatchEvent> events, KeyRange range) {
    if (range.from().isEmpty() && range.to() == null) {
      return events;
    }
    List<WatchEvent> matching = new ArrayList<>();
    for (WatchEvent e : events) {
      if (range.contains(e.kv().key())) {
        matching.add(e);
      }
    }
    return matching;
  }
}
