package dev.gatehouse.store;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A value that exactly one writer creates, whichever replica gets there first (the CA, a signing key): read it;
 * when absent, create it with a put guarded by "the key does not exist"; when another replica won that race,
 * take its value. Every replica therefore ends up with the same bytes.
 */
public final class CreateOnce {
  private CreateOnce() {}

  /** The stored value of {@code key}, creating it from {@code create} if there is none yet. */
  public static byte[] value(Store store, String key, Supplier<byte[]> create) {
    Optional<byte[]> existing = read(store, key);
    if (existing.isPresent()) {
      return existing.get();
    }
    byte[] fresh = create.get();
    TxnResult result = store.txn(Txn.of(new Compare.CreateRevisionEquals(key, 0), new Op.Put(key, fresh),
        new Op.Get(key))).join();
    if (result.succeeded()) {
      return fresh;
    }
    KeyValue winner = result.results().get(0);
    if (winner == null) {
      throw new StoreException(key + " was created and deleted concurrently; try again");
    }
    return winner.value();
  }

  /** The current value of exactly {@code key}. */
  public static Optional<byte[]> read(Store store, String key) {
    List<KeyValue> kvs = store.range(RangeRequest.get(key)).kvs();
    return kvs.isEmpty() ? Optional.empty() : Optional.of(kvs.get(0).value());
  }
}
