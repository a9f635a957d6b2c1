package dev.gatehouse.bench.load.aws;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/** The results as a fixed-width table, then Gatehouse/moto per scenario (best round of each). */
final class AwsSummaryTable {
  private AwsSummaryTable() {}

  static void print(PrintStream out, List<AwsResult> results) {
    String header = String.format(Locale.ROOT, "%-9s %-19s %5s %5s %9s %8s %8s %8s %7s %7s %7s %9s %8s  %-11s %s",
        "server", "scenario", "round", "conns", "req/s", "p50 ms", "p99 ms", "max ms", "errors", "srv cpu",
        "cli cpu", "srv us/op", "sign us", "target", "");
    out.println(header);
    out.println("-".repeat(header.length()));
    for (AwsResult r : results) {
      SocketClosedLoop.Outcome o = r.outcome();
      out.println(String.format(Locale.ROOT,
          "%-9s %-19s %5d %5d %9.0f %8.2f %8.2f %8.2f %7d %7s %7.2f %9s %8.1f  %-11s %s",
          r.target(), r.scenario().label(), r.round(), r.connections(), o.perSecond(), o.latency().p50Millis(),
          o.latency().p99Millis(), o.latency().maxMillis(), o.errors(), cores(o.cores().server()),
          o.cores().client(), cpuPerOp(o), o.signMicros(),
          r.target().equals(AwsLoadOptions.GATEHOUSE) ? r.scenario().target() : "",
          r.scenario().verdict(r.target(), o.perSecond())));
    }
    out.println();
    for (AwsScenario scenario : AwsScenario.values()) {
      OptionalDouble gatehouse = best(results, AwsLoadOptions.GATEHOUSE, scenario);
      OptionalDouble moto = best(results, AwsLoadOptions.MOTO, scenario);
      if (gatehouse.isPresent() && moto.isPresent() && moto.getAsDouble() > 0) {
        out.println(String.format(Locale.ROOT, "%s: Gatehouse/moto = %.0f / %.0f req/s = %.1fx", scenario.label(),
            gatehouse.getAsDouble(), moto.getAsDouble(), gatehouse.getAsDouble() / moto.getAsDouble()));
      }
    }
    out.println();
    out.println("srv/cli cpu = cores busy in the server / in this load generator during the window; srv us/op ="
        + " server CPU microseconds per request; sign us = this generator's mean SigV4 signing time per request"
        + " (included in the latencies, as for an SDK caller). Both servers verify every signature (checked with"
        + " a wrong signature, a wrong secret and an unknown key before measuring).");
    for (AwsResult r : results) {
      List<String> errors = r.outcome().errorSamples();
      out.println(String.format(Locale.ROOT, "  [%s %s %d] load avg %s before, %s after%s", r.target(),
          r.scenario().label(), r.round(), r.loadBefore(), r.loadAfter(),
          errors.isEmpty() ? "" : "; errors e.g. " + errors));
    }
  }

  private static OptionalDouble best(List<AwsResult> results, String target, AwsScenario scenario) {
    return results.stream().filter(r -> r.target().equals(target) && r.scenario() == scenario)
        .mapToDouble(AwsResult::perSecond).max();
  }

  private static String cpuPerOp(SocketClosedLoop.Outcome o) {
    if (Double.isNaN(o.cores().server()) || o.perSecond() == 0) {
      return "-";
    }
    return String.format(Locale.ROOT, "%.1f", o.cores().server() * 1e6 / o.perSecond());
  }

  private static String cores(double value) {
    return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.2f", value);
  }
}
