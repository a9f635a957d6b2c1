package dev.gatehouse.kube.authn.tokens.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock tests move by hand. */
public final class MutableClock extends Clock {
    /** 2025-05-01T12:00:00Z, the issue time of every test token. */
    public static final Instant T0 = Instant.parse("2025-05-01T12:00:00Z");
    private volatile Instant now;

    public MutableClock(Instant now) {
        this.now = now;
    }

    public MutableClock() {
        this(T0);
    }

    public void advance(Duration by) {
        now = now.plus(by);
    }

    public void set(Instant instant) {
        now = instant;
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
