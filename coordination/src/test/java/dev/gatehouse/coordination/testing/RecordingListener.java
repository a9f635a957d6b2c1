package dev.gatehouse.coordination.testing;

import dev.gatehouse.coordination.election.LeadershipListener;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Records leadership callbacks with their time, and the contract violations it sees: a callback that does not
 * alternate with the previous one, two callbacks at once, or callbacks on different threads. Each callback
 * lingers a little so that overlapping calls would be caught.
 */
public final class RecordingListener implements LeadershipListener {
  public enum Kind { STARTED, STOPPED }

  public record Event(Kind kind, long nanos) {}

  private final List<Event> events = new ArrayList<>();
  private final List<String> violations = new ArrayList<>();
  private final AtomicInteger inside = new AtomicInteger();
  private Thread callbackThread;

  @Override
  public void onStartedLeading() {
    record(Kind.STARTED);
  }

  @Override
  public void onStoppedLeading() {
    record(Kind.STOPPED);
  }

  private void record(Kind kind) {
    long now = System.nanoTime();
    if (inside.incrementAndGet() != 1) {
      violation("callbacks ran concurrently");
    }
    Eventually.sleep(5);
    synchronized (this) {
      Kind expected = events.isEmpty() || events.get(events.size() - 1).kind() == Kind.STOPPED
          ? Kind.STARTED : Kind.STOPPED;
      if (kind != expected) {
        violations.add(kind + " after " + kinds());
      }
      if (callbackThread == null) {
        callbackThread = Thread.currentThread();
      } else if (callbackThread != Thread.currentThread()) {
        violations.add("callback on " + Thread.currentThread().getName() + ", earlier on " + callbackThread.getName());
      }
      events.add(new Event(kind, now));
    }
    inside.decrementAndGet();
  }

  private synchronized void violation(String what) {
    violations.add(what);
  }

  public synchronized List<Kind> kinds() {
    return events.stream().map(Event::kind).toList();
  }

  public synchronized List<Event> events() {
    return List.copyOf(events);
  }

  public synchronized List<String> violations() {
    return List.copyOf(violations);
  }

  /** Whether the last callback was onStartedLeading. */
  public synchronized boolean leading() {
    return !events.isEmpty() && events.get(events.size() - 1).kind() == Kind.STARTED;
  }

  /** Time of the last callback of this kind; fails when there is none. */
  public synchronized long last(Kind kind) {
    for (int i = events.size() - 1; i >= 0; i--) {
      if (events.get(i).kind() == kind) {
        return events.get(i).nanos();
      }
    }
    throw new AssertionError("no " + kind + " callback yet: " + kinds());
  }
}
