package dev.gatehouse.coordination.testing;

import dev.gatehouse.store.Store;
import dev.gatehouse.store.sqlite.SqliteStore;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The embedded engine: one store in a temporary directory, seen by every replica through its own wrapper
 * (replicas of the embedded engine share a process). Leases are checked every 50 ms so that short test TTLs
 * expire promptly; the store's own periodic compaction is off.
 */
public final class SqliteFixture implements StoreFixture {
  private final SqliteStore store;

  public SqliteFixture(Path dir) {
    this.store = SqliteStore.open(dir, SqliteStore.Options.defaults()
        .withLeaseCheckInterval(Duration.ofMillis(50))
        .withCompaction(Duration.ZERO, 0));
  }

  @Override
  public Store replicaStore() {
    return new UnreliableStore(store);
  }

  @Override
  public Store admin() {
    return store;
  }

  @Override
  public void close() {
    store.close();
  }
}
