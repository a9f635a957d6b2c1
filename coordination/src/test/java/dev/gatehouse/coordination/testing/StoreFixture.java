package dev.gatehouse.coordination.testing;

import dev.gatehouse.store.Store;

/** One store engine under test, shared by several simulated replicas. */
public interface StoreFixture extends AutoCloseable {
  /** A client of the shared store for one replica; closing it leaves the shared data in place. */
  Store replicaStore();

  /** A client for the test's own reads and writes. */
  Store admin();

  /** Closes every client this fixture handed out, and the engine. */
  @Override
  void close();
}
