package dev.gatehouse.bench.load.aws;

import dev.gatehouse.bench.load.LoadMain;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The AWS load generator: from this separate JVM, drives freshly SigV4-signed Query requests over keep-alive
 * HTTP/1.1 connections against Gatehouse's AWS endpoint and, in the same run, against a moto_server with IAM
 * authentication on, and prints req/s, p50/p99, errors and the Gatehouse/moto ratio. Started by
 * bench/run-aws-load.sh, which also starts and stops both servers; {@code --help} lists the options.
 */
public final class AwsLoadMain {
  private AwsLoadMain() {}

  public static void main(String[] args) throws Exception {
    AwsLoadOptions options;
    try {
      options = AwsLoadOptions.parse(args);
    } catch (IllegalArgumentException e) {
      if (!e.getMessage().isEmpty()) {
        System.err.println(e.getMessage());
      }
      System.err.print(AwsLoadOptions.USAGE);
      System.exit(2);
      return;
    }
    System.out.println(environment(options));
    AwsSetup setup = new AwsSetup(System.out);
    List<AwsTarget> targets = new ArrayList<>();
    targets.add(setup.gatehouse(options.gatehouseUrl(), options.gatehouseDataDir(), options.gatehousePid(),
        options.region(), options.scenarios()));
    if (options.motoUrl() != null) {
      targets.add(setup.moto(options.motoUrl(), options.motoPid(), options.region(), options.motoScenarios()));
    }
    prewarm(targets.get(0), options);

    List<AwsResult> results = new ArrayList<>();
    for (int round = 1; round <= options.repeat(); round++) {
      for (AwsTarget target : targets) {
        List<AwsScenario> scenarios = target.name().equals(AwsLoadOptions.MOTO) ? options.motoScenarios()
            : options.scenarios();
        for (AwsScenario scenario : scenarios) {
          int connections = options.concurrency(target.name());
          String before = LoadMain.loadAverage();
          SocketClosedLoop.Outcome outcome = SocketClosedLoop.run(target, scenario, connections, options.warmup(),
              options.duration());
          AwsResult result = new AwsResult(target.name(), scenario, round, connections, outcome, before,
              LoadMain.loadAverage());
          results.add(result);
          System.out.println(String.format(Locale.ROOT, "%s %s round %d: %.0f req/s, p50 %.2f ms, p99 %.2f ms,"
                  + " %d errors, server %.2f cores, client %.2f cores, signing %.1f us/req; load avg %s -> %s",
              target.name(), scenario.label(), round, outcome.perSecond(), outcome.latency().p50Millis(),
              outcome.latency().p99Millis(), outcome.errors(), outcome.cores().server(), outcome.cores().client(),
              outcome.signMicros(), result.loadBefore(), result.loadAfter()));
        }
      }
    }
    System.out.println();
    AwsSummaryTable.print(System.out, results);
    System.exit(0);
  }

  /** Runs each Gatehouse scenario for a share of --prewarm, unmeasured, so the first window is not JIT time. */
  private static void prewarm(AwsTarget gatehouse, AwsLoadOptions o) throws InterruptedException {
    if (o.prewarm().isZero() || o.scenarios().isEmpty()) {
      return;
    }
    Duration share = o.prewarm().dividedBy(o.scenarios().size());
    for (AwsScenario scenario : o.scenarios()) {
      SocketClosedLoop.run(gatehouse, scenario, o.concurrency(), Duration.ZERO, share);
    }
    System.out.println("prewarmed " + o.scenarios().stream().map(AwsScenario::label).toList() + " for "
        + o.prewarm());
  }

  private static String environment(AwsLoadOptions o) {
    return String.format(Locale.ROOT, "aws load generator: %d cpus (nproc), java %s, load avg %s; gatehouse %s%s;"
            + " %d connections (moto %d), %s warm-up + %s window per scenario, %d round(s)",
        Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), LoadMain.loadAverage(),
        o.gatehouseUrl(), o.motoUrl() == null ? "" : ", moto " + o.motoUrl(), o.concurrency(), o.motoConcurrency(),
        o.warmup(), o.duration(), o.repeat());
  }


}
