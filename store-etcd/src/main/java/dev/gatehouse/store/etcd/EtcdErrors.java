package dev.gatehouse.store.etcd;

import dev.gatehouse.store.StoreException;
import io.etcd.jetcd.common.exception.ErrorCode;
import io.grpc.Status;
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

  /**
   * Whether a watch stream's failure may be about the stream rather than the watch, so that a new stream from
   * the same revision may well work: the member died or lost its leader, the connection broke (gRPC UNAVAILABLE,
   * INTERNAL, or UNKNOWN "channel closed" when Netty's channel closed under a write), a deadline or abort.
   * Resuming is always correct (the new stream starts after the last revision received); this only spares
   * pointless retries of what etcd refuses for good (compaction, a future revision, permissions, bad requests).
   */
  static boolean isTransient(Throwable error) {
    Throwable t = unwrap(error);
    if (t instanceof io.etcd.jetcd.common.exception.CompactedException) {
      return false;
    }
    Status.Code code = t instanceof io.etcd.jetcd.common.exception.EtcdException e
        ? Status.Code.valueOf(e.getErrorCode().name()) : Status.fromThrowable(t).getCode();
    return switch (code) {
      case UNAVAILABLE, INTERNAL, UNKNOWN, DEADLINE_EXCEEDED, ABORTED, CANCELLED -> true;
      default -> false;
    };
  }

  /**
   * A failed write whose outcome etcd leaves open: the request may have reached the leader and been committed
   * although no answer came back (the member died or lost its leader, the connection dropped, etcd's own
   * request timeout struck). Such a write is never retried here (a retry could apply it twice, or report a
   * conflict with itself), and the message says the caller cannot know.
   */
  static StoreException writeFailure(String what, Throwable error) {
    Throwable t = unwrap(error);
    if (t instanceof StoreException se) {
      return se;
    }
    Status.Code code = t instanceof io.etcd.jetcd.common.exception.EtcdException e
        ? Status.Code.valueOf(e.getErrorCode().name()) : Status.fromThrowable(t).getCode();
    boolean unknownOutcome = t instanceof TimeoutException || switch (code) {
      case UNAVAILABLE, DEADLINE_EXCEEDED, UNKNOWN, INTERNAL, CANCELLED, ABORTED -> true;
      default -> false;
    };
    if (!unknownOutcome) {
      return generic(what, error);
    }
    String why = t instanceof TimeoutException ? "got no answer in time" : "failed: " + t.getMessage();
    return new StoreException("etcd: " + what + " " + why + " (outcome unknown: the write may still have happened)", t);
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
