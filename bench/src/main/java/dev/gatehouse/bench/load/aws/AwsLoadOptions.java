package dev.gatehouse.bench.load.aws;

import dev.gatehouse.bench.load.LoadOptions;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The AWS load generator's command line. */
record AwsLoadOptions(URI gatehouseUrl, Path gatehouseDataDir, long gatehousePid, URI motoUrl, long motoPid,
                      List<AwsScenario> scenarios, List<AwsScenario> motoScenarios, Duration duration,
                      Duration warmup, Duration prewarm, int concurrency, int motoConcurrency, int repeat,
                      String region) {
  static final String GATEHOUSE = "gatehouse";
  static final String MOTO = "moto";

  static final String USAGE = """
      usage: AwsLoadMain --gatehouse-url http://127.0.0.1:PORT --gatehouse-data-dir DIR [options]
        --gatehouse-pid PID    report Gatehouse's CPU use in each window
        --moto-url URL         also measure a moto_server (started with auth off; this program creates its
                               user, key and policy, then switches auth on)
        --moto-pid PID         report moto's CPU use
        --scenario S           get-caller-identity|assume-role|list-users|all, comma-separated
                               (default get-caller-identity,assume-role)
        --moto-scenario S      the scenarios also run against moto (default get-caller-identity; none = skip)
        --duration D           measuring window per scenario, e.g. 20s, 500ms, 1m (default 20s)
        --warmup D             warm-up before each window (default 10s)
        --prewarm D            once, before the first window: the Gatehouse scenarios in turn, unmeasured, so
                               that both JVMs have compiled their hot paths (default 20s)
        --concurrency N        keep-alive connections (= requests in flight) against Gatehouse (default 32)
        --moto-concurrency N   connections against moto (default: --concurrency)
        --repeat N             run the scenario list N times (default 1)
        --region R             region to sign for (default us-east-1)
      """;

  static AwsLoadOptions parse(String[] args) {
    URI gatehouseUrl = null;
    Path dataDir = null;
    long gatehousePid = 0;
    URI motoUrl = null;
    long motoPid = 0;
    List<AwsScenario> scenarios = List.of(AwsScenario.GET_CALLER_IDENTITY, AwsScenario.ASSUME_ROLE);
    List<AwsScenario> motoScenarios = List.of(AwsScenario.GET_CALLER_IDENTITY);
    Duration duration = Duration.ofSeconds(20);
    Duration warmup = Duration.ofSeconds(10);
    Duration prewarm = Duration.ofSeconds(20);
    int concurrency = 32;
    int motoConcurrency = 0;
    int repeat = 1;
    String region = "us-east-1";
    for (int i = 0; i < args.length; i++) {
      String flag = args[i];
      if (flag.equals("--help") || flag.equals("-h")) {
        throw new IllegalArgumentException("");
      }
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException(flag + " needs a value");
      }
      String value = args[++i];
      switch (flag) {
        case "--gatehouse-url" -> gatehouseUrl = URI.create(value);
        case "--gatehouse-data-dir" -> dataDir = Path.of(value);
        case "--gatehouse-pid" -> gatehousePid = Long.parseLong(value);
        case "--moto-url" -> motoUrl = value.isEmpty() ? null : URI.create(value);
        case "--moto-pid" -> motoPid = Long.parseLong(value);
        case "--scenario" -> scenarios = scenarios(value);
        case "--moto-scenario" -> motoScenarios = scenarios(value);
        case "--duration" -> duration = LoadOptions.duration(value);
        case "--warmup" -> warmup = LoadOptions.duration(value);
        case "--prewarm" -> prewarm = LoadOptions.duration(value);
        case "--concurrency" -> concurrency = LoadOptions.positive(flag, value);
        case "--moto-concurrency" -> motoConcurrency = LoadOptions.positive(flag, value);
        case "--repeat" -> repeat = LoadOptions.positive(flag, value);
        case "--region" -> region = value;
        default -> throw new IllegalArgumentException("unknown option " + flag);
      }
    }
    if (gatehouseUrl == null || dataDir == null) {
      throw new IllegalArgumentException("--gatehouse-url and --gatehouse-data-dir are required");
    }
    return new AwsLoadOptions(gatehouseUrl, dataDir, gatehousePid, motoUrl, motoPid, scenarios,
        motoUrl == null ? List.of() : motoScenarios, duration, warmup, prewarm, concurrency,
        motoConcurrency == 0 ? concurrency : motoConcurrency, repeat, region);
  }

  int concurrency(String target) {
    return target.equals(MOTO) ? motoConcurrency : concurrency;
  }

  private static List<AwsScenario> scenarios(String value) {
    List<AwsScenario> chosen = new ArrayList<>();
    for (String s : value.split(",")) {
      String name = s.trim().toLowerCase(Locale.ROOT);
      if (name.isEmpty() || name.equals("none")) {
        continue;
      }
      if (name.equals("all")) {
        chosen.addAll(List.of(AwsScenario.values()));
      } else {
        chosen.add(AwsScenario.parse(name));
      }
    }
    return List.copyOf(chosen);
  }
}
