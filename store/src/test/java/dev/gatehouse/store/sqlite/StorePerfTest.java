package dev.gatehouse.store.sqlite;

import dev.gatehouse.store.Op;
import dev.gatehouse.store.RangeRequest;
import dev.gatehouse.store.RecordingListener;
import dev.gatehouse.store.Txn;
import dev.gatehouse.store.Watch;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Throughput figures; they only print. Run with
 * {@code ./mvnw -B -o -pl store test -Dgroups=perf -Dsurefire.excludedGroups=none -Dtest=StorePerfTest}.
 */
@Tag("perf")
class StorePerfTest {
  private static final int VALUE_SIZE = 1024;

  @TempDir
  Path dir;

  @Test
  void groupCommitThroughput() throws Exception {
    try (SqliteStore store = SqliteStore.open(dir.resolve("gc"))) {
      for (int callers : new int[] {1, 32}) {
        runWriters(store, callers, Duration.ofSeconds(2)); // warm-up
        double rate = runWriters(store, callers, Duration.ofSeconds(5));
        System.out.printf("group commit: %d callers, 1 KiB puts: %,.0f durable txns/s%n", callers, rate);
      }
    }
  }

  private static double runWriters(SqliteStore store, int callers, Duration duration) throws InterruptedException {
    LongAdder done = new LongAdder();
    long end = System.nanoTime() + duration.toNanos();
    List<Thread> threads = new ArrayList<>();
    long started = System.nanoTime();
    for (int t = 0; t < callers; t++) {
      int caller = t;
      Thread thread = new Thread(() -> {
        byte[] value = new byte[VALUE_SIZE];
        for (int i = 0; System.nanoTime() < end; i++) {
          String key = "/perf/" + caller + "/" + (i % 1000);
          store.txn(new Txn(List.of(), List.of(new Op.Put(key, value)), List.of())).join();
          done.increment();
        }
      });
      thread.start();
      threads.add(thread);
    }
    for (Thread t : threads) {
      t.join();
    }
    return done.sum() / ((System.nanoTime() - started) / 1e9);
  }

  @Test
  void hundredThousandKeysOpenAndServeGets() throws Exception {
    int keys = 100_000;
    Path storeDir = dir.resolve("big");
    String[] names = new String[keys];
    for (int i = 0; i < keys; i++) {
      names[i] = "/registry/configmaps/ns" + (i % 100) + "/cm-" + i;
    }
    long loadStarted = System.nanoTime();
    try (SqliteStore store = SqliteStore.open(storeDir)) {
      for (int i = 0; i < keys; i += 500) {
        List<Op> ops = new ArrayList<>();
        for (int j = i; j < Math.min(keys, i + 500); j++) {
          byte[] value = new byte[VALUE_SIZE];
          ThreadLocalRandom.current().nextBytes(value);
          ops.add(new Op.Put(names[j], value));
        }
        store.txn(new Txn(List.of(), ops, List.of())).join();
      }
    }
    System.out.printf("loaded %,d keys of 1 KiB in %d ms%n", keys, (System.nanoTime() - loadStarted) / 1_000_000);

    for (int round = 0; round < 3; round++) {
      long heapBefore = usedHeapAfterGc();
      long started = System.nanoTime();
      SqliteStore store = SqliteStore.open(storeDir);
      long openMillis = (System.nanoTime() - started) / 1_000_000;
      long heapAfter = usedHeapAfterGc();
      System.out.printf("open of %,d keys x 1 KiB: %d ms, index heap %d MiB%n", store.range(
          RangeRequest.prefix("/registry/").withLimit(1)).count(), openMillis, (heapAfter - heapBefore) >> 20);
      if (round == 2) {
        measureGets(store, names);
        measureList(store);
      }
      store.close();
    }
  }

  private static void measureGets(SqliteStore store, String[] names) throws InterruptedException {
    for (int attempt = 0; attempt < 2; attempt++) {
      LongAdder done = new LongAdder();
      long end = System.nanoTime() + Duration.ofSeconds(3).toNanos();
      List<Thread> threads = new ArrayList<>();
      long started = System.nanoTime();
      for (int t = 0; t < 2; t++) {
        Thread thread = new Thread(() -> {
          ThreadLocalRandom random = ThreadLocalRandom.current();
          long n = 0;
          while (System.nanoTime() < end) {
            for (int i = 0; i < 1000; i++) {
              if (store.range(RangeRequest.get(names[random.nextInt(names.length)])).kvs().isEmpty()) {
                throw new AssertionError("missing key");
              }
            }
            n += 1000;
          }
          done.add(n);
        });
        thread.start();
        threads.add(thread);
      }
      for (Thread t : threads) {
        t.join();
      }
      System.out.printf("range get (current revision), 2 threads: %,.0f gets/s%n",
          done.sum() / ((System.nanoTime() - started) / 1e9));
    }
  }

  private static void measureList(SqliteStore store) {
    long started = System.nanoTime();
    int lists = 0;
    while (System.nanoTime() - started < 2_000_000_000L) {
      store.range(RangeRequest.prefix("/registry/configmaps/ns7/").withLimit(500));
      lists++;
    }
    System.out.printf("list of one namespace (1,000 of 100,000 keys, limit 500): %,.0f lists/s%n",
        lists / ((System.nanoTime() - started) / 1e9));
    long t = System.nanoTime();
    long count = store.range(RangeRequest.prefix("/registry/").withLimit(500)).count();
    System.out.printf("first page of all %,d keys with count: %d us%n", count, (System.nanoTime() - t) / 1000);
  }

  @Test
  void watchFromHistory() throws Exception {
    try (SqliteStore store = SqliteStore.open(dir.resolve("w"))) {
      byte[] value = new byte[VALUE_SIZE];
      for (int i = 0; i < 20_000; i += 100) {
        List<Op> ops = new ArrayList<>();
        for (int j = i; j < i + 100; j++) {
          ops.add(new Op.Put("/h/" + (j % 2000), value));
        }
        store.txn(new Txn(List.of(), ops, List.of())).join();
      }
      RecordingListener listener = new RecordingListener();
      long started = System.nanoTime();
      try (Watch ignored = store.watch("/h/", 0, listener)) {
        listener.awaitCount(20_000);
      }
      System.out.printf("watch replay of 20,000 historic events: %d ms%n", (System.nanoTime() - started) / 1_000_000);
    }
  }

  private static long usedHeapAfterGc() {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }
}
