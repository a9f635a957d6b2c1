package dev.gatehouse.coordination.testing;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Polls a condition until it holds or a deadline passes. */
public final class Eventually {
  private Eventually() {}

  /** Waits until {@code condition} holds; fails with {@code what} after {@code within}. Returns the wait in ms. */
  public static long await(Duration within, String what, BooleanSupplier condition) {
    long start = System.nanoTime();
    long deadline = start + within.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() - deadline > 0) {
        throw new AssertionError("not within " + within.toMillis() + " ms: " + what);
      }
      sleep(10);
    }
    return (System.nanoTime() - start) / 1_000_000;
  }

  public static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }
}
