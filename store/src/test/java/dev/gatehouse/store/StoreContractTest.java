package dev.gatehouse.store;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every {@link Store} engine must do. An engine's test extends this class and says how to open a store
 * on a directory (opening the same directory again must find the same data) and how time passes for leases.
 * The simple semantics live as data in {@code contract-cases.yaml}; the tests here cover what needs threads,
 * watches, time or a restart.
 */
public abstract class StoreContractTest {
  @TempDir
  protected Path dir;
  protected Store store;

  /** Opens the store kept in {@code dir}, creating it when empty. */
  protected abstract Store newStore(Path dir);

  /** Lets {@code d} pass for lease expiry; engines with an injectable clock move it instead of sleeping. */
  protected void advanceTime(Duration d) throws InterruptedException {
    Thread.sleep(d.toMillis());
  }

  /** TTL used by the lease tests; {@link #advanceTime} must be able to let it pass. */
  protected long leaseTtlSeconds() {
    return 2;
  }

  @BeforeEach
  void openStore() {
    store = newStore(dir.resolve("store"));
  }

  @AfterEach
  void closeStore() {
    if (store != null) {
      store.close();
    }
  }

  protected void reopen() {
    store.close();
    store = newStore(dir.resolve("store"));
  }

  @TestFactory
  Stream<DynamicTest> contractCases() {
    List<ContractCase> cases = ContractCaseRunner.load("/dev/gatehouse/store/contract-cases.yaml");
    assertThat(cases).isNotEmpty();
    return cases.stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> {
      try (Store fresh = newStore(dir.resolve("case-" + Math.abs(c.name().hashCode())))) {
        ContractCaseRunner.run(fresh, c);
      }
    }));
  }

  @Test
  void concurrentWritersEachGetTheirOwnRevisionAndNoneIsSkipped() throws Exception {
    long before = store.currentRevision();
    int threads = 8;
    int perThread = 100;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<List<Long>>> results = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int thread = t;
        results.add(pool.submit(() -> {
          List<Long> revisions = new ArrayList<>();
          long last = 0;
          for (int i = 0; i < perThread; i++) {
            long rev = put("/c/" + thread + "/" + i, "v").revision();
            assertThat(rev).as("one caller's revisions only grow").isGreaterThan(last);
            last = rev;
            revisions.add(rev);
          }
          return revisions;
        }));
      }
      List<Long> all = new ArrayList<>();
      for (Future<List<Long>> f : results) {
        all.addAll(f.get());
      }
      Collections.sort(all);
      List<Long> expected = new ArrayList<>();
      for (long r = before + 1; r <= before + threads * perThread; r++) {
        expected.add(r);
      }
      assertThat(all).containsExactlyElementsOf(expected);
      assertThat(store.currentRevision()).isEqualTo(before + threads * perThread);
      assertThat(store.range(RangeRequest.prefix("/c/")).count()).isEqualTo(threads * perThread);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void compareAndSwapLosesNoUpdateUnderContention() throws Exception {
    put("/counter", "0");
    int threads = 4;
    int increments = 25;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<Integer>> conflicts = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        conflicts.add(pool.submit(() -> {
          int lost = 0;
          for (int i = 0; i < increments; i++) {
            while (true) {
              KeyValue kv = store.range(RangeRequest.get("/counter")).kvs().get(0);
              String next = String.valueOf(Integer.parseInt(new String(kv.value(), UTF_8)) + 1);
              Txn cas = Txn.of(new Compare.ModRevisionEquals("/counter", kv.modRevision()),
                  new Op.Put("/counter", next.getBytes(UTF_8)), null);
              if (store.txn(cas).join().succeeded()) {
                break;
              }
              lost++;
            }
          }
          return lost;
        }));
      }
      for (Future<Integer> f : conflicts) {
        f.get();
      }
      assertThat(value("/counter")).isEqualTo(String.valueOf(threads * increments));
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void watchesGetHistoryThenLiveEventsWithoutGapsWhileWritesContinue() throws Exception {
    Map<Long, String> writtenUnderPrefix = new ConcurrentHashMap<>();
    writtenUnderPrefix.put(put("/w/seed", "s").revision(), "/w/seed");
    int writers = 4;
    int perWriter = 150;
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    List<RecordingListener> listeners = new ArrayList<>();
    List<Long> starts = new ArrayList<>();
    List<Watch> watches = new ArrayList<>();
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < writers; t++) {
        int thread = t;
        done.add(pool.submit(() -> {
          for (int i = 0; i < perWriter; i++) {
            String key = "/w/" + thread + "/" + (i % 20);
            TxnResult r = i % 7 == 6 ? delete(key) : put(key, "v" + i);
            if (r.results().get(0) != null) {
              writtenUnderPrefix.put(r.revision(), key);
            }
            put("/other/" + thread, "noise"); // outside the prefix: must not reach the watches
          }
          return null;
        }));
      }
      // Start watches while writes run: from the beginning, from a recent revision, and from "now".
      for (int i = 0; i < 6; i++) {
        long current = store.currentRevision();
        long after = switch (i % 3) {
          case 0 -> 0;
          case 1 -> Math.max(0, current - 25);
          default -> current;
        };
        RecordingListener listener = new RecordingListener();
        watches.add(store.watch("/w/", after, listener));
        listeners.add(listener);
        starts.add(after);
        Thread.sleep(20);
      }
      for (Future<?> f : done) {
        f.get();
      }
      for (int i = 0; i < listeners.size(); i++) {
        long after = starts.get(i);
        List<Long> expected = writtenUnderPrefix.keySet().stream().filter(r -> r > after).sorted().toList();
        List<WatchEvent> got = listeners.get(i).awaitCount(expected.size());
        Thread.sleep(50); // nothing more may arrive
        got = listeners.get(i).events();
        assertThat(got).extracting(WatchEvent::revision).as("watch %d from %d", i, after)
            .containsExactlyElementsOf(expected);
        for (WatchEvent e : got) {
          assertThat(e.kv().key()).isEqualTo(writtenUnderPrefix.get(e.revision()));
        }
        assertThat(listeners.get(i).sawOverlappingCalls()).isFalse();
      }
    } finally {
      watches.forEach(Watch::close);
      pool.shutdownNow();
    }
  }

  @Test
  void watchEventsCarryPreviousValuesAndStayInsideTheirPrefix() throws Exception {
    RecordingListener listener = new RecordingListener();
    try (Watch ignored = store.watch("/p/", store.currentRevision(), listener)) {
      put("/p/a", "one");
      put("/q/a", "elsewhere");
      put("/p/a", "two");
      delete("/p/a");
      List<WatchEvent> events = listener.awaitCount(3);
      assertThat(events).extracting(WatchEvent::type)
          .containsExactly(WatchEvent.Type.PUT, WatchEvent.Type.PUT, WatchEvent.Type.DELETE);
      assertThat(events.get(0).prevKv()).isNull();
      assertThat(new String(events.get(1).prevKv().value(), UTF_8)).isEqualTo("one");
      WatchEvent deleted = events.get(2);
      assertThat(deleted.kv().key()).isEqualTo("/p/a");
      assertThat(deleted.kv().value()).isEmpty();
      assertThat(deleted.revision()).isEqualTo(store.currentRevision());
      assertThat(new String(deleted.prevKv().value(), UTF_8)).isEqualTo("two");
      assertThat(deleted.prevKv().version()).isEqualTo(2);
    }
    // The same three events, replayed from history, look the same.
    RecordingListener replay = new RecordingListener();
    try (Watch ignored = store.watch("/p/", 0, replay)) {
      List<WatchEvent> events = replay.awaitCount(3);
      assertThat(events).usingRecursiveFieldByFieldElementComparator().isEqualTo(listener.events());
    }
  }

  @Test
  void compactedHistoryIsRefusedToReadsAndWatches() throws Exception {
    for (int i = 0; i < 10; i++) {
      put("/k/" + (i % 3), "v" + i);
    }
    long compactAt = store.currentRevision() - 3;
    store.compact(compactAt).join();
    assertThat(store.compactRevision()).isEqualTo(compactAt);
    assertThatThrownBy(() -> store.range(RangeRequest.prefix("/k/").atRevision(compactAt - 1)))
        .isInstanceOf(CompactedException.class);
    assertThatThrownBy(() -> store.watch("/k/", compactAt - 1, new RecordingListener()))
        .isInstanceOf(CompactedException.class)
        .satisfies(e -> assertThat(((CompactedException) e).compactRevision()).isEqualTo(compactAt));
    RecordingListener listener = new RecordingListener();
    try (Watch ignored = store.watch("/k/", compactAt, listener)) {
      assertThat(listener.awaitCount(3)).extracting(WatchEvent::revision)
          .containsExactly(compactAt + 1, compactAt + 2, compactAt + 3);
    }
    assertThat(store.range(RangeRequest.prefix("/k/")).count()).isEqualTo(3);
  }

  @Test
  void historicReadsAndReplayedWatchesMatchAModelBeforeAndAfterCompaction() throws Exception {
    java.util.Random random = new java.util.Random(42);
    long base = store.currentRevision();
    TreeMap<Long, TreeMap<String, String>> snapshots = new TreeMap<>();
    TreeMap<String, String> model = new TreeMap<>();
    List<String[]> modelEvents = new ArrayList<>(); // revision, type, key, value, prevValue
    for (int i = 0; i < 120; i++) {
      List<Op> ops = new ArrayList<>();
      Set<String> used = new java.util.HashSet<>();
      int n = 1 + random.nextInt(3);
      for (int j = 0; j < n; j++) {
        String key = (random.nextInt(8) == 0 ? "/n/" : "/m/") + "k" + random.nextInt(12);
        if (used.add(key)) {
          ops.add(random.nextInt(4) == 0 ? new Op.Delete(key) : new Op.Put(key, ("v" + i).getBytes(UTF_8)));
        }
      }
      TxnResult result = store.txn(new Txn(List.of(), ops, List.of())).join();
      for (Op op : ops) {
        String prev = model.get(op.key());
        if (op instanceof Op.Put put) {
          model.put(put.key(), new String(put.value(), UTF_8));
          modelEvents.add(new String[] {"" + result.revision(), "PUT", put.key(), model.get(put.key()), prev});
        } else if (prev != null) {
          model.remove(op.key());
          modelEvents.add(new String[] {"" + result.revision(), "DELETE", op.key(), "", prev});
        }
      }
      snapshots.put(result.revision(), new TreeMap<>(model));
    }
    long last = store.currentRevision();
    assertHistoryMatches(snapshots, base + 1, last);

    long compactAt = base + 60;
    store.compact(compactAt).join();
    assertHistoryMatches(snapshots, compactAt, last);
    assertThatThrownBy(() -> store.range(RangeRequest.prefix("/m/").atRevision(compactAt - 1)))
        .isInstanceOf(CompactedException.class);

    RecordingListener listener = new RecordingListener();
    List<String[]> expected = modelEvents.stream()
        .filter(e -> Long.parseLong(e[0]) > compactAt && e[2].startsWith("/m/")).toList();
    try (Watch ignored = store.watch("/m/", compactAt, listener)) {
      List<WatchEvent> got = listener.awaitCount(expected.size());
      assertThat(got).hasSize(expected.size());
      for (int i = 0; i < expected.size(); i++) {
        String[] want = expected.get(i);
        WatchEvent e = got.get(i);
        String desc = String.join(" ", java.util.Arrays.stream(want).map(String::valueOf).toList());
        assertThat(e.revision()).as(desc).isEqualTo(Long.parseLong(want[0]));
        assertThat(e.type().name()).as(desc).isEqualTo(want[1]);
        assertThat(e.kv().key()).as(desc).isEqualTo(want[2]);
        assertThat(new String(e.kv().value(), UTF_8)).as(desc).isEqualTo(want[3]);
        assertThat(e.prevKv() == null ? null : new String(e.prevKv().value(), UTF_8)).as(desc).isEqualTo(want[4]);
      }
    }
  }

  private void assertHistoryMatches(TreeMap<Long, TreeMap<String, String>> snapshots, long from, long to) {
    TreeMap<String, String> expected = new TreeMap<>();
    for (long rev = from; rev <= to; rev++) {
      TreeMap<String, String> at = snapshots.floorEntry(rev).getValue();
      expected.clear();
      at.forEach((k, v) -> {
        if (k.startsWith("/m/")) {
          expected.put(k, v);
        }
      });
      RangeResult all = store.range(RangeRequest.prefix("/m/").atRevision(rev));
      assertThat(all.count()).as("count at %d", rev).isEqualTo(expected.size());
      Map<String, String> got = new TreeMap<>();
      all.kvs().forEach(kv -> got.put(kv.key(), new String(kv.value(), UTF_8)));
      assertThat(got).as("values at %d", rev).isEqualTo(expected);
      // Paging through the same revision gives the same keys.
      List<String> paged = new ArrayList<>();
      String after = null;
      boolean more = true;
      while (more) {
        RangeResult page = store.range(RangeRequest.prefix("/m/").atRevision(rev).withLimit(5).withStartAfter(after));
        page.kvs().forEach(kv -> paged.add(kv.key()));
        more = page.more();
        after = page.kvs().isEmpty() ? after : page.kvs().get(page.kvs().size() - 1).key();
        assertThat(page.count()).isEqualTo(expected.size());
      }
      assertThat(paged).as("pages at %d", rev).containsExactlyElementsOf(expected.keySet());
    }
  }

  @Test
  void leasesExpireUnlessKeptAliveAndRevokingDeletesTheirKeysAtOneRevision() throws Exception {
    long ttl = leaseTtlSeconds();
    long lease = store.grantLease(ttl).join();
    store.txn(new Txn(List.of(), List.of(new Op.Put("/l/a", "a".getBytes(UTF_8), lease)), List.of())).join();
    RecordingListener listener = new RecordingListener();
    try (Watch ignored = store.watch("/l/", store.currentRevision(), listener)) {
      advanceTime(Duration.ofMillis(ttl * 1000 * 3 / 4));
      store.keepAlive(lease).join();
      advanceTime(Duration.ofMillis(ttl * 1000 * 3 / 4));
      Thread.sleep(100); // give the expiry timer a chance to act wrongly
      assertThat(value("/l/a")).as("kept alive").isEqualTo("a");

      advanceTime(Duration.ofMillis(ttl * 1000 / 2 + 200));
      List<WatchEvent> events = listener.awaitCount(1);
      assertThat(events.get(0).type()).isEqualTo(WatchEvent.Type.DELETE);
      assertThat(events.get(0).prevKv().lease()).isEqualTo(lease);
      assertThat(store.range(RangeRequest.get("/l/a")).kvs()).isEmpty();
      assertThatThrownBy(() -> store.keepAlive(lease).join()).hasCauseInstanceOf(LeaseNotFoundException.class);

      long second = store.grantLease(60).join();
      List<Op> puts = List.of(new Op.Put("/l/x", new byte[] {1}, second), new Op.Put("/l/y", new byte[] {2}, second),
          new Op.Put("/l/z", new byte[] {3}, 0));
      store.txn(new Txn(List.of(), puts, List.of())).join();
      store.revokeLease(second).join();
      List<WatchEvent> all = listener.awaitCount(6);
      List<WatchEvent> revoked = all.subList(4, 6);
      assertThat(revoked).extracting(WatchEvent::type).containsOnly(WatchEvent.Type.DELETE);
      assertThat(revoked).extracting(e -> e.kv().key()).containsExactlyInAnyOrder("/l/x", "/l/y");
      assertThat(revoked.get(0).revision()).isEqualTo(revoked.get(1).revision());
      assertThat(store.range(RangeRequest.prefix("/l/")).kvs()).extracting(KeyValue::key).containsExactly("/l/z");
    }
    assertThatThrownBy(() -> store.txn(new Txn(List.of(), List.of(new Op.Put("/l/q", new byte[0], 999_999)),
        List.of())).join()).isInstanceOf(CompletionException.class).hasCauseInstanceOf(LeaseNotFoundException.class);
  }

  @Test
  void reopeningKeepsRevisionKeysCompactionAndLeases() throws Exception {
    put("/r/a", "1");
    put("/r/b", "2");
    delete("/r/b");
    put("/r/a", "3");
    store.compact(store.currentRevision() - 1).join();
    long lease = store.grantLease(3600).join();
    store.txn(new Txn(List.of(), List.of(new Op.Put("/r/leased", "x".getBytes(UTF_8), lease)), List.of())).join();
    long revision = store.currentRevision();
    long compacted = store.compactRevision();

    reopen();

    assertThat(store.currentRevision()).isEqualTo(revision);
    assertThat(store.compactRevision()).isEqualTo(compacted);
    RangeResult all = store.range(RangeRequest.prefix("/r/"));
    assertThat(all.kvs()).extracting(KeyValue::key).containsExactly("/r/a", "/r/leased");
    KeyValue a = all.kvs().get(0);
    assertThat(new String(a.value(), UTF_8)).isEqualTo("3");
    assertThat(a.version()).isEqualTo(2);
    assertThat(put("/r/c", "4").revision()).isEqualTo(revision + 1);
    store.keepAlive(lease).join();
    store.revokeLease(lease).join();
    assertThat(store.range(RangeRequest.get("/r/leased")).kvs()).isEmpty();
    assertThat(store.grantLease(10).join()).as("lease ids are not reused").isNotEqualTo(lease);
  }

  @Test
  void closingEndsWatchesAndRefusesLaterCalls() throws Exception {
    RecordingListener listener = new RecordingListener();
    store.watch("/", store.currentRevision(), listener);
    store.close();
    assertThat(listener.awaitClosed(Duration.ofSeconds(5))).isInstanceOf(StoreException.class);
    assertThatThrownBy(() -> store.txn(new Txn(List.of(), List.of(new Op.Put("/x", new byte[0])), List.of())).join())
        .hasCauseInstanceOf(StoreException.class);
    store = null;
  }

  protected TxnResult put(String key, String value) {
    return store.txn(new Txn(List.of(), List.of(new Op.Put(key, value.getBytes(UTF_8))), List.of())).join();
  }

  protected TxnResult delete(String key) {
    return store.txn(new Txn(List.of(), List.of(new Op.Delete(key)), List.of())).join();
  }

  protected String value(String key) {
    List<KeyValue> kvs = store.range(RangeRequest.get(key)).kvs();
    return kvs.isEmpty() ? null : new String(kvs.get(0).value(), UTF_8);
  }
}
