package dev.gatehouse.store.sqlite;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.store.MutableClock;
import dev.gatehouse.store.Op;
import dev.gatehouse.store.RecordingListener;
import dev.gatehouse.store.Store;
import dev.gatehouse.store.StoreContractTest;
import dev.gatehouse.store.StoreException;
import dev.gatehouse.store.Txn;
import dev.gatehouse.store.TxnResult;
import dev.gatehouse.store.Watch;
import dev.gatehouse.store.WatchEvent;
import dev.gatehouse.store.WatchListener;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class SqliteStoreTest extends StoreContractTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2025-01-01T00:00:00Z"));

  private SqliteStore.Options options() {
    return SqliteStore.Options.defaults()
        .withClock(clock)
        .withLeaseCheckInterval(Duration.ofMillis(20))
        .withCompaction(Duration.ZERO, 0);
  }

  @Override
  protected Store newStore(Path dir) {
    return SqliteStore.open(dir, options());
  }

  @Override
  protected void advanceTime(Duration d) {
    clock.advance(d);
  }

  private void reopenWith(SqliteStore.Options options) {
    store.close();
    store = SqliteStore.open(dir.resolve("store"), options);
  }

  @Test
  void aSlowWatchIsClosedWithoutHoldingUpWritesOrOtherWatches() throws Exception {
    reopenWith(options().withWatchQueueCapacity(20));
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch blocked = new CountDownLatch(1);
    List<Throwable> closedWith = new ArrayList<>();
    CountDownLatch closed = new CountDownLatch(1);
    WatchListener stuck = new WatchListener() {
      @Override
      public void onEvents(List<WatchEvent> events) {
        blocked.countDown();
        try {
          release.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }

      @Override
      public void onClosed(Throwable cause) {
        closedWith.add(cause);
        closed.countDown();
      }
    };
    RecordingListener healthy = new RecordingListener();
    long from = store.currentRevision();
    try (Watch slow = store.watch("/s/", from, stuck); Watch fine = store.watch("/s/", from, healthy)) {
      put("/s/first", "x");
      assertThat(blocked.await(5, TimeUnit.SECONDS)).isTrue();
      long started = System.nanoTime();
      for (int i = 0; i < 100; i++) {
        put("/s/" + i, "v");
      }
      assertThat(Duration.ofNanos(System.nanoTime() - started)).as("writes are not held up").isLessThan(Duration.ofSeconds(10));
      assertThat(healthy.awaitCount(101)).hasSize(101);
      release.countDown();
      assertThat(closed.await(5, TimeUnit.SECONDS)).as("slow watch closed").isTrue();
      assertThat(closedWith.get(0)).isInstanceOf(StoreException.class).hasMessageContaining("behind");
      assertThat(((SqliteStore) store).watchCount()).isEqualTo(1);
    }
  }

  @Test
  void oneThousandWatchersOfOnePrefixEachGetEveryEventQuickly() throws Exception {
    int watchers = 1000;
    int writes = 50;
    AtomicLong[] lastSeen = new AtomicLong[watchers];
    long[][] deliveredAt = new long[writes][watchers];
    List<Watch> watches = new ArrayList<>();
    long from = store.currentRevision();
    CountDownLatch all = new CountDownLatch(watchers);
    for (int w = 0; w < watchers; w++) {
      int watcher = w;
      lastSeen[w] = new AtomicLong(from);
      watches.add(store.watch("/fan/", from, new WatchListener() {
        int count;

        @Override
        public void onEvents(List<WatchEvent> events) {
          long now = System.nanoTime();
          for (WatchEvent e : events) {
            if (e.revision() != lastSeen[watcher].get() + 1) {
              throw new AssertionError("gap or duplicate at " + e.revision());
            }
            lastSeen[watcher].set(e.revision());
            deliveredAt[(int) (e.revision() - from - 1)][watcher] = now;
            if (++count == writes) {
              all.countDown();
            }
          }
        }
      }));
    }
    long[] committedAt = new long[writes];
    try {
      for (int i = 0; i < writes; i++) {
        put("/fan/k" + (i % 5), "v" + i);
        committedAt[i] = System.nanoTime();
        Thread.sleep(2);
      }
      assertThat(all.await(30, TimeUnit.SECONDS)).as("every watcher got every event").isTrue();
    } finally {
      watches.forEach(Watch::close);
    }
    // Latency from the writer's future completing to the last of the 1,000 listeners having the event.
    long[] lastDelivery = new long[writes];
    for (int i = 0; i < writes; i++) {
      lastDelivery[i] = Math.max(0, Arrays.stream(deliveredAt[i]).max().orElseThrow() - committedAt[i]);
    }
    Arrays.sort(lastDelivery);
    long medianMicros = lastDelivery[writes / 2] / 1000;
    long p90Micros = lastDelivery[writes * 9 / 10] / 1000;
    System.out.printf("fan-out to %d watchers: last delivery after commit median %d us, p90 %d us%n", watchers,
        medianMicros, p90Micros);
    assertThat(Duration.ofNanos(lastDelivery[writes / 2])).isLessThan(Duration.ofMillis(50));
  }

  @Test
  void periodicCompactionKeepsTheConfiguredNumberOfRevisions() throws Exception {
    reopenWith(options().withCompaction(Duration.ofMillis(50), 5));
    for (int i = 0; i < 30; i++) {
      put("/pc/" + (i % 4), "v" + i);
    }
    long target = store.currentRevision() - 5;
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (store.compactRevision() < target && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(store.compactRevision()).isEqualTo(target);
    assertThat(store.range(dev.gatehouse.store.RangeRequest.prefix("/pc/")).count()).isEqualTo(4);
  }

  @Test
  void largeCompactionsRunInStepsAndStillComplete() throws Exception {
    reopenWith(options().withMaxCompactionStep(3));
    for (int i = 0; i < 20; i++) {
      put("/st/" + (i % 2), "v" + i);
    }
    store.compact(17).join();
    assertThat(store.compactRevision()).isEqualTo(17);
    assertThat(value("/st/0")).isEqualTo("v18");
    assertThat(store.range(dev.gatehouse.store.RangeRequest.prefix("/st/").atRevision(17)).kvs())
        .extracting(kv -> new String(kv.value(), UTF_8)).containsExactly("v16", "v15");
  }

  @Test
  void leasesSurviveARestartWithTheirDeadline() throws Exception {
    long lease = store.grantLease(10).join();
    store.txn(new Txn(List.of(), List.of(new Op.Put("/rl/a", "a".getBytes(UTF_8), lease)), List.of())).join();
    reopen();
    clock.advance(Duration.ofSeconds(5));
    Thread.sleep(100);
    assertThat(value("/rl/a")).isEqualTo("a");
    clock.advance(Duration.ofSeconds(6));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (value("/rl/a") != null && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertThat(value("/rl/a")).isNull();
  }

  @Test
  void reopeningLoadsTheLatestRowOfEveryLiveKeyWhicheverHalfOfTheLogItIsIn() throws Exception {
    // the log is read in two halves by row id on two connections: keys first written in the lower half and last
    // written or deleted in the upper half must come back exactly once, with their latest row
    long lease = store.grantLease(60).join();
    for (int i = 0; i < 200; i++) {
      store.txn(new Txn(List.of(), List.of(new Op.Put("/h/" + i, ("v" + i).getBytes(UTF_8), i % 7 == 0 ? lease : 0)),
          List.of())).join();
    }
    for (int i = 0; i < 200; i += 2) {
      put("/h/" + i, "updated" + i);
    }
    for (int i = 0; i < 200; i += 5) {
      store.txn(new Txn(List.of(), List.of(new Op.Delete("/h/" + i)), List.of())).join();
    }
    List<String> before = describe(store.range(dev.gatehouse.store.RangeRequest.prefix("/h/")).kvs());

    reopen();

    assertThat(describe(store.range(dev.gatehouse.store.RangeRequest.prefix("/h/")).kvs()))
        .hasSize(160).containsExactlyElementsOf(before);
    store.revokeLease(lease).join();
    assertThat(store.range(dev.gatehouse.store.RangeRequest.prefix("/h/")).count())
        .as("the leased keys of both halves were attached to their lease (7, 21, 49, ... not updated or deleted)")
        .isEqualTo(160 - 11);
  }

  @Test
  void keysWhoseSqliteAndJavaOrdersDifferComeBackInJavaOrderAfterAReopen() {
    // U+FF5E sorts before U+1F600 in UTF-8 bytes (SQLite's order) but after it in UTF-16 units (Java's, the index's)
    put("/u/\uFF5E", "fullwidth tilde");
    put("/u/\uD83D\uDE00", "emoji");
    put("/u/a", "a");
    List<String> before = describe(store.range(dev.gatehouse.store.RangeRequest.prefix("/u/")).kvs());

    reopen();

    assertThat(describe(store.range(dev.gatehouse.store.RangeRequest.prefix("/u/")).kvs()))
        .containsExactlyElementsOf(before);
    assertThat(value("/u/\uFF5E")).isEqualTo("fullwidth tilde");
    assertThat(value("/u/\uD83D\uDE00")).isEqualTo("emoji");
  }

  private static List<String> describe(List<dev.gatehouse.store.KeyValue> kvs) {
    return kvs.stream().map(kv -> kv.key() + "=" + new String(kv.value(), UTF_8) + " c" + kv.createRevision()
        + " m" + kv.modRevision() + " v" + kv.version() + " l" + kv.lease()).toList();
  }

  @Test
  void manyQueuedWritesAllCommitWithDistinctRevisions() throws Exception {
    int callers = 16;
    List<CompletableFuture<TxnResult>> futures = new ArrayList<>();
    for (int i = 0; i < callers * 20; i++) {
      futures.add(store.txn(new Txn(List.of(), List.of(new Op.Put("/gc/" + i, new byte[100])), List.of())));
    }
    CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).join();
    assertThat(futures).extracting(f -> f.join().revision()).doesNotHaveDuplicates();
    assertThat(store.range(dev.gatehouse.store.RangeRequest.prefix("/gc/")).count()).isEqualTo(callers * 20);
  }

  @Test
  void idleWatchesHearThatTheStoreMovedOn() throws Exception {
    reopenWith(options().withProgressInterval(Duration.ofMillis(30)));
    RecordingListener listener = new RecordingListener();
    try (Watch ignored = store.watch("/quiet/", store.currentRevision(), listener)) {
      put("/busy/a", "1");
      long revision = put("/busy/b", "2").revision();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
      while (!listener.progress().contains(revision) && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      assertThat(listener.progress()).contains(revision).isSorted();
      assertThat(listener.events()).isEmpty();
      put("/quiet/x", "3");
      assertThat(listener.awaitCount(1).get(0).revision()).isEqualTo(revision + 1);
    }
  }

  @Test
  void aListenerThatThrowsEndsOnlyItsOwnWatch() throws Exception {
    List<Throwable> closedWith = new ArrayList<>();
    CountDownLatch closed = new CountDownLatch(1);
    IllegalStateException boom = new IllegalStateException("boom");
    WatchListener throwing = new WatchListener() {
      @Override
      public void onEvents(List<WatchEvent> events) {
        throw boom;
      }

      @Override
      public void onClosed(Throwable cause) {
        closedWith.add(cause);
        closed.countDown();
      }
    };
    RecordingListener other = new RecordingListener();
    long from = store.currentRevision();
    try (Watch a = store.watch("/t/", from, throwing); Watch b = store.watch("/t/", from, other)) {
      put("/t/1", "x");
      assertThat(closed.await(5, TimeUnit.SECONDS)).isTrue();
      assertThat(closedWith).containsExactly(boom);
      put("/t/2", "y");
      assertThat(other.awaitCount(2)).hasSize(2);
    }
  }
}
