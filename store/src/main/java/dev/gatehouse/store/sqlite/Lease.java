package dev.gatehouse.store.sqlite;

/** A granted lease: it expires at {@code deadlineMillis} (epoch millis of the store's clock) unless kept alive. */
record Lease(long id, long ttlSeconds, long deadlineMillis) {
  boolean expiredAt(long nowMillis) {
    return deadlineMillis <= nowMillis;
  }

  Lease renewedAt(long nowMillis) {
    return new Lease(id, ttlSeconds, nowMillis + ttlSeconds * 1000);
  }
}
