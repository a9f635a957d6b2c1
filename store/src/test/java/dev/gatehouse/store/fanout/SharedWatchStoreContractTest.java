package dev.gatehouse.store.fanout;

import dev.gatehouse.store.MutableClock;
import dev.gatehouse.store.Store;
import dev.gatehouse.store.StoreContractTest;
import dev.gatehouse.store.sqlite.SqliteStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * The store contract through the shared watch, with a window of only 4 events so that both paths are taken:
 * watches from inside the window are served from it, older ones go to the engine.
 */
class SharedWatchStoreContractTest extends StoreContractTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2025-01-01T00:00:00Z"));

  @Override
  protected Store newStore(Path dir) {
    return new SharedWatchStore(SqliteStore.open(dir, SqliteStore.Options.defaults().withClock(clock)
        .withLeaseCheckInterval(Duration.ofMillis(20)).withCompaction(Duration.ZERO, 0)), 4);
  }

  @Override
  protected void advanceTime(Duration d) {
    clock.advance(d);
  }
}
