package dev.gatehouse.coordination.election;

import dev.gatehouse.store.StoreException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The election thread's waiting: every wait is bounded by a deadline and ends early when the election is
 * closed (with {@link Closing}); pauses also end when a watch signal {@link #wake()}s the thread. Synchronous
 * store calls run on an I/O pool so that a hung store cannot hold the election thread past a deadline.
 */
final class Deadlines {
  /** Unwinds the election thread once {@link #close()} has been called. */
  static final class Closing extends RuntimeException {
    Closing() {
      super("leader election closing", null, false, false);
    }
  }

  private final CompletableFuture<Void> closing = new CompletableFuture<>();
  private final Semaphore wake = new Semaphore(0);
  private final ExecutorService io;

  Deadlines(String threadPrefix) {
    AtomicInteger n = new AtomicInteger();
    this.io = Executors.newCachedThreadPool(runnable -> {
      Thread thread = new Thread(runnable, threadPrefix + "-" + n.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    });
  }

  /** Makes every current and later wait throw {@link Closing}. */
  void close() {
    closing.complete(null);
    wake.release();
  }

  boolean closing() {
    return closing.isDone();
  }

  /** Ends the current (or next) {@link #pause}. Safe from any thread; never blocks. */
  void wake() {
    wake.release();
  }

  /** Lets the I/O threads end once their calls return. */
  void shutdown() {
    io.shutdown();
  }

  /** Sleeps up to {@code nanos}, less when woken. */
  void pause(long nanos) {
    throwIfClosing();
    try {
      if (wake.tryAcquire(Math.max(0, nanos), TimeUnit.NANOSECONDS)) {
        wake.drainPermits();
      }
    } catch (InterruptedException e) {
      closing.complete(null); // nobody but close() has reason to interrupt the election thread
    }
    throwIfClosing();
  }

  /** The future's value, waiting at most {@code nanos}; a timeout is a {@link StoreException}. */
  <T> T await(CompletableFuture<T> future, long nanos) {
    if (!waitFor(future, nanos)) {
      throw new StoreException("the store did not answer within " + TimeUnit.NANOSECONDS.toMillis(nanos) + " ms");
    }
    try {
      return future.join();
    } catch (CompletionException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      throw cause instanceof RuntimeException runtime ? runtime : new StoreException(cause.toString(), cause);
    }
  }

  /** Whether {@code future} completed (normally or not) within {@code nanos}. */
  boolean waitFor(CompletableFuture<?> future, long nanos) {
    try {
      CompletableFuture.anyOf(future, closing).get(Math.max(0, nanos), TimeUnit.NANOSECONDS);
    } catch (TimeoutException | ExecutionException e) {
      // timed out, or the future failed: told apart below
    } catch (InterruptedException e) {
      closing.complete(null);
    }
    if (future.isDone()) {
      return true;
    }
    throwIfClosing();
    return false;
  }

  /** Like {@link #waitFor} but not cut short by closing: for the last steps of a resignation. */
  static boolean waitQuietly(CompletableFuture<?> future, long nanos) {
    try {
      future.get(Math.max(0, nanos), TimeUnit.NANOSECONDS);
      return true;
    } catch (TimeoutException | ExecutionException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Runs a synchronous store call on the I/O pool and awaits it. */
  <T> T call(Supplier<T> storeCall, long nanos) {
    return await(CompletableFuture.supplyAsync(storeCall, io), nanos);
  }

  /**
   * Like {@link #call}, for calls that return something to close (a watch): when the wait gives up, the
   * result is closed whenever it arrives.
   */
  <T extends AutoCloseable> T open(Supplier<T> storeCall, long nanos) {
    CompletableFuture<T> opening = CompletableFuture.supplyAsync(storeCall, io);
    try {
      return await(opening, nanos);
    } catch (RuntimeException e) {
      opening.thenAccept(Deadlines::closeQuietly);
      throw e;
    }
  }

  private void throwIfClosing() {
    if (closing.isDone()) {
      throw new Closing();
    }
  }

  private static void closeQuietly(AutoCloseable closeable) {
    try {
      closeable.close();
    } catch (Exception ignored) {
      // nobody listens to it any more
    }
  }
}
