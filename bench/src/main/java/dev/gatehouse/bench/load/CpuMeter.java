package dev.gatehouse.bench.load;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * CPU seconds used by the server process and by this one during a window: on a 2-core machine shared by the
 * load generator, a throughput figure means little without knowing who burned the cores.
 */
public final class CpuMeter {
  /** Cores busy in a window; server NaN when its pid is unknown. */
  public record Cores(double server, double client) {}

  /** The server's processes (e.g. a Gatehouse replica and its etcd), summed; empty when unknown. */
  private final List<ProcessHandle> server;
  private long serverStart;
  private long clientStart;
  private long wallStart;

  public CpuMeter(long serverPid) {
    this(serverPid > 0 ? List.of(serverPid) : List.of());
  }

  /** Counts the CPU of every process in {@code serverPids} as the server's (those already gone count 0). */
  public CpuMeter(List<Long> serverPids) {
    this.server = serverPids.stream().map(ProcessHandle::of).flatMap(Optional::stream).toList();
  }

  public void start() {
    serverStart = serverCpuNanos();
    clientStart = clientCpuNanos();
    wallStart = System.nanoTime();
  }

  /** Cores busy since {@link #start()}: {server, client}; server NaN when unknown. */
  double[] stop() {
    double wall = System.nanoTime() - wallStart;
    double serverCores = server.isEmpty() ? Double.NaN : (serverCpuNanos() - serverStart) / wall;
    return new double[] {serverCores, (clientCpuNanos() - clientStart) / wall};
  }

  /** {@link #stop()} as a record. */
  public Cores stopCores() {
    double[] cores = stop();
    return new Cores(cores[0], cores[1]);
  }

  private long serverCpuNanos() {
    return server.stream().mapToLong(p -> p.info().totalCpuDuration().map(Duration::toNanos).orElse(0L)).sum();
  }

  private static long clientCpuNanos() {
    var os = ManagementFactory.getOperatingSystemMXBean();
    if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
      return sun.getProcessCpuTime();
    }
    return 0;
  }
}
