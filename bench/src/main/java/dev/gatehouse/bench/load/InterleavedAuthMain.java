package dev.gatehouse.bench.load;

import io.vertx.core.Future;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The x509-vs-token difference measured so that machine noise hits both sides alike: one client JVM holds two
 * connections to the same cluster, one with the admin client certificate and one with a bearer token, and sends
 * one request at a time, switching credential in the order x509, token, token, x509 (ABBA, so neither side
 * always follows the other). Every latency is kept per credential; the difference of the means, with its
 * standard error, is the time the token adds per request (the client's side is the same apart from one header).
 * Any non-2xx answer fails the run. Complements the alternating whole-window runs of bench/run-eks-load.sh,
 * whose windows see different background load.
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar dev.gatehouse.bench.load.InterleavedAuthMain --url https://127.0.0.1:PORT \
 *   --data-dir DIR --bearer-token-file TOKEN.json [--path-prefix /clusters/bench] [--scenario get,get-pods]
 *   [--prewarm 10s] [--warmup 5s] [--duration 10s] [--user-agent gatehouse-bench-interleaved]
 * </pre>
 *
 * The User-Agent of each side is the given one plus {@code -x509} or {@code -token}, so that the audit log can
 * give the server's own durations per side.
 */
public final class InterleavedAuthMain {
  private InterleavedAuthMain() {}

  public static void main(String[] args) throws Exception {
    LoadOptions o;
    try {
      o = LoadOptions.parse(args);
      if (o.bearerTokenFile() == null) {
        throw new IllegalArgumentException("--bearer-token-file is required");
      }
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.print(LoadOptions.USAGE);
      System.exit(2);
      return;
    }
    boolean ok = true;
    String agent = o.userAgent() == null ? "gatehouse-bench-interleaved" : o.userAgent();
    // One event loop for both connections: the same thread sends and receives for either credential.
    try (ApiClient x509 = ApiClient.connect(o.url(), o.dataDir(), 1, 1, new ApiClient.Extras(
            new ClientIdentity.AdminCertificate(), o.pathPrefix(), agent + "-x509"));
         ApiClient token = x509.sharing(o.url(), o.dataDir(), 1, new ApiClient.Extras(
             ClientIdentity.bearerTokenFile(o.bearerTokenFile()), o.pathPrefix(), agent + "-token"))) {
      System.out.println("x509 authenticates as " + WhoAmI.describe(x509));
      System.out.println("token authenticates as " + WhoAmI.describe(token));
      for (String scenario : o.scenarios()) {
        RequestScenarios.Prepared a = prepare(scenario, x509);
        RequestScenarios.Prepared b = prepare(scenario, token);
        Interleaved warm = new Interleaved(a.call(), b.call());
        warm.drive(o.prewarm().plus(o.warmup()));
        Interleaved measured = new Interleaved(a.call(), b.call());
        String load = LoadMain.loadAverage();
        measured.drive(o.duration());
        ok &= measured.report(scenario + " (" + a.description() + "), load avg before " + load
            + ", after " + LoadMain.loadAverage(), warm.failures);
      }
    }
    System.exit(ok ? 0 : 1);
  }

  private static RequestScenarios.Prepared prepare(String scenario, ApiClient client) {
    return switch (scenario) {
      case "get" -> RequestScenarios.get(client, 256);
      case "get-pods" -> PodListScenario.prepare(client);
      case "healthz" -> RequestScenarios.healthz(client);
      case "ssar" -> RequestScenarios.selfSubjectAccessReview(client);
      default -> throw new IllegalArgumentException("scenario " + scenario + " is not supported here");
    };
  }

  /** One lane, one request at a time, credential chosen by the ABBA pattern. */
  private static final class Interleaved {
    private final ClosedLoop.Call[] calls;
    private final Side[] sides = {new Side("x509"), new Side("token")};
    private final List<String> failures = new ArrayList<>();
    private final CountDownLatch done = new CountDownLatch(1);
    private volatile boolean stopping;
    private long sequence;
    private long failed;

    Interleaved(ClosedLoop.Call x509, ClosedLoop.Call token) {
      this.calls = new ClosedLoop.Call[] {x509, token};
    }

    void drive(Duration length) throws InterruptedException {
      next();
      Thread.sleep(length.toMillis());
      stopping = true;
      if (!done.await(60, TimeUnit.SECONDS)) {
        failures.add("the last request had not answered 60 s after the window closed");
      }
    }

    private void next() {
      if (stopping) {
        done.countDown();
        return;
      }
      long k = sequence++;
      int side = (k % 4 == 1 || k % 4 == 2) ? 1 : 0;
      long sentAt = System.nanoTime();
      Future<ApiClient.Response> answer;
      try {
        answer = calls[side].start(k);
      } catch (RuntimeException e) {
        answer = Future.failedFuture(e);
      }
      answer.onComplete(result -> {
        long nanos = System.nanoTime() - sentAt;
        if (result.succeeded() && result.result().ok()) {
          sides[side].record(nanos);
        } else {
          failed++;
          if (failures.size() < 5) {
            failures.add(sides[side].name + ": " + (result.succeeded()
                ? result.result().status() + " " + result.result().text() : String.valueOf(result.cause())));
          }
        }
        next();
      });
    }

    /** Prints both sides and their difference; false if any request failed (here or in the warm-up). */
    boolean report(String title, List<String> warmupFailures) {
      Latencies.Summary x = sides[0].latencies.summary();
      Latencies.Summary t = sides[1].latencies.summary();
      double delta = t.meanMillis() - x.meanMillis();
      double stdErr = Math.sqrt(sides[0].variance() / x.count() + sides[1].variance() / t.count());
      System.out.println(title);
      for (int i = 0; i < 2; i++) {
        Latencies.Summary s = sides[i].latencies.summary();
        System.out.printf(Locale.ROOT, "  %-5s %7d requests, mean %.3f ms, p50 %.3f ms, p99 %.3f ms, max %.2f ms%n",
            sides[i].name, s.count(), s.meanMillis(), s.p50Millis(), s.p99Millis(), s.maxMillis());
      }
      System.out.printf(Locale.ROOT, "  token - x509: mean %+.3f ms (+/- %.3f, 2 standard errors), p50 %+.3f ms,"
              + " p99 %+.3f ms; ratio of means x%.3f%n", delta, 2 * stdErr, t.p50Millis() - x.p50Millis(),
          t.p99Millis() - x.p99Millis(), t.meanMillis() / x.meanMillis());
      List<String> all = new ArrayList<>(warmupFailures);
      all.addAll(failures);
      if (!all.isEmpty()) {
        System.out.println("  FAILED: " + failed + " requests in the window, e.g. " + all);
      }
      return all.isEmpty() && x.count() > 0 && t.count() > 0;
    }
  }

  /** Latencies of one credential, plus the running sums the standard error needs. */
  private static final class Side {
    final String name;
    final Latencies latencies = new Latencies();
    private double sum;
    private double sumOfSquares;
    private long n;

    Side(String name) {
      this.name = name;
    }

    void record(long nanos) {
      latencies.record(nanos);
      double ms = nanos / 1e6;
      sum += ms;
      sumOfSquares += ms * ms;
      n++;
    }

    double variance() {
      if (n < 2) {
        return 0;
      }
      double mean = sum / n;
      return Math.max(0, (sumOfSquares - n * mean * mean) / (n - 1));
    }
  }
}
