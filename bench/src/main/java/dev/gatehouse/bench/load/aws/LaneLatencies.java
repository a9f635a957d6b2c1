package dev.gatehouse.bench.load.aws;

import java.util.Arrays;
import java.util.List;

/**
 * Every latency (nanoseconds) recorded by one lane thread, exact, without locking; lanes are merged once the
 * window has closed. (The Vert.x generator's {@code Latencies} is shared by event loops and locks; here each
 * lane is its own thread.)
 */
final class LaneLatencies {
  private long[] values = new long[1 << 14];
  private int size;

  void record(long nanos) {
    if (size == values.length) {
      values = Arrays.copyOf(values, size * 2);
    }
    values[size++] = nanos;
  }

  /** Percentiles in milliseconds (nearest rank); all zero when nothing was recorded. */
  record Summary(int count, double p50Millis, double p99Millis, double maxMillis) {
    static Summary of(List<LaneLatencies> lanes) {
      int total = lanes.stream().mapToInt(l -> l.size).sum();
      long[] all = new long[total];
      int at = 0;
      for (LaneLatencies lane : lanes) {
        System.arraycopy(lane.values, 0, all, at, lane.size);
        at += lane.size;
      }
      if (total == 0) {
        return new Summary(0, 0, 0, 0);
      }
      Arrays.sort(all);
      return new Summary(total, millis(percentile(all, 50)), millis(percentile(all, 99)), millis(all[total - 1]));
    }

    private static long percentile(long[] sorted, double p) {
      int rank = (int) Math.ceil(p / 100.0 * sorted.length);
      return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    private static double millis(long nanos) {
      return nanos / 1e6;
    }
  }
}
