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
 *
 * <p>Values: the store keeps the {@code byte[]} it is given and hands the same arrays to readers; neither side
 * may modify an array after passing or receiving it.
 */
public interface Store extends AutoCloseable {
  /** The revision of the last committed write (0 for an empty store). */
  long currentRevision();

  /** History at or below this revision is gone: reads and watches must ask for a later one (0: nothing compacted). */
  long compactRevision();

  /**
   * Reads keys at the current revision ({@code request.revision() == 0}) or at an older one.
   *
   * <p>Reads at the current revision are served from memory and never block on I/O; reads at an older revision
   * may touch disk, so callers on an event loop should run those on a worker.
   *
   * @throws CompactedException      if {@code request.revision()} is below {@link #compactRevision()}
   * @throws FutureRevisionException if {@code request.revision()} is above {@link #currentRevision()}
   */
  RangeResult range(RangeRequest request);

  /**
   * Runs a transaction. The future fails with {@link LeaseNotFoundException} when a Put names an unknown lease
   * and with {@link StoreException} when two writes of the executed branch touch the same key; nothing is
   * written then.
   */
  CompletableFuture<TxnResult> txn(Txn txn);

  /**
   * Watches keys with {@code prefix} (exact key when {@code prefix} ends without '/' is still a prefix match):
   * delivers every change with revision &gt; {@code afterRevision}, first the historic ones, then live ones, in
   * revision order without gaps or duplicates. Pass {@link #currentRevision()} to see only future changes.
   *
   * <p>PUT events carry {@code prevKv} too when the key existed before. {@link WatchListener#onClosed} is called
   * when the store ends the watch (store closed, listener too slow, history compacted while catching up), not
   * after the owner's own {@link Watch#close()}.
   *
   * @throws CompactedException if revisions after {@code afterRevision} have been compacted
   */
  Watch watch(String prefix, long afterRevision, WatchListener listener);

  /**
   * Discards history up to and including {@code revision}; latest values are kept. Compacting at or below the
   * current {@link #compactRevision()} succeeds without effect; above {@link #currentRevision()} the future
   * fails with {@link FutureRevisionException}.
   */
  CompletableFuture<Void> compact(long revision);

  /** Grants a lease; keys put with it are deleted when it expires or is revoked. */
  CompletableFuture<Long> grantLease(long ttlSeconds);

  /** Restarts the lease's full TTL; fails with {@link LeaseNotFoundException} once it has expired. */
  CompletableFuture<Void> keepAlive(long leaseId);

  /** Deletes the lease's keys (at one new revision, with DELETE events) and the lease itself. */
  CompletableFuture<Void> revokeLease(long leaseId);

  /**
   * Stops the store: pending writes complete or fail, running watches end with
   * {@link WatchListener#onClosed}, later calls fail with {@link StoreException}.
   */
  @Override
  void close();
}
