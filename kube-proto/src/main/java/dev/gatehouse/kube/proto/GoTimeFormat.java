package dev.gatehouse.kube.proto;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/** Go's text forms of times and durations, as the apimachinery JSON marshallers produce them. */
final class GoTimeFormat {

    /** {@code time.Time{}.Unix()}: the Unix second of Go's zero time, January 1 of year 1, UTC. */
    static final long GO_ZERO_TIME_UNIX_SECONDS = -62_135_596_800L;

    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private GoTimeFormat() {
    }

    /** {@code time.RFC3339} in UTC, e.g. {@code 2024-01-02T03:04:05Z}. */
    static String rfc3339(long unixSeconds) {
        return dateTime(unixSeconds) + "Z";
    }

    /** apimachinery's {@code RFC3339Micro} in UTC, e.g. {@code 2024-01-02T03:04:05.123456Z}. */
    static String rfc3339Micro(long unixSeconds, long nanosOfSecond) {
        return dateTime(unixSeconds) + String.format(".%06dZ", nanosOfSecond / 1000);
    }

    private static String dateTime(long unixSeconds) {
        LocalDateTime t;
        try {
            t = LocalDateTime.ofEpochSecond(unixSeconds, 0, ZoneOffset.UTC);
        } catch (DateTimeException e) {
            throw new DecodeFailure("time out of range: " + unixSeconds + " seconds since the Unix epoch");
        }
        int year = t.getYear();
        // Go pads the absolute year to four digits and prefixes a minus sign for years before 0.
        String yearText = (year < 0 ? "-" : "") + String.format("%04d", Math.abs(year));
        return String.format("%s-%02d-%02dT%02d:%02d:%02d", yearText, t.getMonthValue(), t.getDayOfMonth(),
                t.getHour(), t.getMinute(), t.getSecond());
    }

    /** Go's {@code time.Duration.String()}: {@code 0s}, {@code 1.5s}, {@code 1m0s}, {@code 2h45m0.5s}, {@code 300ms}. */
    static String duration(long nanos) {
        if (nanos == 0) {
            return "0s";
        }
        boolean negative = nanos < 0;
        // The magnitude of Long.MIN_VALUE does not fit a long; unsigned arithmetic handles it, as Go's uint64 does.
        long magnitude = negative ? -nanos : nanos;
        StringBuilder out = new StringBuilder();
        if (Long.compareUnsigned(magnitude, NANOS_PER_SECOND) < 0) {
            if (magnitude < 1_000L) {
                out.append(magnitude).append("ns");
            } else if (magnitude < 1_000_000L) {
                out.append(decimal(magnitude, 3)).append("µs");
            } else {
                out.append(decimal(magnitude, 6)).append("ms");
            }
        } else {
            long seconds = Long.divideUnsigned(magnitude, NANOS_PER_SECOND);
            String fraction = fraction(Long.remainderUnsigned(magnitude, NANOS_PER_SECOND), 9);
            long minutes = seconds / 60;
            long hours = minutes / 60;
            if (hours > 0) {
                out.append(hours).append('h');
            }
            if (minutes > 0) {
                out.append(minutes % 60).append('m');
            }
            out.append(seconds % 60).append(fraction).append('s');
        }
        return (negative ? "-" : "") + out;
    }

    /** {@code value / 10^digits} with the fraction's trailing zeros (and a bare point) removed. */
    private static String decimal(long value, int digits) {
        long scale = (long) Math.pow(10, digits);
        return (value / scale) + fraction(value % scale, digits);
    }

    private static String fraction(long remainder, int digits) {
        if (remainder == 0) {
            return "";
        }
        String text = String.format("%0" + digits + "d", remainder);
        int end = text.length();
        while (text.charAt(end - 1) == '0') {
            end--;
        }
        return "." + text.substring(0, end);
    }
}
