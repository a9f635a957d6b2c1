package dev.gatehouse.store.fanout;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.store.Op;
import dev.gatehouse.store.Store;
import dev.gatehouse.store.Txn;
import dev.gatehouse.store.Watch;
import dev.gatehouse.store.WatchEvent;
import dev.gatehouse.store.WatchListener;
import dev.gatehouse.store.sqlite.SqliteStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SharedWatchStoreTest {
  @TempDir
  Path dir;
  private Store store;
  private final AtomicInteger engineWatches = new AtomicInteger();

  @BeforeEach
  void open() {
    SqliteStore sqlite = SqliteStore.open(dir.resolve("s"), SqliteStore.Options.defaults());
    // counts the watches that reach the engine
    Store counting = new ForwardingWatchCounter(sqlite, engineWatches);
    store = new SharedWatchStore(counting, 16);
  }

  @AfterEach
  void close() {
    store.close();
  }

  private long put(String key, String value) {
    return store.txn(new Txn(List.of(), List.of(new Op.Put(key, value.getBytes(UTF_8))), List.of())).join()
        .revision();
  }

  @Test
  void manyWatchersShareOneEngineWatchAndEachSeesItsPrefixInOrder() throws Exception {
    long start = store.currentRevision();
    List<List<Long>> seen = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      List<Long> mine = new CopyOnWriteArrayList<>();
      seen.add(mine);
      store.watch(i % 2 == 0 ? "/a/" : "/b/", start, recorder(mine));
    }
    List<Long> aRevisions = new ArrayList<>();
    for (int n = 0; n < 50; n++) {
      aRevisions.add(put("/a/" + n, "v"));
      put("/b/" + n, "v");
    }
    await(() -> seen.stream().allMatch(l -> l.size() == 50));
    assertThat(seen.get(0)).containsExactlyElementsOf(aRevisions);
    assertThat(engineWatches.get()).as("only the shared watch reached the engine").isEqualTo(1);
  }

  @Test
  void aWatchFromInsideTheWindowGetsHistoryThenLiveWithoutGapOrDuplicate() throws Exception {
    long from = put("/k/0", "v");
    List<Long> expected = new ArrayList<>();
    for (int n = 1; n <= 5; n++) {
      expected.add(put("/k/" + n, "v"));
    }
    List<Long> seen = new CopyOnWriteArrayList<>();
    store.watch("/k/", from, recorder(seen));
    for (int n = 6; n <= 8; n++) {
      expected.add(put("/k/" + n, "v"));
    }
    await(() -> seen.size() == expected.size());
    assertThat(seen).containsExactlyElementsOf(expected);
    assertThat(engineWatches.get()).isEqualTo(1);
  }

  @Test
  void aWatchFromBeforeTheWindowGoesToTheEngine() throws Exception {
    long from = store.currentRevision();
    for (int n = 0; n < 40; n++) {
      put("/old/" + n, "v"); // more than the 16-event window
    }
    List<Long> seen = new CopyOnWriteArrayList<>();
    store.watch("/old/", from, recorder(seen));
    await(() -> seen.size() == 40);
    assertThat(engineWatches.get()).isEqualTo(2);
  }

  @Test
  void aClosedWatchReceivesNothingMore() throws Exception {
    List<Long> seen = new CopyOnWriteArrayList<>();
    Watch watch = store.watch("/c/", store.currentRevision(), recorder(seen));
    put("/c/1", "v");
    await(() -> seen.size() == 1);
    watch.close();
    put("/c/2", "v");
    List<Long> other = new CopyOnWriteArrayList<>();
    store.watch("/c/", store.currentRevision() - 1, recorder(other));
    await(() -> other.size() == 1);
    assertThat(seen).hasSize(1);
  }

  private static WatchListener recorder(List<Long> into) {
    return new WatchListener() {
      @Override
      public void onEvents(List<WatchEvent> events) {
        events.forEach(e -> into.add(e.revision()));
      }
    };
  }

  private static void await(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("condition within 10 s").isLessThan(deadline);
      Thread.sleep(10);
    }
  }
}
