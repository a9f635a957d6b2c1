package dev.gatehouse.coordination.election;

import java.time.Duration;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * Timing of a {@link LeaderElection}.
 *
 * @param ttl           lease time to live: how long the key outlives a leader that stops renewing. Rounded up
 *                      to whole seconds for the store (etcd may grant more: its minimum is about 2 s).
 * @param renewInterval how long after the last successful renewal the leader renews again
 * @param renewDeadline the leader steps down once this long has passed since the start of its last
 *                      successful renewal; below {@code ttl}, so it stops before the lease can expire and
 *                      another replica take over
 * @param retryMin      first pause after a failed store call, and between renewal retries
 * @param retryMax      the longest pause between attempts while the store is unavailable
 * @param ticker        monotonic nanoseconds ({@link System#nanoTime()} outside tests)
 */
public record ElectionOptions(Duration ttl, Duration renewInterval, Duration renewDeadline, Duration retryMin,
                              Duration retryMax, LongSupplier ticker) {
  public ElectionOptions {
    Objects.requireNonNull(ttl, "ttl");
    Objects.requireNonNull(renewInterval, "renewInterval");
    Objects.requireNonNull(renewDeadline, "renewDeadline");
    Objects.requireNonNull(retryMin, "retryMin");
    Objects.requireNonNull(retryMax, "retryMax");
    Objects.requireNonNull(ticker, "ticker");
    require(ttl.compareTo(Duration.ofSeconds(1)) >= 0, "ttl must be at least 1s, got " + ttl);
    require(positive(renewInterval), "renewInterval must be positive");
    require(renewDeadline.compareTo(renewInterval) > 0, "renewDeadline must be longer than renewInterval");
    require(renewDeadline.compareTo(ttl) < 0, "renewDeadline must be shorter than ttl");
    require(positive(retryMin), "retryMin must be positive");
    require(retryMax.compareTo(retryMin) >= 0, "retryMax must not be shorter than retryMin");
  }

  /** Renews every ttl/3, steps down after 2/3 ttl without a renewal, retries from 100 ms up to min(ttl, 5 s). */
  public static ElectionOptions forTtl(Duration ttl) {
    Duration retryMax = ttl.compareTo(Duration.ofSeconds(5)) < 0 ? ttl : Duration.ofSeconds(5);
    return new ElectionOptions(ttl, ttl.dividedBy(3), ttl.multipliedBy(2).dividedBy(3), Duration.ofMillis(100),
        retryMax, System::nanoTime);
  }

  public ElectionOptions withTicker(LongSupplier newTicker) {
    return new ElectionOptions(ttl, renewInterval, renewDeadline, retryMin, retryMax, newTicker);
  }

  public ElectionOptions withRetry(Duration min, Duration max) {
    return new ElectionOptions(ttl, renewInterval, renewDeadline, min, max, ticker);
  }

  /** The lease TTL to ask the store for: {@code ttl} rounded up to whole seconds. */
  long leaseSeconds() {
    return (ttl.toMillis() + 999) / 1000;
  }

  private static boolean positive(Duration d) {
    return !d.isNegative() && !d.isZero();
  }

  private static void require(boolean ok, String message) {
    if (!ok) {
      throw new IllegalArgumentException("leader election: " + message);
    }
  }
}
