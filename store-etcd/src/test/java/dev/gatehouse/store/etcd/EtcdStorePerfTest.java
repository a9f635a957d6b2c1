package dev.gatehouse.store.etcd;

import dev.gatehouse.store.Op;
import dev.gatehouse.store.RangeRequest;
import dev.gatehouse.store.Store;
import dev.gatehouse.store.Txn;
import dev.gatehouse.store.sqlite.SqliteStore;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Throughput of the etcd engine next to the embedded one, same workload, same machine; figures only print. Run
 * with {@code ./mvnw -B -o -pl store-etcd test -Dgroups=perf -Dsurefire.excludedGroups=none -Dtest=EtcdStorePerfTest}.
 */
@Tag("perf")
class EtcdStorePerfTest {
  private static final int VALUE_SIZE = 1024;
  private static final int KEYS = 10_000;

  @RegisterExtension
  final EtcdProcess etcd = new EtcdProcess();

  @TempDir
  Path dir;

  @Test
  void etcdNextToSqlite() throws Exception {
    try (EtcdStore store = EtcdStore.open(EtcdStoreOptions.of(etcd.endpoint()).withKeyPrefix("/perf"))) {
      measure("etcd", store);
    }
    try (SqliteStore store = SqliteStore.open(dir.resolve("sqlite"))) {
      measure("sqlite", store);
    }
  }

  private static void measure(String engine, Store store) throws InterruptedException {
    for (int callers : new int[] {1, 32}) {
      run(callers, Duration.ofSeconds(2), caller -> put(store, caller)); // warm-up
      double rate = run(callers, Duration.ofSeconds(5), caller -> put(store, caller));
      System.out.printf("%s: %d callers, 1 KiB puts: %,.0f durable txns/s%n", engine, callers, rate);
    }
    for (int i = 0; i < KEYS; i += 100) { // etcd's default --max-txn-ops is 128
      List<Op> ops = new ArrayList<>();
      for (int j = i; j < i + 100; j++) {
        ops.add(new Op.Put(key(j), new byte[VALUE_SIZE]));
      }
      store.txn(new Txn(List.of(), ops, List.of())).join();
    }
    for (int threads : new int[] {2, 32}) {
      double gets = run(threads, Duration.ofSeconds(5), caller -> {
        if (store.range(RangeRequest.get(key(ThreadLocalRandom.current().nextInt(KEYS)))).kvs().isEmpty()) {
          throw new AssertionError("missing key");
        }
      });
      System.out.printf("%s: range get, %d threads: %,.0f gets/s%n", engine, threads, gets);
    }
    double lists = run(2, Duration.ofSeconds(5), caller ->
        store.range(RangeRequest.prefix("/registry/configmaps/ns" + caller + "/").withLimit(500)));
    System.out.printf("%s: list of 100 keys of one namespace, 2 threads: %,.0f lists/s%n", engine, lists);
  }

  private static String key(int i) {
    return "/registry/configmaps/ns" + (i % 100) + "/cm-" + i;
  }

  private static void put(Store store, int caller) {
    String key = "/bench/" + caller + "/" + ThreadLocalRandom.current().nextInt(1000);
    store.txn(new Txn(List.of(), List.of(new Op.Put(key, new byte[VALUE_SIZE])), List.of())).join();
  }

  private interface Action {
    void run(int caller);
  }

  private static double run(int threads, Duration duration, Action action) throws InterruptedException {
    LongAdder done = new LongAdder();
    long end = System.nanoTime() + duration.toNanos();
    List<Thread> running = new ArrayList<>();
    long started = System.nanoTime();
    for (int t = 0; t < threads; t++) {
      int caller = t;
      Thread thread = new Thread(() -> {
        while (System.nanoTime() < end) {
          action.run(caller);
          done.increment();
        }
      });
      thread.start();
      running.add(thread);
    }
    for (Thread t : running) {
      t.join();
    }
    return done.sum() / ((System.nanoTime() - started) / 1e9);
  }
}
