package dev.gatehouse.coordination.election;

import java.time.Duration;

/** Doubling pauses between failed attempts, from {@code min} up to {@code max}; reset after a success. */
final class Backoff {
  private final long minNanos;
  private final long maxNanos;
  private long nextNanos;
  private int failures;

  Backoff(Duration min, Duration max) {
    this.minNanos = min.toNanos();
    this.maxNanos = max.toNanos();
    this.nextNanos = minNanos;
  }

  /** The pause before the next attempt; each call doubles the one after. */
  long nextPauseNanos() {
    long pause = nextNanos;
    nextNanos = Math.min(maxNanos, nextNanos * 2);
    failures++;
    return pause;
  }

  /** Failures since the last {@link #reset()}. */
  int failures() {
    return failures;
  }

  void reset() {
    nextNanos = minNanos;
    failures = 0;
  }
}
