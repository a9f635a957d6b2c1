package dev.gatehouse.kube.meta.printers;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Upstream {@code k8s.io/apimachinery/pkg/util/duration.HumanDuration}: about two significant units
 * ({@code 5s}, {@code 3m2s}, {@code 2d3h}, {@code 45d}, {@code 2y100d}), tolerating up to two seconds of clock
 * skew before printing {@code <invalid>}.
 */
public final class HumanDuration {
    private HumanDuration() {
    }

    private static final long SECOND = 1_000_000_000L;
    private static final long MINUTE = 60 * SECOND;
    private static final long HOUR = 60 * MINUTE;

    public static String format(Duration d) {
        long nanos = saturatedNanos(d);
        long seconds = nanos / SECOND; // truncates toward zero, as Go's int(d.Seconds())
        if (seconds < -1) {
            return "<invalid>";
        } else if (seconds < 0) {
            return "0s";
        } else if (seconds < 60 * 2) {
            return seconds + "s";
        }
        long minutes = nanos / MINUTE;
        if (minutes < 10) {
            long s = (nanos / SECOND) % 60;
            return s == 0 ? minutes + "m" : minutes + "m" + s + "s";
        } else if (minutes < 60 * 3) {
            return minutes + "m";
        }
        long hours = nanos / HOUR;
        if (hours < 8) {
            long m = (nanos / MINUTE) % 60;
            return m == 0 ? hours + "h" : hours + "h" + m + "m";
        } else if (hours < 48) {
            return hours + "h";
        } else if (hours < 24 * 8) {
            long h = hours % 24;
            return h == 0 ? hours / 24 + "d" : hours / 24 + "d" + h + "h";
        } else if (hours < 24 * 365 * 2) {
            return hours / 24 + "d";
        } else if (hours < 24 * 365 * 8) {
            long dy = (hours / 24) % 365;
            return dy == 0 ? hours / 24 / 365 + "y" : hours / 24 / 365 + "y" + dy + "d";
        }
        return hours / 24 / 365 + "y";
    }

    /**
     * Upstream {@code translateTimestampSince}: {@code <unknown>} for an unset timestamp, else the human
     * duration from {@code timestamp} to {@code now}.
     */
    public static String since(Optional<Instant> timestamp, Instant now) {
        return timestamp.map(t -> format(Duration.between(t, now))).orElse("<unknown>");
    }

    /** Go durations are int64 nanoseconds; {@code time.Since} saturates instead of overflowing. */
    private static long saturatedNanos(Duration d) {
        try {
            return d.toNanos();
        } catch (ArithmeticException e) {
            return d.isNegative() ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
    }
}
