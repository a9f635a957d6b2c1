package dev.gatehouse.store;

import java.util.concurrent.CompletableFuture;

/**
 * An etcd-shaped key-value store: one monotonically increasing revision for the whole store, range reads,
 * compare-and-swap transactions, watches from a revision, compaction and leases.
 *
 * <p>Durability: a write's future completes only once the write is durable (survives a crash or SIGKILL of
 * the process). Implementations may batch several writers into one sync (group commit).
 *
 * <p>Implementations are thread-safe. Nothing here is specific to one engine: the embedded SQLite engine and
 * the etcd engine both implement it.
 */
public interface Store extends AutoCloseable {
  /** The revision of the last committed write (0 for an empty store). */
  long currentRevision();

  /** History at or below this revision is gone: reads and watches must ask for a later one (0: nothing compacted). */
  long compactRevision();

  RangeResult range(RangeRequest request);

  CompletableFuture<TxnResult> txn(Txn txn);

  /**
   * Watches keys with {@code prefix} (exact key when {@code prefix} ends without '/' is still a prefix match):
   * delivers every change with revision &gt; {@code afterRevision}, first the historic ones, then live ones.
   *
   * @throws CompactedException if revisions after {@code afterRevision} have been compacted
   */
  Watch watch(String prefix, long afterRevision, WatchListener listener);

  /** Discards history up to and including {@code revision}; latest values are kept. */
  CompletableFuture<Void> compact(long revision);

  /** Grants a lease; keys put with it are deleted when it expires or is revoked. */
  CompletableFuture<Long> grantLease(long ttlSeconds);

  CompletableFuture<Void> keepAlive(long leaseId);

  CompletableFuture<Void> revokeLease(long leaseId);

  @Override
  void close();
}
