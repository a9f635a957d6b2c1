package dev.gatehouse.bench.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Compares the windows that LoadMain runs appended to a {@code --results-file}: the same scenario and concurrency
 * measured with the x509 admin certificate ({@code x509}) and with a bearer token ({@code token}), run
 * alternately. The k-th x509 window of a scenario/concurrency is paired with its k-th token window; each pair
 * gives the token's extra latency (at concurrency 1 ≈ the server time it adds, since the client waits for each
 * answer) and throughput ratio, and the spread between the x509 windows themselves shows the noise.
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar dev.gatehouse.bench.load.AuthComparisonMain results.tsv [--budget-ms 1]
 * </pre>
 *
 * Exits 1 when the file holds no pair, or when a window of either label counted errors.
 */
public final class AuthComparisonMain {
  static final String BASELINE = "x509";
  static final String CANDIDATE = "token";

  /** One measured window, as ResultsFile wrote it. */
  record Window(String label, String scenario, int concurrency, double opsPerSecond, double meanMs, double p50Ms,
                double p99Ms, long requests, long errors, double serverUsPerOp, String loadAverage) {}

  private AuthComparisonMain() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 1 && !(args.length == 3 && args[1].equals("--budget-ms"))) {
      System.err.println("usage: AuthComparisonMain RESULTS.tsv [--budget-ms 1]");
      System.exit(2);
    }
    double budgetMs = args.length == 3 ? Double.parseDouble(args[2]) : 1.0;
    List<Window> windows = read(Path.of(args[0]));
    Map<String, List<Window>> groups = new LinkedHashMap<>();
    for (Window w : windows) {
      groups.computeIfAbsent(w.scenario() + "\t" + w.concurrency(), k -> new ArrayList<>()).add(w);
    }
    boolean anyPair = false;
    boolean anyErrors = windows.stream().anyMatch(w -> w.errors() > 0);
    for (List<Window> group : groups.values()) {
      anyPair |= printGroup(group, budgetMs);
    }
    if (anyErrors) {
      System.out.println("FAILED: some windows counted errors (non-2xx or failed requests)");
    }
    System.exit(anyPair && !anyErrors ? 0 : 1);
  }

  static List<Window> read(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file);
    if (lines.isEmpty()) {
      return List.of();
    }
    List<String> header = List.of(lines.get(0).split("\t"));
    List<Window> windows = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      if (line.isBlank() || line.equals(lines.get(0))) {
        continue;
      }
      String[] f = line.split("\t");
      windows.add(new Window(f[header.indexOf("label")], f[header.indexOf("scenario")],
          Integer.parseInt(f[header.indexOf("concurrency")]), num(f, header, "ops_per_s"), num(f, header, "mean_ms"),
          num(f, header, "p50_ms"), num(f, header, "p99_ms"), Long.parseLong(f[header.indexOf("requests")]),
          Long.parseLong(f[header.indexOf("errors")]), num(f, header, "server_us_per_op"),
          f[header.indexOf("load_avg")]));
    }
    return windows;
  }

  private static double num(String[] fields, List<String> header, String column) {
    return Double.parseDouble(fields[header.indexOf(column)]);
  }

  /** Prints every window of one scenario/concurrency, then its pairs; false when there is no pair. */
  private static boolean printGroup(List<Window> group, double budgetMs) {
    List<Window> base = group.stream().filter(w -> w.label().equals(BASELINE)).toList();
    List<Window> cand = group.stream().filter(w -> w.label().equals(CANDIDATE)).toList();
    Window first = group.get(0);
    System.out.printf(Locale.ROOT, "%n%s, concurrency %d (windows in the order run)%n", first.scenario(),
        first.concurrency());
    System.out.printf(Locale.ROOT, "  %-6s %10s %9s %9s %9s %9s %7s %11s  %s%n", "cred", "ops/s", "mean ms",
        "p50 ms", "p99 ms", "requests", "errors", "srv us/op", "load avg before");
    for (Window w : group) {
      System.out.printf(Locale.ROOT, "  %-6s %10.0f %9.3f %9.3f %9.3f %9d %7d %11.1f  %s%n", w.label(),
          w.opsPerSecond(), w.meanMs(), w.p50Ms(), w.p99Ms(), w.requests(), w.errors(), w.serverUsPerOp(),
          w.loadAverage());
    }
    int pairs = Math.min(base.size(), cand.size());
    double sumMeanDelta = 0;
    double sumRatio = 0;
    for (int k = 0; k < pairs; k++) {
      Window b = base.get(k);
      Window c = cand.get(k);
      System.out.printf(Locale.ROOT, "  pair %d: token - x509: mean %+.3f ms (x%.3f), p50 %+.3f ms, p99 %+.3f ms;"
              + " throughput x%.3f; server CPU %+.1f us/op%n", k + 1, c.meanMs() - b.meanMs(), c.meanMs() / b.meanMs(),
          c.p50Ms() - b.p50Ms(), c.p99Ms() - b.p99Ms(), c.opsPerSecond() / b.opsPerSecond(),
          c.serverUsPerOp() - b.serverUsPerOp());
      sumMeanDelta += c.meanMs() - b.meanMs();
      sumRatio += c.opsPerSecond() / b.opsPerSecond();
    }
    if (base.size() >= 2) {
      double lo = base.stream().mapToDouble(Window::meanMs).min().orElse(0);
      double hi = base.stream().mapToDouble(Window::meanMs).max().orElse(0);
      double loOps = base.stream().mapToDouble(Window::opsPerSecond).min().orElse(0);
      double hiOps = base.stream().mapToDouble(Window::opsPerSecond).max().orElse(0);
      System.out.printf(Locale.ROOT, "  noise: x509 alone spans mean %.3f..%.3f ms (%.3f ms), %.0f..%.0f ops/s%n",
          lo, hi, hi - lo, loOps, hiOps);
    }
    if (pairs > 0) {
      double meanDelta = sumMeanDelta / pairs;
      System.out.printf(Locale.ROOT, "  average over %d pair(s): token adds %+.3f ms mean latency, throughput x%.3f"
              + "%s%n", pairs, meanDelta, sumRatio / pairs, first.concurrency() == 1
              ? String.format(Locale.ROOT, " -> budget %.1f ms: %s", budgetMs, meanDelta < budgetMs ? "MET" : "MISSED")
              : "");
    }
    return pairs > 0;
  }
}
