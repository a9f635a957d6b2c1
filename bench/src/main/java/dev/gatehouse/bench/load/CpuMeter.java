package dev.gatehouse.bench.load;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Optional;

/**
 * CPU seconds used by the server process and by this one during a window: on a 2-core machine shared by the
 * load generator, a throughput figure means little without knowing who burned the cores.
 */
final class CpuMeter {
  private final Optional<ProcessHandle> server;
  private long serverStart;
  private long clientStart;
  private long wallStart;

  CpuMeter(long serverPid) {
    this.server = serverPid > 0 ? ProcessHandle.of(serverPid) : Optional.empty();
  }

  void start() {
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

  private long serverCpuNanos() {
    return server.flatMap(p -> p.info().totalCpuDuration()).map(Duration::toNanos).orElse(0L);
  }

  private static long clientCpuNanos() {
    var os = ManagementFactory.getOperatingSystemMXBean();
    if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
      return sun.getProcessCpuTime();
    }
    return 0;
  }
}
