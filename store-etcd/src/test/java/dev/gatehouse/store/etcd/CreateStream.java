package dev.gatehouse.store.etcd;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.gatehouse.store.Compare;
import dev.gatehouse.store.Op;
import dev.gatehouse.store.Store;
import dev.gatehouse.store.Txn;
import dev.gatehouse.store.TxnResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Writer threads that each create fresh keys at a steady pace, as clients create objects through an API server:
 * a Put guarded by "the key does not exist yet" (createRevision 0). The load is open-loop: a writer sends its
 * next create on time even while earlier ones are still waiting for etcd (as independent clients would), so a
 * few creates stuck on a dead member do not hide whether the cluster accepts new ones. Every create is recorded
 * with when it was sent and how it ended: acknowledged (the future completed with the compare holding) or
 * failed.
 */
final class CreateStream implements AutoCloseable {
  /** A create the store reported as committed, at {@code revision}. */
  record Ack(String key, String value, long revision, long startedNanos, long endedNanos) {}

  /** A create whose future failed (or whose compare unexpectedly failed); it may or may not have happened. */
  record Failure(String key, long startedNanos, long endedNanos, String error) {}

  /** Past this many creates waiting for etcd, writers skip their turn rather than pile up more. */
  private static final int MAX_OUTSTANDING = 2000;

  private final Store store;
  private final String prefix;
  private final List<Thread> threads = new ArrayList<>();
  private final ConcurrentLinkedQueue<Ack> acks = new ConcurrentLinkedQueue<>();
  private final ConcurrentLinkedQueue<Failure> failures = new ConcurrentLinkedQueue<>();
  private final AtomicInteger ackCount = new AtomicInteger();
  private final AtomicInteger outstanding = new AtomicInteger();
  private final Duration pace;
  private volatile boolean running = true;

  /** Starts {@code writers} threads, each sending one create every {@code pace}. */
  CreateStream(Store store, String prefix, int writers, Duration pace) {
    this.store = store;
    this.prefix = prefix;
    this.pace = pace;
    for (int w = 0; w < writers; w++) {
      int writer = w;
      Thread t = new Thread(() -> write(writer), "create-stream-" + w);
      t.setDaemon(true);
      threads.add(t);
    }
    threads.forEach(Thread::start);
  }

  private void write(int writer) {
    long next = System.nanoTime();
    for (int i = 0; running; i++) {
      String key = String.format("%sw%d/%06d", prefix, writer, i);
      String value = "value of " + key;
      if (outstanding.get() < MAX_OUTSTANDING) {
        outstanding.incrementAndGet();
        long started = System.nanoTime();
        CompletableFuture<TxnResult> sent;
        try {
          sent = store.txn(new Txn(List.of(new Compare.CreateRevisionEquals(key, 0)),
              List.of(new Op.Put(key, value.getBytes(UTF_8))), List.of()));
        } catch (RuntimeException e) {
          sent = CompletableFuture.failedFuture(e);
        }
        sent.whenComplete((result, error) -> {
          long ended = System.nanoTime();
          if (error != null) {
            failures.add(new Failure(key, started, ended, String.valueOf(EtcdErrors.unwrap(error))));
          } else if (result.succeeded()) {
            acks.add(new Ack(key, value, result.revision(), started, ended));
            ackCount.incrementAndGet();
          } else {
            failures.add(new Failure(key, started, ended, "compare failed: the key already existed"));
          }
          outstanding.decrementAndGet();
        });
      }
      next += pace.toNanos();
      long wait = next - System.nanoTime();
      if (wait > 0) {
        pause(TimeUnit.NANOSECONDS.toMillis(wait));
      }
    }
  }

  int ackCount() {
    return ackCount.get();
  }

  /** Waits until {@code count} creates have been acknowledged in all, or the timeout passes. */
  boolean awaitAcks(int count, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (ackCount.get() < count && System.nanoTime() < deadline) {
      pause(5);
    }
    return ackCount.get() >= count;
  }

  /** Waits until {@code count} creates sent after {@code since} (System.nanoTime) were acknowledged. */
  boolean awaitAcksSentAfter(long since, int count, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (acks.stream().filter(a -> a.startedNanos() > since).count() >= count) {
        return true;
      }
      pause(5);
    }
    return false;
  }

  /** Stops the writers and waits (up to a minute) for the creates in flight to end. */
  @Override
  public void close() throws InterruptedException {
    running = false;
    for (Thread t : threads) {
      t.join(TimeUnit.SECONDS.toMillis(10));
    }
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
    while (outstanding.get() > 0 && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
  }

  List<Ack> acks() {
    List<Ack> out = new ArrayList<>(acks);
    out.sort(Comparator.comparingLong(Ack::endedNanos));
    return out;
  }

  List<Failure> failures() {
    List<Failure> out = new ArrayList<>(failures);
    out.sort(Comparator.comparingLong(Failure::endedNanos));
    return out;
  }

  /** The longest stretch without any acknowledgement that overlaps {@code from} or lies after it, in ms. */
  long longestStallAfter(long from) {
    List<Ack> sorted = acks();
    long previous = from;
    long longest = 0;
    for (Ack a : sorted) {
      if (a.endedNanos() < from) {
        previous = a.endedNanos();
        continue;
      }
      longest = Math.max(longest, a.endedNanos() - previous);
      previous = a.endedNanos();
    }
    return TimeUnit.NANOSECONDS.toMillis(longest);
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
