package dev.gatehouse.store.etcd;

import dev.gatehouse.store.StoreException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * Recognises the etcd failures the store SPI names. etcd reports them as gRPC statuses whose description is a
 * fixed text (etcd's rpctypes); jetcd passes them on either as its own EtcdException or as a raw gRPC status
 * exception, so the texts are the stable thing to match on.
 */
final class EtcdErrors {
  enum Kind { LEASE_NOT_FOUND, COMPACTED, FUTURE_REVISION, DUPLICATE_KEY, OTHER }

  private EtcdErrors() {}

  static Throwable unwrap(Throwable t) {
    while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }

  static Kind classify(Throwable error) {
    for (Throwable t = unwrap(error); t != null; t = t.getCause()) {
      if (t instanceof io.etcd.jetcd.common.exception.CompactedException) {
        return Kind.COMPACTED;
      }
      String message = t.getMessage();
      if (message == null) {
        continue;
      }
      if (message.contains("requested lease not found")) {
        return Kind.LEASE_NOT_FOUND;
      }
      if (message.contains("required revision has been compacted")) {
        return Kind.COMPACTED;
      }
      if (message.contains("required revision is a future revision")) {
        return Kind.FUTURE_REVISION;
      }
      if (message.contains("duplicate key given in txn request")) {
        return Kind.DUPLICATE_KEY;
      }
    }
    return Kind.OTHER;
  }

  /** A failure the SPI has no name for, as a StoreException that says which request failed and why. */
  static StoreException generic(String what, Throwable error) {
    Throwable t = unwrap(error);
    if (t instanceof StoreException se) {
      return se;
    }
    if (t instanceof TimeoutException) {
      return new StoreException("etcd: " + what + " got no answer in time (the write may still have happened)", t);
    }
    if (t instanceof CancellationException) {
      return new StoreException("etcd: " + what + " was cancelled", t);
    }
    return new StoreException("etcd: " + what + " failed: " + t.getMessage(), t);
  }

  /** {@code future}, with its failure (if any) replaced by what {@code mapper} makes of it. */
  static <T> CompletableFuture<T> mapFailure(CompletableFuture<T> future, Function<Throwable, Throwable> mapper) {
    CompletableFuture<T> out = new CompletableFuture<>();
    future.whenComplete((value, error) -> {
      if (error == null) {
        out.complete(value);
      } else {
        out.completeExceptionally(mapper.apply(unwrap(error)));
      }
    });
    return out;
  }
}
