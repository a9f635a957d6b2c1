package dev.gatehouse.bench.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The load generator: runs request scenarios against a running {@code gatehouse serve} from this separate JVM
 * and prints requests/s, p50/p99/max latency and errors per scenario, with the server's CPU use when its pid is
 * given. See bench/README.md.
 */
public final class LoadMain {
  private LoadMain() {}

  public static void main(String[] args) throws Exception {
    LoadOptions options;
    try {
      options = LoadOptions.parse(args);
    } catch (IllegalArgumentException e) {
      if (!e.getMessage().isEmpty()) {
        System.err.println(e.getMessage());
      }
      System.err.print(LoadOptions.USAGE);
      System.exit(2);
      return;
    }
    System.out.println(environment(options));
    List<ScenarioResult> results = new ArrayList<>();
    String runId = Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36);
    try (ApiClient client = ApiClient.connect(options.url(), options.dataDir(), options.concurrency(),
        options.clientThreads(), extras(options))) {
      if (options.bearerTokenFile() != null || !options.pathPrefix().isEmpty()) {
        System.out.println("authenticated (" + client.identity().label() + ") at '" + options.pathPrefix() + "/' as "
            + WhoAmI.describe(client));
      }
      prewarm(client, options, runId);
      for (int round = 1; round <= options.repeat(); round++) {
        for (String scenario : options.scenarios()) {
          ScenarioResult result = run(scenario, round, client, options, runId + round);
          results.add(result);
          System.out.println(String.format(Locale.ROOT, "%s round %d: %.0f ops/s, p50 %.2f ms, p99 %.2f ms,"
                  + " max %.2f ms, %d errors, server %.2f cores, client %.2f cores | %s", scenario, round,
              result.perSecond(), result.latency().p50Millis(), result.latency().p99Millis(),
              result.latency().maxMillis(), result.errors(), result.serverCores(), result.clientCores(),
              result.note()));
        }
      }
    } catch (ErrorBudgetExceeded e) {
      System.out.println("FAILED: " + e.getMessage());
      System.exit(1);
    }
    System.out.println();
    SummaryTable.print(System.out, results);
    System.exit(0);
  }

  /** The client's identity, path prefix and User-Agent as the options ask. */
  private static ApiClient.Extras extras(LoadOptions o) {
    ClientIdentity identity = o.bearerTokenFile() == null ? new ClientIdentity.AdminCertificate()
        : ClientIdentity.bearerTokenFile(o.bearerTokenFile());
    return new ApiClient.Extras(identity, o.pathPrefix(), o.userAgent());
  }

  /** --max-errors was exceeded: the run stops at once with status 1. */
  private static final class ErrorBudgetExceeded extends RuntimeException {
    ErrorBudgetExceeded(String message) {
      super(message);
    }
  }

  /**
   * With --max-errors, fails on more errors than allowed in the window, and with --max-errors 0 also on any
   * failed request outside it (warm-up), so that a credential that stops working cannot go unnoticed.
   */
  private static void checkErrors(LoadOptions o, String scenario, ClosedLoop.Outcome outcome) {
    if (o.maxErrors() < 0) {
      return;
    }
    boolean anyFailed = o.maxErrors() == 0 && !outcome.errorSamples().isEmpty();
    if (outcome.errors() > o.maxErrors() || anyFailed) {
      throw new ErrorBudgetExceeded(scenario + ": " + outcome.errors() + " errors in the window (at most "
          + o.maxErrors() + " allowed), e.g. " + outcome.errorSamples());
    }
  }

  /** Runs each chosen request scenario for a share of --prewarm, discarding the figures. */
  private static void prewarm(ApiClient client, LoadOptions o, String runId) throws InterruptedException {
    List<String> requestScenarios = o.scenarios().stream().filter(s -> !s.equals("watch-fanout")).distinct().toList();
    if (o.prewarm().isZero() || requestScenarios.isEmpty()) {
      return;
    }
    java.time.Duration share = o.prewarm().dividedBy(requestScenarios.size());
    for (String scenario : requestScenarios) {
      ClosedLoop.Outcome outcome = ClosedLoop.run(prepare(scenario, client, o, runId + "w").call(), o.concurrency(),
          java.time.Duration.ZERO, share, new CpuMeter(0));
      checkErrors(o, scenario + " (prewarm)", outcome);
    }
    System.out.println("prewarmed " + requestScenarios + " for " + o.prewarm());
  }

  private static RequestScenarios.Prepared prepare(String scenario, ApiClient client, LoadOptions o, String runId) {
    return switch (scenario) {
      case "healthz" -> RequestScenarios.healthz(client);
      case "get" -> RequestScenarios.get(client, o.valueBytes());
      case "list500" -> RequestScenarios.list500(client, o.valueBytes(), o.concurrency());
      case "create" -> RequestScenarios.create(client, o.valueBytes(), runId);
      case "ssar" -> RequestScenarios.selfSubjectAccessReview(client);
      case "get-pods" -> PodListScenario.prepare(client);
      default -> throw new IllegalArgumentException("unknown scenario " + scenario);
    };
  }

  private static ScenarioResult run(String scenario, int round, ApiClient client, LoadOptions o, String runId)
      throws InterruptedException {
    CpuMeter cpu = new CpuMeter(o.serverPids());
    String load = loadAverage();
    if (scenario.equals("watch-fanout")) {
      ScenarioResult result = watchFanout(client, o, cpu, round, runId);
      if (o.resultsFile() != null) {
        ResultsFile.append(o.resultsFile(), client.identity().label(), o.watchers(), result, load);
      }
      return result;
    }
    RequestScenarios.Prepared prepared = prepare(scenario, client, o, runId);
    ClosedLoop.Outcome outcome = ClosedLoop.run(prepared.call(), o.concurrency(), o.warmup(), o.duration(), cpu);
    checkErrors(o, scenario, outcome);
    String note = prepared.description() + "; " + o.concurrency() + " connections; load avg before " + load
        + (outcome.errorSamples().isEmpty() ? "" : "; errors e.g. " + outcome.errorSamples());
    ScenarioResult result = new ScenarioResult(scenario, round, outcome.completed(), outcome.seconds(),
        outcome.perSecond(), outcome.latency(), outcome.errors(), outcome.serverCores(), outcome.clientCores(), note);
    if (o.resultsFile() != null) {
      ResultsFile.append(o.resultsFile(), client.identity().label(), o.concurrency(), result, load);
    }
    return result;
  }

  /**
   * Watch fan-out with the watchers on --url; with --write-url the writes go through that server instead (a
   * second pool with the same identity), so that an event's delay includes its trip from one replica through
   * the shared store to the other.
   */
  private static ScenarioResult watchFanout(ApiClient client, LoadOptions o, CpuMeter cpu, int round, String runId)
      throws InterruptedException {
    WatchFanout.Settings settings = new WatchFanout.Settings(o.watchers(), o.watchRate(), o.warmup(), o.duration(),
        o.valueBytes());
    if (o.watchWriteUrl().equals(o.url())) {
      return WatchFanout.run(client, o.url(), o.dataDir(), settings, cpu, round, runId);
    }
    try (ApiClient writer = client.sharing(o.watchWriteUrl(), o.dataDir(), o.concurrency())) {
      return WatchFanout.run(writer, o.url(), o.dataDir(), settings, cpu, round, runId)
          .withNotePrefix("watchers on " + o.url() + ", writes via " + o.watchWriteUrl() + "; ");
    }
  }

  private static String environment(LoadOptions o) {
    return String.format(Locale.ROOT, "load generator: %d cpus (nproc), java %s, load avg %s; target %s;"
            + " %d connections, %d client event loops, %s warm-up + %s window per scenario, %d round(s)",
        Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), loadAverage(), o.url(),
        o.concurrency(), o.clientThreads(), o.warmup(), o.duration(), o.repeat())
        + (o.watchWriteUrl().equals(o.url()) ? "" : "; watch-fanout writes via " + o.watchWriteUrl());
  }

  public static String loadAverage() {
    try {
      String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      return parts[0] + "/" + parts[1] + "/" + parts[2];
    } catch (IOException | RuntimeException e) {
      return "?";
    }
  }
}
