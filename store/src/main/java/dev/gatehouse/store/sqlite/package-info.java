/**
 * The embedded {@link dev.gatehouse.store.Store} engine on SQLite.
 *
 * <h2>Data model</h2>
 * Like k3s's kine, one append-only table {@code log} holds every write: one row per key per revision with the
 * key's state after the write ({@code create_revision}, {@code version}, {@code lease}, {@code value}), a
 * {@code deleted} flag for tombstones and {@code prev_revision}, the modRevision of the value the write
 * replaced (so a watch replay can attach {@code prevKv}). Unlike kine, a transaction's writes all share one
 * revision, as in etcd; rows are ordered by their rowid within a revision. {@code meta} keeps the counters
 * (current revision, compact revision, lease id sequence) and {@code lease} the granted leases with their
 * deadlines.
 *
 * <h2>Threads</h2>
 * <ul>
 *   <li>{@code store-writer} ({@link dev.gatehouse.store.sqlite.GroupCommitWriter}): the only writer; one
 *       SQLite transaction and one fsync per batch of queued requests.</li>
 *   <li>{@code store-watch-dispatch} ({@link dev.gatehouse.store.sqlite.WatchHub}): files committed events
 *       into watch queues.</li>
 *   <li>{@code store-watch-N}: call watch listeners and replay watch history.</li>
 *   <li>{@code store-complete-N}: complete callers' futures, so their callbacks never run on the writer.</li>
 *   <li>{@code store-timer}: lease expiry, periodic compaction, progress notifications.</li>
 * </ul>
 *
 * <h2>Reads</h2>
 * Current-revision reads come from {@link dev.gatehouse.store.sqlite.KeyIndex} in memory; reads at an older
 * revision and watch history come from the log through pooled reader connections (WAL mode lets them run
 * beside the writer).
 *
 * <h2>Compaction</h2>
 * Keeps, at or below the compact revision, exactly the latest live row of every key, which is what reads at
 * the compact revision or later and watch replays after it need; see {@link dev.gatehouse.store.sqlite.LogWriter}.
 */
package dev.gatehouse.store.sqlite;
