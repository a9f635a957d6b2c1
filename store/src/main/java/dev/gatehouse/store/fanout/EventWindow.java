package dev.gatehouse.store.fanout;

import dev.gatehouse.store.Watch;
import dev.gatehouse.store.WatchEvent;
import dev.gatehouse.store.WatchListener;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * The recent events of the shared stream and the watchers fed from it. Every event with a revision above
 * {@code floor} is held, so a watcher starting anywhere at or above the floor misses nothing.
 *
 * <p>A new watcher is "catching up" until the replay thread has delivered its history and whatever arrived
 * meanwhile; only then does the stream's thread deliver to it directly. So calls to one listener never overlap
 * and arrive in revision order.
 */
final class EventWindow {
  private final int capacity;
  private final ArrayDeque<WatchEvent> events = new ArrayDeque<>();
  private final List<Subscription> subscribers = new ArrayList<>();
  private long floor;
  private Throwable ended;

  EventWindow(long startRevision, int capacity) {
    this.floor = startRevision;
    this.capacity = capacity;
  }

  /** A watcher served from this window, or null when {@code after} is below it or the stream has ended. */
  synchronized Subscription subscribe(String prefix, long after, WatchListener listener) {
    if (ended != null || after < floor) {
      return null;
    }
    Subscription s = new Subscription(prefix, after, listener);
    s.backlog.addAll(SharedWatchStore.matching(List.copyOf(events), prefix, after));
    subscribers.add(s);
    return s;
  }

  /** Called by the shared stream, one call at a time. */
  void publish(List<WatchEvent> batch) {
    List<Subscription> live = new ArrayList<>();
    synchronized (this) {
      for (WatchEvent e : batch) {
        events.addLast(e);
      }
      while (events.size() > capacity) {
        floor = events.removeFirst().revision();
      }
      for (Subscription s : subscribers) {
        if (s.catchingUp) {
          s.backlog.addAll(SharedWatchStore.matching(batch, s.prefix, s.after));
        } else {
          live.add(s);
        }
      }
    }
    for (Subscription s : live) {
      s.deliver(batch);
    }
  }

  void progress(long revision) {
    List<Subscription> live;
    synchronized (this) {
      live = subscribers.stream().filter(s -> !s.catchingUp).toList();
    }
    for (Subscription s : live) {
      if (!s.closed) {
        s.listener.onProgress(revision);
      }
    }
  }

  /** The shared stream is gone: watchers end with its cause; later watches go to the engine. */
  void end(Throwable cause) {
    List<Subscription> live = new ArrayList<>();
    synchronized (this) {
      if (ended != null) {
        return;
      }
      ended = cause;
      for (Subscription s : subscribers) {
        if (s.catchingUp) {
          s.endCause = cause; // its replay ends it, after the history it is delivering
        } else {
          live.add(s);
        }
      }
      subscribers.clear();
    }
    for (Subscription s : live) {
      if (!s.closed) {
        s.listener.onClosed(cause);
      }
    }
  }

  private synchronized void remove(Subscription s) {
    subscribers.remove(s);
  }

  /** One watcher: its filter, where it stands, and the events waiting for its replay. */
  final class Subscription implements Watch {
    private final String prefix;
    private final long after;
    private final WatchListener listener;
    private final List<WatchEvent> backlog = new ArrayList<>();
    private boolean catchingUp = true;
    private Throwable endCause;
    private volatile boolean closed;
    /** Highest revision delivered; a batch overlapping the replay is not delivered twice. */
    private long delivered;

    Subscription(String prefix, long after, WatchListener listener) {
      this.prefix = prefix;
      this.after = after;
      this.listener = listener;
      this.delivered = after;
    }

    /** Runs on the replay thread: history, then what arrived meanwhile, then hands over to the stream. */
    void catchUp() {
      while (true) {
        List<WatchEvent> batch;
        Throwable endNow = null;
        synchronized (EventWindow.this) {
          if (closed) {
            return;
          }
          if (backlog.isEmpty()) {
            if (endCause == null) {
              catchingUp = false;
              return;
            }
            endNow = endCause;
          }
          batch = List.copyOf(backlog);
          backlog.clear();
        }
        if (endNow != null) {
          listener.onClosed(endNow);
          return;
        }
        deliver(batch);
      }
    }

    void deliver(List<WatchEvent> batch) {
      if (closed) {
        return;
      }
      List<WatchEvent> mine = SharedWatchStore.matching(batch, prefix, delivered);
      if (!mine.isEmpty()) {
        delivered = mine.get(mine.size() - 1).revision();
        listener.onEvents(mine);
      }
    }

    @Override
    public void close() {
      closed = true;
      remove(this);
    }
  }
}
