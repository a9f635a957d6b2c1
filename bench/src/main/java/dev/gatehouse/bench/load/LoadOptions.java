package dev.gatehouse.bench.load;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The load generator's command line.
 *
 * @param bearerTokenFile authenticate with this token (bare, or aws eks get-token's ExecCredential JSON) instead of
 *                        the admin client certificate; null for the certificate
 * @param pathPrefix      prepended to every request path, e.g. {@code /clusters/bench}; "" for the root cluster
 * @param userAgent       User-Agent of every request, null for the HTTP client's own
 * @param resultsFile     append one tab-separated line per measured window here; null for none
 * @param maxErrors       exit with status 1 when a window counts more errors than this; -1 for no limit
 * @param writeUrl        where watch-fanout sends its writes (another replica on the same store); null for url
 */
public record LoadOptions(URI url, Path dataDir, List<String> scenarios, Duration duration, Duration warmup, Duration prewarm,
                   int concurrency, int clientThreads, int valueBytes, int watchers, double watchRate, int repeat,
                   List<Long> serverPids, Path bearerTokenFile, String pathPrefix, String userAgent, Path resultsFile,
                   long maxErrors, URI writeUrl) {
  static final List<String> ALL = List.of("healthz", "get", "list500", "ssar", "watch-fanout", "create");
  /** Scenarios that exist but are not part of "all" (which keeps meaning what it always meant). */
  static final List<String> EXTRA = List.of("get-pods");

  static final String USAGE = """
      usage: LoadMain --url https://127.0.0.1:PORT --data-dir DIR [options]
        --scenario S        healthz|get|list500|ssar|create|watch-fanout|all, comma-separated (default all);
                            also get-pods (kubectl get pods: LIST of 10 pods as Table), not part of all
        --duration D        measuring window per scenario, e.g. 20s, 500ms, 1m (default 20s)
        --warmup D          warm-up before each window (default 10s)
        --prewarm D         once at the start, the chosen request scenarios in turn, unmeasured, so that
                            the first window does not pay for both JVMs' JIT compilation (default 20s)
        --concurrency N     connections = requests in flight for healthz/get/list500/create (default 32)
        --client-threads N  event loops of this load generator (default 2)
        --value-bytes N     size of each ConfigMap's data value (default 256)
        --watchers N        watch streams for watch-fanout (default 1000)
        --watch-rate R      writes per second during watch-fanout (default 20)
        --repeat N          run the whole scenario list N times (default 1)
        --server-pid PID    report the server's CPU use (cores busy) during each window; PID,PID,... sums
                            several processes (e.g. the Gatehouse replicas and their etcd)
        --bearer-token-file F  authenticate with this bearer token instead of the admin certificate (no client
                            certificate is sent); F holds the token or aws eks get-token's JSON output
        --path-prefix P     prepend P to every request path, e.g. /clusters/bench (one cluster of the server)
        --user-agent S      User-Agent header of every request (tells runs apart in the audit log)
        --results-file F    append one tab-separated line per measured window to F
        --max-errors N      exit with status 1 if a measured window has more than N errors (default: no limit)
        --write-url URL     watch-fanout writes through this server (another replica sharing the store and CA;
                            same admin certificate) while its watchers stay on --url (default: --url)
      """;

  static LoadOptions parse(String[] args) {
    URI url = null;
    Path dataDir = null;
    List<String> scenarios = ALL;
    Duration duration = Duration.ofSeconds(20);
    Duration warmup = Duration.ofSeconds(10);
    Duration prewarm = Duration.ofSeconds(20);
    int concurrency = 32;
    int clientThreads = 2;
    int valueBytes = 256;
    int watchers = 1000;
    double watchRate = 20;
    int repeat = 1;
    List<Long> serverPids = List.of();
    Path bearerTokenFile = null;
    String pathPrefix = "";
    String userAgent = null;
    Path resultsFile = null;
    long maxErrors = -1;
    URI writeUrl = null;
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
        case "--url" -> url = URI.create(value);
        case "--data-dir" -> dataDir = Path.of(value);
        case "--scenario" -> scenarios = scenarios(value);
        case "--duration" -> duration = duration(value);
        case "--warmup" -> warmup = duration(value);
        case "--prewarm" -> prewarm = duration(value);
        case "--concurrency" -> concurrency = positive(flag, value);
        case "--client-threads" -> clientThreads = positive(flag, value);
        case "--value-bytes" -> valueBytes = positive(flag, value);
        case "--watchers" -> watchers = positive(flag, value);
        case "--watch-rate" -> watchRate = Double.parseDouble(value);
        case "--repeat" -> repeat = positive(flag, value);
        case "--server-pid" -> serverPids = pids(value);
        case "--bearer-token-file" -> bearerTokenFile = Path.of(value);
        case "--path-prefix" -> pathPrefix = pathPrefix(value);
        case "--user-agent" -> userAgent = value;
        case "--results-file" -> resultsFile = Path.of(value);
        case "--max-errors" -> maxErrors = Long.parseLong(value);
        case "--write-url" -> writeUrl = URI.create(value);
        default -> throw new IllegalArgumentException("unknown option " + flag);
      }
    }
    if (url == null || dataDir == null) {
      throw new IllegalArgumentException("--url and --data-dir are required");
    }
    requireHttps("--url", url);
    if (writeUrl != null) {
      requireHttps("--write-url", writeUrl);
    }
    return new LoadOptions(url, dataDir, scenarios, duration, warmup, prewarm, concurrency, clientThreads, valueBytes,
        watchers, watchRate, repeat, serverPids, bearerTokenFile, pathPrefix, userAgent, resultsFile, maxErrors,
        writeUrl);
  }

  /** The server watch-fanout writes through: --write-url, or --url when it was not given. */
  URI watchWriteUrl() {
    return writeUrl == null ? url : writeUrl;
  }

  private static List<Long> pids(String value) {
    List<Long> pids = new ArrayList<>();
    for (String pid : value.split(",")) {
      pids.add(Long.parseLong(pid.trim()));
    }
    return List.copyOf(pids);
  }

  private static void requireHttps(String flag, URI url) {
    if (!"https".equals(url.getScheme()) || url.getPort() < 0) {
      throw new IllegalArgumentException(flag + " must be https://HOST:PORT");
    }
  }

  /** "/clusters/bench" as given; "/clusters/bench/" loses its slash; "" and "/" mean the root cluster. */
  private static String pathPrefix(String value) {
    String p = value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
    if (!p.isEmpty() && !p.startsWith("/")) {
      throw new IllegalArgumentException("--path-prefix must start with / (e.g. /clusters/bench)");
    }
    return p;
  }

  private static List<String> scenarios(String value) {
    List<String> chosen = new ArrayList<>();
    for (String s : value.split(",")) {
      String name = s.trim().toLowerCase(Locale.ROOT);
      if (name.equals("all")) {
        chosen.addAll(ALL);
      } else if (ALL.contains(name) || EXTRA.contains(name)) {
        chosen.add(name);
      } else {
        throw new IllegalArgumentException("unknown scenario " + s + " (one of " + ALL + ", " + EXTRA + " or all)");
      }
    }
    return List.copyOf(chosen);
  }

  /** "20s", "500ms", "2m" or plain seconds. */
  public static Duration duration(String value) {
    String v = value.trim().toLowerCase(Locale.ROOT);
    if (v.endsWith("ms")) {
      return Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2)));
    }
    if (v.endsWith("s")) {
      return Duration.ofMillis(Math.round(Double.parseDouble(v.substring(0, v.length() - 1)) * 1000));
    }
    if (v.endsWith("m")) {
      return Duration.ofSeconds(Long.parseLong(v.substring(0, v.length() - 1)) * 60);
    }
    return Duration.ofSeconds(Long.parseLong(v));
  }

  public static int positive(String flag, String value) {
    int n = Integer.parseInt(value);
    if (n < 1) {
      throw new IllegalArgumentException(flag + " must be at least 1");
    }
    return n;
  }
}
