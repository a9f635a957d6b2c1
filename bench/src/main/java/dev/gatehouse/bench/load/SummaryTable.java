package dev.gatehouse.bench.load;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/** Prints results as a fixed-width table, with the project's targets and whether each run met them. */
final class SummaryTable {
  private SummaryTable() {}

  /** The target for a scenario, as text, and whether a result meets it. */
  static String target(String scenario) {
    return switch (scenario) {
      case "get" -> ">= 20000/s";
      case "list500" -> ">= 1000/s";
      case "ssar" -> ">= 10000/s";
      case "create" -> ">= 5000/s";
      case "watch-fanout" -> "p99 <= 100 ms";
      default -> "(baseline)";
    };
  }

  static String verdict(ScenarioResult r) {
    return switch (r.scenario()) {
      case "get" -> met(r.perSecond() >= 20_000);
      case "list500" -> met(r.perSecond() >= 1_000);
      case "create" -> met(r.perSecond() >= 5_000);
      case "watch-fanout" -> met(r.latency().p99Millis() <= 100 && r.errors() == 0);
      default -> "";
    };
  }

  private static String met(boolean ok) {
    return ok ? "MET" : "MISSED";
  }

  static void print(PrintStream out, List<ScenarioResult> results) {
    String header = String.format(Locale.ROOT, "%-5s %-13s %9s %8s %8s %8s %7s %7s %7s %9s  %-14s %s",
        "round", "scenario", "ops/s", "p50 ms", "p99 ms", "max ms", "errors", "srv cpu", "cli cpu", "srv us/op",
        "target", "");
    out.println(header);
    out.println("-".repeat(header.length()));
    for (ScenarioResult r : results) {
      out.println(String.format(Locale.ROOT, "%-5d %-13s %9.0f %8.2f %8.2f %8.2f %7d %7s %7s %9s  %-14s %s",
          r.round(), r.scenario(), r.perSecond(), r.latency().p50Millis(), r.latency().p99Millis(),
          r.latency().maxMillis(), r.errors(), cores(r.serverCores()), cores(r.clientCores()),
          cpuPerOp(r), target(r.scenario()), verdict(r)));
    }
    out.println();
    out.println("srv/cli cpu = cores busy in the server / in this load generator during the window; srv us/op ="
        + " server CPU microseconds per operation (less sensitive to other load on the machine than ops/s);"
        + " watch-fanout ops/s = events delivered per second, latency = write acknowledged -> event received.");
    for (ScenarioResult r : results) {
      out.println(String.format(Locale.ROOT, "  [%d %s] %s", r.round(), r.scenario(), r.note()));
    }
  }

  private static String cpuPerOp(ScenarioResult r) {
    if (Double.isNaN(r.serverCores()) || r.perSecond() == 0) {
      return "-";
    }
    return String.format(Locale.ROOT, "%.1f", r.serverCores() * 1e6 / r.perSecond());
  }

  private static String cores(double value) {
    return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.2f", value);
  }
}
