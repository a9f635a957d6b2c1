package dev.gatehouse.store;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A watch listener that records what it gets and lets a test wait for it. */
public final class RecordingListener implements WatchListener {
  private final List<WatchEvent> events = new ArrayList<>();
  private final List<Long> progress = new ArrayList<>();
  private final CountDownLatch closed = new CountDownLatch(1);
  private volatile Throwable closeCause;
  private volatile boolean overlapping;
  private volatile boolean inCall;

  @Override
  public void onEvents(List<WatchEvent> batch) {
    enter();
    try {
      synchronized (this) {
        events.addAll(batch);
        notifyAll();
      }
    } finally {
      inCall = false;
    }
  }

  @Override
  public void onProgress(long revision) {
    enter();
    try {
      synchronized (this) {
        progress.add(revision);
        notifyAll();
      }
    } finally {
      inCall = false;
    }
  }

  @Override
  public void onClosed(Throwable cause) {
    enter();
    closeCause = cause;
    inCall = false;
    closed.countDown();
  }

  private void enter() {
    if (inCall || closed.getCount() == 0) {
      overlapping = true; // calls overlapped, or came after onClosed: both break the listener contract
    }
    inCall = true;
  }

  public synchronized List<WatchEvent> events() {
    return List.copyOf(events);
  }

  public synchronized List<Long> progress() {
    return List.copyOf(progress);
  }

  /** Waits until the recorded events satisfy {@code done}; returns them. */
  public synchronized List<WatchEvent> awaitEvents(Predicate<List<WatchEvent>> done, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!done.test(events)) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new AssertionError("timed out waiting for events; got " + events.size() + ": " + summary());
      }
      TimeUnit.NANOSECONDS.timedWait(this, left);
    }
    return List.copyOf(events);
  }

  public List<WatchEvent> awaitCount(int count) throws InterruptedException {
    return awaitEvents(e -> e.size() >= count, Duration.ofSeconds(20));
  }

  public Throwable awaitClosed(Duration timeout) throws InterruptedException {
    if (!closed.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new AssertionError("watch was not closed");
    }
    return closeCause;
  }

  public boolean isClosed() {
    return closed.getCount() == 0;
  }

  public boolean sawOverlappingCalls() {
    return overlapping;
  }

  private String summary() {
    StringBuilder b = new StringBuilder();
    for (WatchEvent e : events.subList(Math.max(0, events.size() - 5), events.size())) {
      b.append(e.type()).append(' ').append(e.kv().key()).append('@').append(e.revision()).append(' ');
    }
    return b.toString();
  }
}
