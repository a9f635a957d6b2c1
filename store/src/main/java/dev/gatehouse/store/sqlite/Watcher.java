package dev.gatehouse.store.sqlite;

import dev.gatehouse.store.StoreException;
import dev.gatehouse.store.Watch;
import dev.gatehouse.store.WatchEvent;
import dev.gatehouse.store.WatchListener;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;

/**
 * One watch: a bounded queue of events between the dispatcher and the listener, drained on the notification
 * executor by at most one task at a time, so listener calls never overlap.
 *
 * <p>Life cycle: while catching up, a task streams the history (after, liveFrom] straight from the log to the
 * listener and live events (&gt; liveFrom) pile up in the queue; then the queue is drained. Either the owner
 * closes it (silently) or the store does (once, with {@link WatchListener#onClosed}).
 */
final class Watcher implements Watch {
  private static final int MAX_EVENTS_PER_CALL = 1024;
  /** Chunks one drain task delivers before yielding its thread to other watches. */
  private static final int MAX_CALLS_PER_TASK = 8;

  final KeyRange range;
  private final WatchListener listener;
  private final Executor executor;
  private final int capacity;
  private final Runnable unregister;

  // All guarded by this.
  private final ArrayDeque<WatchEvent> queue = new ArrayDeque<>();
  private long liveFrom;
  private boolean catchingUp;
  /** Highest revision queued, delivered or reported by progress: nothing at or below it is sent again. */
  private long sentUpTo;
  private long pendingProgress;
  private Throwable closeCause;
  private boolean scheduled;
  private boolean finished;

  Watcher(KeyRange range, long afterRevision, WatchListener listener, Executor executor, int capacity,
          Runnable unregister) {
    this.range = range;
    this.listener = listener;
    this.executor = executor;
    this.capacity = capacity;
    this.unregister = unregister;
    this.sentUpTo = afterRevision;
  }

  /** Called by the hub under its lock at registration: live events are those after {@code dispatched}. */
  synchronized void registered(long dispatched) {
    liveFrom = Math.max(sentUpTo, dispatched);
    catchingUp = dispatched > sentUpTo;
  }

  synchronized boolean catchingUp() {
    return catchingUp;
  }

  /** Live events of this watch's range, ascending; called by the dispatcher thread. */
  void offer(List<WatchEvent> events) {
    synchronized (this) {
      if (finished || closeCause != null) {
        return;
      }
      int first = 0;
      while (first < events.size() && events.get(first).revision() <= liveFrom) {
        first++;
      }
      int count = events.size() - first;
      if (count == 0) {
        return;
      }
      if (queue.size() + count > capacity) {
        queue.clear();
        closeCause = new StoreException("store: watch closed: listener fell more than " + capacity
            + " events behind");
      } else {
        queue.addAll(events.subList(first, events.size()));
        sentUpTo = events.get(events.size() - 1).revision();
      }
      if (catchingUp || scheduled) {
        return;
      }
      scheduled = true;
    }
    schedule();
  }

  /** The store reached {@code revision}: tell an idle listener, so it can resume from there later. */
  void offerProgress(long revision) {
    synchronized (this) {
      if (finished || closeCause != null || catchingUp || revision <= sentUpTo || !queue.isEmpty()) {
        return;
      }
      pendingProgress = revision;
      sentUpTo = revision;
      if (scheduled) {
        return;
      }
      scheduled = true;
    }
    schedule();
  }

  /** The store ends this watch; the listener hears it after any call in progress. */
  void closeFromStore(Throwable cause) {
    synchronized (this) {
      if (finished || closeCause != null) {
        return;
      }
      queue.clear();
      closeCause = cause;
      if (catchingUp || scheduled) {
        return; // the catch-up or drain task in flight delivers the close
      }
      scheduled = true;
    }
    schedule();
  }

  @Override
  public void close() {
    synchronized (this) {
      finished = true;
      queue.clear();
    }
    unregister.run();
  }

  /** Runs the catch-up: {@code history} streams (after, liveFrom] into {@link #deliverHistory}. */
  void catchUp(Consumer<Watcher> history) {
    try {
      history.accept(this);
    } catch (RuntimeException e) {
      synchronized (this) {
        if (!finished && closeCause == null) {
          queue.clear();
          closeCause = e;
        }
      }
    }
    synchronized (this) {
      catchingUp = false;
      if (scheduled || (queue.isEmpty() && closeCause == null) || finished) {
        return;
      }
      scheduled = true;
    }
    drain();
  }

  synchronized long liveFrom() {
    return liveFrom;
  }

  /** One chunk of history; returns false when the watch ended and the history read should stop. */
  boolean deliverHistory(List<WatchEvent> events) {
    synchronized (this) {
      if (finished || closeCause != null) {
        return false;
      }
    }
    return call(() -> listener.onEvents(events));
  }

  private void drain() {
    for (int calls = 0; calls < MAX_CALLS_PER_TASK; calls++) {
      List<WatchEvent> events;
      long progress = 0;
      Throwable cause = null;
      synchronized (this) {
        if (finished) {
          scheduled = false;
          return;
        }
        if (closeCause != null) {
          finished = true;
          scheduled = false;
          cause = closeCause;
          events = null;
        } else if (queue.isEmpty() && pendingProgress == 0) {
          scheduled = false;
          return;
        } else {
          int n = Math.min(queue.size(), MAX_EVENTS_PER_CALL);
          events = new ArrayList<>(n);
          for (int i = 0; i < n; i++) {
            events.add(queue.poll());
          }
          if (queue.isEmpty()) {
            progress = pendingProgress;
            pendingProgress = 0;
          }
        }
      }
      if (cause != null) {
        unregister.run();
        try {
          listener.onClosed(cause);
        } catch (RuntimeException ignored) {
          // the watch is over either way
        }
        return;
      }
      if (!events.isEmpty() && !call(() -> listener.onEvents(events))) {
        continue; // the listener threw: the next round delivers the close
      }
      long reported = progress;
      if (reported != 0 && (events.isEmpty() || events.get(events.size() - 1).revision() < reported)) {
        call(() -> listener.onProgress(reported));
      }
    }
    schedule(); // still scheduled: yield the thread, then carry on
  }

  private void schedule() {
    try {
      executor.execute(this::drain);
    } catch (RejectedExecutionException e) {
      drain(); // the store is shutting down: deliver the close on this thread rather than never
    }
  }

  /** Calls the listener; a listener that throws ends its watch with that exception. */
  private boolean call(Runnable delivery) {
    try {
      delivery.run();
      return true;
    } catch (RuntimeException e) {
      synchronized (this) {
        if (!finished && closeCause == null) {
          queue.clear();
          closeCause = e;
        }
      }
      return false;
    }
  }
}
