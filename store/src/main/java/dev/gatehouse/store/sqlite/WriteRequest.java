package dev.gatehouse.store.sqlite;

import dev.gatehouse.store.Txn;
import dev.gatehouse.store.TxnResult;
import java.util.concurrent.CompletableFuture;

/** Work for the writer thread. Each request's future completes only after the batch holding it is durable. */
sealed interface WriteRequest {
  CompletableFuture<?> future();

  record ApplyTxn(Txn txn, CompletableFuture<TxnResult> future) implements WriteRequest {}

  record Compact(long revision, CompletableFuture<Void> future) implements WriteRequest {}

  record GrantLease(long ttlSeconds, CompletableFuture<Long> future) implements WriteRequest {}

  record KeepAlive(long leaseId, CompletableFuture<Void> future) implements WriteRequest {}

  /** @param onlyIfExpired from the expiry timer: do nothing if a keep-alive got there first */
  record RevokeLease(long leaseId, boolean onlyIfExpired, CompletableFuture<Void> future) implements WriteRequest {}

  /** Enqueued last by close(): the writer finishes what is ahead of it and stops. */
  record Shutdown(CompletableFuture<Void> future) implements WriteRequest {}
}
