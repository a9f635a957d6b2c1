package dev.gatehouse.store.etcd;

import dev.gatehouse.store.CompactedException;
import dev.gatehouse.store.StoreException;
import dev.gatehouse.store.Watch;
import dev.gatehouse.store.WatchEvent;
import dev.gatehouse.store.WatchListener;
import io.etcd.jetcd.watch.WatchResponse;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One store watch, carried by a succession of etcd watch streams. etcd delivers a stream's events in revision
 * order, without gaps, with prevKv; this class hands them to the listener on the store's own threads (never on
 * jetcd's event loop, which a slow listener would stall for every other call), one call at a time, and ends
 * the watch when the listener falls too far behind.
 *
 * <p>When a stream breaks for a reason that says nothing about the watch itself (the member it ran on died or
 * lost its leader, the connection dropped, or the stream just ended; see {@link EtcdErrors#isTransient}), the watch
 * opens a new stream from the last revision it has received + 1, on whichever member answers, and drops any
 * event at or below that revision, so the listener sees neither a gap nor a duplicate. jetcd would resume by
 * itself, but from the header revision of its creation response when no event had arrived yet, which can skip
 * history still being replayed; so its own resumption is stopped by closing the broken watcher. If no stream
 * is confirmed by etcd within {@code resumeWithin} (the store's request timeout) the watch ends with a
 * {@link StoreException}; if etcd has compacted the history the watch must resume from, it ends with
 * {@link CompactedException}, as any other error etcd names does.
 */
final class EtcdWatch implements Watch {
  private static final Logger log = LoggerFactory.getLogger(EtcdWatch.class);
  private static final long FIRST_RETRY_MILLIS = 100;
  private static final long MAX_RETRY_MILLIS = 1000;

  /** Opens one etcd watch stream delivering every change after {@code afterRevision} to {@code listener}. */
  @FunctionalInterface
  interface Streams {
    io.etcd.jetcd.Watch.Watcher open(long afterRevision, io.etcd.jetcd.Watch.Listener listener);
  }

  private sealed interface Item permits Events, Progress, End {}

  private record Events(List<WatchEvent> events) implements Item {}

  private record Progress(long revision) implements Item {}

  private record End(Throwable cause) implements Item {}

  private final Keys keys;
  private final WatchListener listener;
  private final Executor executor;
  private final int capacity;
  private final Revisions revisions;
  private final Consumer<EtcdWatch> onEnd;
  private final Streams streams;
  private final ScheduledExecutorService timers;
  private final Duration resumeWithin;
  private final ArrayDeque<Item> queue = new ArrayDeque<>();
  private Stream current; // the stream whose callbacks count; null while between streams
  private long lastRevision; // every change up to here has been queued for the listener
  private long troubleSince; // System.nanoTime() when the running stream broke; 0 while one runs
  private int retries;
  private int queuedEvents;
  private boolean scheduled;
  private boolean ended; // no further items are accepted
  private boolean ownerClosed; // nothing further is delivered

  EtcdWatch(Keys keys, long afterRevision, WatchListener listener, Executor executor, int capacity,
            Revisions revisions, Consumer<EtcdWatch> onEnd, Streams streams, ScheduledExecutorService timers,
            Duration resumeWithin) {
    this.keys = keys;
    this.lastRevision = afterRevision;
    this.listener = listener;
    this.executor = executor;
    this.capacity = capacity;
    this.revisions = revisions;
    this.onEnd = onEnd;
    this.streams = streams;
    this.timers = timers;
    this.resumeWithin = resumeWithin;
  }

  /**
   * Opens the first stream; a failure to even ask jetcd for it is thrown, not delivered. Like every later
   * stream, it must be confirmed by etcd within {@code resumeWithin}, or the watch ends.
   */
  void start() {
    Stream stream;
    long from;
    synchronized (this) {
      stream = new Stream();
      current = stream;
      from = lastRevision;
      troubleSince = System.nanoTime();
      scheduleDeadline(troubleSince);
    }
    stream.attach(streams.open(from, stream));
  }

  /**
   * One etcd watch stream. Its callbacks act only while it is the watch's current stream: once it has been
   * replaced or the watch has ended, whatever jetcd still reports through it is stale and ignored.
   */
  private final class Stream implements io.etcd.jetcd.Watch.Listener {
    private io.etcd.jetcd.Watch.Watcher watcher; // guarded by EtcdWatch.this

    /** Called once jetcd has registered the stream; one already replaced or ended is closed at once. */
    void attach(io.etcd.jetcd.Watch.Watcher etcdWatcher) {
      boolean stale;
      synchronized (EtcdWatch.this) {
        watcher = etcdWatcher;
        stale = current != this;
      }
      if (stale) {
        etcdWatcher.close();
      }
    }

    @Override
    public void onNext(WatchResponse response) {
      revisions.seen(response.getHeader().getRevision());
      if (response.isCreatedNotify()) {
        // Only says the stream is open; its header revision is etcd's current one, not how far it has sent.
        healthy(this);
        return;
      }
      if (response.getEvents().isEmpty()) {
        progress(this, response.getHeader().getRevision());
        return;
      }
      List<WatchEvent> events = new ArrayList<>(response.getEvents().size());
      try {
        for (io.etcd.jetcd.watch.WatchEvent e : response.getEvents()) {
          events.add(Kvs.event(keys, e));
        }
      } catch (RuntimeException e) {
        endFrom(this, new StoreException("store: cannot read an etcd watch event: " + e.getMessage(), e));
        return;
      }
      events(this, events);
    }

    @Override
    public void onError(Throwable error) {
      if (error instanceof io.etcd.jetcd.common.exception.CompactedException c) {
        revisions.compactedAt(c.getCompactedRevision());
        long from;
        synchronized (EtcdWatch.this) {
          from = lastRevision;
        }
        endFrom(this, new CompactedException(from, c.getCompactedRevision()));
      } else if (EtcdErrors.isTransient(error)) {
        resumeLater(this, error);
      } else {
        endFrom(this, EtcdErrors.generic("watch", error));
      }
    }

    @Override
    public void onCompleted() {
      // jetcd reports here when the stream ended without an error, and after it closes a watcher itself (by
      // then this stream is stale and the call is ignored).
      resumeLater(this, new StoreException("etcd ended the watch stream"));
    }
  }

  private synchronized void healthy(Stream stream) {
    if (stream == current) {
      troubleSince = 0;
      retries = 0;
    }
  }

  private void progress(Stream stream, long revision) {
    synchronized (this) {
      if (stream != current || ended) {
        return;
      }
      troubleSince = 0;
      retries = 0;
      // etcd sends progress only to a watcher that has caught up, so everything up to here has been sent.
      if (revision <= lastRevision) {
        return;
      }
      lastRevision = revision;
      enqueue(new Progress(revision)); // progress never overflows the queue
    }
  }

  private void events(Stream stream, List<WatchEvent> events) {
    io.etcd.jetcd.Watch.Watcher toClose;
    synchronized (this) {
      if (stream != current || ended) {
        return;
      }
      troubleSince = 0;
      retries = 0;
      // A new stream starts at lastRevision + 1; this only guards against etcd resending a revision. etcd
      // never splits one revision's events across responses, so a revision is either wholly new or not.
      long seenUpTo = lastRevision;
      List<WatchEvent> fresh = events.get(0).revision() > seenUpTo ? events
          : events.stream().filter(e -> e.revision() > seenUpTo).toList();
      if (fresh.isEmpty()) {
        return;
      }
      lastRevision = fresh.get(fresh.size() - 1).revision();
      toClose = enqueue(new Events(fresh));
    }
    if (toClose != null) {
      toClose.close();
    }
  }

  /** Replaces a broken stream: closes it (so jetcd does not resume it on its own) and opens the next one soon. */
  private void resumeLater(Stream broken, Throwable cause) {
    io.etcd.jetcd.Watch.Watcher toClose;
    long delay;
    boolean giveUp = false;
    synchronized (this) {
      if (broken != current || ended) {
        return;
      }
      current = null;
      toClose = broken.watcher;
      long now = System.nanoTime();
      if (troubleSince == 0) {
        troubleSince = now;
        scheduleDeadline(now);
      }
      giveUp = now - troubleSince >= resumeWithin.toNanos();
      delay = Math.min(MAX_RETRY_MILLIS, FIRST_RETRY_MILLIS << Math.min(retries++, 10));
    }
    if (toClose != null) {
      toClose.close();
    }
    if (giveUp) {
      end(resumeFailure(cause));
      return;
    }
    log.debug("etcd store: watch stream broke ({}); resuming after revision {} in {} ms", cause.getMessage(),
        lastRevisionForLog(), delay);
    try {
      timers.schedule(this::resume, delay, TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException closing) {
      end(new StoreException("store: closed"));
    }
  }

  /**
   * Ends the watch if it is still between streams, or on a stream etcd has not confirmed, {@code resumeWithin}
   * after trouble began: jetcd waits for a reachable member without limit, so a new stream may never answer.
   */
  private void scheduleDeadline(long since) {
    try {
      timers.schedule(() -> {
        synchronized (this) {
          if (ended || troubleSince != since) {
            return;
          }
        }
        end(resumeFailure(new StoreException("no etcd member confirmed a watch stream")));
      }, resumeWithin.toMillis(), TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException closing) {
      // the store is closing and ends every watch itself
    }
  }

  private void resume() {
    Stream stream;
    long from;
    synchronized (this) {
      if (ended || current != null) {
        return;
      }
      stream = new Stream();
      current = stream;
      from = lastRevision;
    }
    try {
      stream.attach(streams.open(from, stream));
    } catch (RuntimeException e) {
      // jetcd refuses new watches only once its client is closed: nothing to resume on.
      end(resumeFailure(e));
    }
  }

  private StoreException resumeFailure(Throwable cause) {
    return new StoreException("etcd: watch ended: no etcd member served its stream within "
        + resumeWithin.toMillis() + " ms; last error: " + EtcdErrors.unwrap(cause).getMessage(), cause);
  }

  private synchronized long lastRevisionForLog() {
    return lastRevision;
  }

  /** Ends the watch because of what {@code stream} reported, unless the stream is stale by now. */
  private void endFrom(Stream stream, Throwable cause) {
    synchronized (this) {
      if (stream != current) {
        return;
      }
    }
    end(cause);
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
      toClose = detach();
      schedule();
    }
    if (toClose != null) {
      toClose.close(); // jetcd answers with onCompleted, which finds the stream stale
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
      toClose = detach();
    }
    if (toClose != null) {
      toClose.close();
    }
    onEnd.accept(this);
  }

  /** Caller holds the lock: makes the running stream stale and returns its watcher for closing (outside the lock). */
  private io.etcd.jetcd.Watch.Watcher detach() {
    Stream stream = current;
    current = null;
    return stream == null ? null : stream.watcher;
  }

  /**
   * Caller holds the lock. Returns the watcher to close (outside the lock: closing calls back into jetcd) when
   * the listener has fallen too far behind and the watch ends.
   */
  private io.etcd.jetcd.Watch.Watcher enqueue(Item item) {
    io.etcd.jetcd.Watch.Watcher toClose = null;
    if (item instanceof Events e) {
      if (queuedEvents + e.events().size() > capacity) {
        queue.clear();
        queuedEvents = 0;
        ended = true;
        item = new End(new StoreException("store: watch closed: listener fell more than " + capacity
            + " events behind"));
        toClose = detach();
      } else {
        queuedEvents += e.events().size();
      }
    }
    queue.add(item);
    schedule();
    return toClose;
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
        toClose = detach();
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
    onEnd.accept(this); // first, so that whoever hears onClosed no longer counts this watch as running
    listener.onClosed(cause);
  }
}
