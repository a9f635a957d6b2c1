package dev.gatehouse.bench.load.aws;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Optional;

/**
 * CPU used by the server process and by this load generator over a window, in cores busy: on two shared cores
 * a throughput figure only means something next to who burned them. (Same idea as the Vert.x generator's
 * {@code CpuMeter}, which is package-private there.)
 */
final class CpuWindow {
  /** Cores busy in the window; server NaN when its pid is unknown. */
  record Cores(double server, double client) {}

  private final Optional<ProcessHandle> server;
  private long serverStart;
  private long clientStart;
  private long wallStart;

  CpuWindow(long serverPid) {
    this.server = serverPid > 0 ? ProcessHandle.of(serverPid) : Optional.empty();
  }

  void start() {
    serverStart = serverCpuNanos();
    clientStart = clientCpuNanos();
    wallStart = System.nanoTime();
  }

  Cores stop() {
    double wall = System.nanoTime() - wallStart;
    double serverCores = server.isEmpty() ? Double.NaN : (serverCpuNanos() - serverStart) / wall;
    return new Cores(serverCores, (clientCpuNanos() - clientStart) / wall);
  }

  private long serverCpuNanos() {
    return server.flatMap(p -> p.info().totalCpuDuration()).map(Duration::toNanos).orElse(0L);
  }

  private static long clientCpuNanos() {
    if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean sun) {
      return sun.getProcessCpuTime();
    }
    return 0;
  }
}
