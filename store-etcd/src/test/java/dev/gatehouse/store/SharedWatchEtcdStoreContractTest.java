package dev.gatehouse.store;

import dev.gatehouse.store.fanout.SharedWatchStore;
import java.nio.file.Path;

/** The store contract against a real etcd through the shared watch, as `serve --store etcd://` runs it. */
class SharedWatchEtcdStoreContractTest extends EtcdStoreContractTest {
  @Override
  protected Store newStore(Path dir) {
    return new SharedWatchStore(super.newStore(dir));
  }
}
