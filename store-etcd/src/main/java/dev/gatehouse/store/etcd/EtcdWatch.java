package dev.gatehouse.store.etcd;

import dev.gatehouse.store.CompactedException;
import dev.gatehouse.store.StoreException;
import dev.gatehouse.store.Watch;
import dev.gatehouse.store.WatchEvent;
import dev.gatehouse.store.WatchListener;
import io.etcd.jetcd.watch.WatchResponse;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;

/**
 * One store watch over one etcd watch. etcd already delivers a watch's events in revision order, without
 * gaps, with prevKv; this class hands them to the listener on the store's own threads (never on jetcd's event
 * loop, which a slow listener would stall for every other call), one call at a time, and ends the watch when
 * the listener falls too far behind.
 *
 * <p>Any error from jetcd ends the watch. jetcd would otherwise resume by itself after a transient error,
 * but from the header revision of its creation response when no event had arrived yet, which can skip the
 * history still being replayed; a caller that re-watches from its last revision is always right.
 */
final class EtcdWatch implements Watch, io.etcd.jetcd.Watch.Listener {
  private sealed interface Item permits Events, Progress, End {}

  private record Events(List<WatchEvent> events) implements Item {}

  private record Progress(long revision) implements Item {}

  private record End(Throwable cause) implements Item {}

  private final Keys keys;
  private final long afterRevision;
  private final WatchListener listener;
  private final Executor executor;
  private final int capacity;
  private final Revisions revisions;
  private final Consumer<EtcdWatch> onEnd;
  private final ArrayDeque<Item> queue = new ArrayDeque<>();
  private io.etcd.jetcd.Watch.Watcher watcher;
  private int queuedEvents;
  private boolean scheduled;
  private boolean ended; // no further items are accepted
  private boolean ownerClosed; // nothing further is delivered

  EtcdWatch(Keys keys, long afterRevision, WatchListener listener, Executor executor, int capacity,
            Revisions revisions, Consumer<EtcdWatch> onEnd) {
    this.keys = keys;
    this.afterRevision = afterRevision;
    this.listener = listener;
    this.executor = executor;
    this.capacity = capacity;
    this.revisions = revisions;
    this.onEnd = onEnd;
  }

  /** Called once jetcd has registered the watch; a watch ended before that closes it at once. */
  void attach(io.etcd.jetcd.Watch.Watcher etcdWatcher) {
    boolean alreadyEnded;
    synchronized (this) {
      watcher = etcdWatcher;
      alreadyEnded = ended;
    }
    if (alreadyEnded) {
      etcdWatcher.close();
    }
  }

  @Override
  public void onNext(WatchResponse response) {
    revisions.seen(response.getHeader().getRevision());
    if (response.getEvents().isEmpty()) {
      enqueue(new Progress(response.getHeader().getRevision()));
      return;
    }
    List<WatchEvent> events = new ArrayList<>(response.getEvents().size());
    try {
      for (io.etcd.jetcd.watch.WatchEvent e : response.getEvents()) {
        events.add(Kvs.event(keys, e));
      }
    } catch (RuntimeException e) {
      end(new StoreException("store: cannot read an etcd watch event: " + e.getMessage(), e));
      return;
    }
    enqueue(new Events(events));
  }

  @Override
  public void onError(Throwable error) {
    Throwable cause = error;
    if (error instanceof io.etcd.jetcd.common.exception.CompactedException c) {
      revisions.compactedAt(c.getCompactedRevision());
      cause = new CompactedException(afterRevision, c.getCompactedRevision());
    } else {
      cause = EtcdErrors.generic("watch", error);
    }
    end(cause);
  }

  @Override
  public void onCompleted() {
    end(new StoreException("store: etcd ended the watch"));
  }

  /** Ends the watch from the store's side: queued events are still delivered, then {@code onClosed(cause)}. */
  void end(Throwable cause) {
    io.etcd.jetcd.Watch.Watcher toClose;
    synchronized (this) {
      if (ended) {
        return;
      }
      ended = true;
      queue.add(new End(cause));
      toClose = watcher;
      schedule();
    }
    if (toClose != null) {
      toClose.close(); // jetcd answers with onCompleted, which finds the watch ended
    }
  }

  @Override
  public void close() {
    io.etcd.jetcd.Watch.Watcher toClose;
    synchronized (this) {
      ownerClosed = true;
      queue.clear();
      if (ended) {
        return;
      }
      ended = true;
      toClose = watcher;
    }
    if (toClose != null) {
      toClose.close();
    }
    onEnd.accept(this);
  }

  private void enqueue(Item item) {
    io.etcd.jetcd.Watch.Watcher toClose = null;
    synchronized (this) {
      if (ended) {
        return;
      }
      if (item instanceof Events e) {
        if (queuedEvents + e.events().size() > capacity) {
          queue.clear();
          queuedEvents = 0;
          ended = true;
          item = new End(new StoreException("store: watch closed: listener fell more than " + capacity
              + " events behind"));
          toClose = watcher;
        } else {
          queuedEvents += e.events().size();
        }
      }
      queue.add(item);
      schedule();
    }
    if (toClose != null) {
      toClose.close();
    }
  }

  /** Caller holds the lock. */
  private void schedule() {
    if (scheduled) {
      return;
    }
    scheduled = true;
    try {
      executor.execute(this::drain);
    } catch (RejectedExecutionException e) {
      // Only after the store's close(), which ends every watch before stopping the executor: nothing is lost.
      scheduled = false;
    }
  }

  private void drain() {
    while (true) {
      Item item;
      synchronized (this) {
        item = ownerClosed ? null : queue.poll();
        if (item == null) {
          scheduled = false;
          return;
        }
        if (item instanceof Events e) {
          queuedEvents -= e.events().size();
        }
      }
      if (!deliver(item)) {
        return;
      }
    }
  }

  /** Hands one item to the listener; false once the watch is over. */
  private boolean deliver(Item item) {
    try {
      if (item instanceof Events e) {
        listener.onEvents(e.events());
      } else if (item instanceof Progress p) {
        listener.onProgress(p.revision());
      } else {
        finish(((End) item).cause());
        return false;
      }
      return true;
    } catch (RuntimeException failure) {
      // A listener that throws ends only its own watch, and hears why.
      io.etcd.jetcd.Watch.Watcher toClose;
      synchronized (this) {
        queue.clear();
        queuedEvents = 0;
        ended = true;
        toClose = watcher;
      }
      if (toClose != null) {
        toClose.close();
      }
      finish(failure);
      return false;
    }
  }

  private void finish(Throwable cause) {
    synchronized (this) {
      queue.clear();
      scheduled = false;
      ownerClosed = true;
    }
    try {
      listener.onClosed(cause);
    } finally {
      onEnd.accept(this);
    }
  }
}
