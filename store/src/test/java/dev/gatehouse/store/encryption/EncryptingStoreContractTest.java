package dev.gatehouse.store.encryption;

import dev.gatehouse.store.MutableClock;
import dev.gatehouse.store.Store;
import dev.gatehouse.store.StoreContractTest;
import dev.gatehouse.store.sqlite.SqliteStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/** The whole store contract through the encryption layer with every key sealed: the layer changes no semantics. */
class EncryptingStoreContractTest extends StoreContractTest {
  private static final EncryptionKey KEY = EncryptionKey.generate();
  private final MutableClock clock = new MutableClock(Instant.parse("2025-01-01T00:00:00Z"));

  @Override
  protected Store newStore(Path dir) {
    SqliteStore engine = SqliteStore.open(dir, SqliteStore.Options.defaults().withClock(clock)
        .withLeaseCheckInterval(Duration.ofMillis(20)).withCompaction(Duration.ZERO, 0));
    return new EncryptingStore(engine, new Sealer(KEY), key -> true);
  }

  @Override
  protected void advanceTime(Duration d) {
    clock.advance(d);
  }
}
