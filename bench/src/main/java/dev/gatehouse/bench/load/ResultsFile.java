package dev.gatehouse.bench.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Locale;

/**
 * Appends one tab-separated line per measured window to a file, so that several LoadMain runs (one per
 * credential, say) can be compared afterwards by {@link AuthComparisonMain}. The header is written when the file
 * is new or empty.
 */
final class ResultsFile {
  static final List<String> COLUMNS = List.of("label", "scenario", "round", "concurrency", "ops_per_s", "mean_ms",
      "p50_ms", "p99_ms", "max_ms", "requests", "errors", "server_cores", "server_us_per_op", "load_avg");

  private ResultsFile() {}

  static void append(Path file, String label, int concurrency, ScenarioResult r, String loadAverage) {
    double usPerOp = Double.isNaN(r.serverCores()) || r.perSecond() == 0 ? Double.NaN
        : r.serverCores() * 1e6 / r.perSecond();
    String line = String.join("\t", label, r.scenario(), Integer.toString(r.round()), Integer.toString(concurrency),
        fmt("%.1f", r.perSecond()), fmt("%.4f", r.latency().meanMillis()), fmt("%.4f", r.latency().p50Millis()),
        fmt("%.4f", r.latency().p99Millis()), fmt("%.4f", r.latency().maxMillis()),
        Long.toString(r.operations()), Long.toString(r.errors()), fmt("%.3f", r.serverCores()),
        fmt("%.1f", usPerOp), loadAverage) + "\n";
    try {
      boolean fresh = !Files.exists(file) || Files.size(file) == 0;
      String text = fresh ? String.join("\t", COLUMNS) + "\n" + line : line;
      Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot append to " + file, e);
    }
  }

  private static String fmt(String format, double value) {
    return Double.isNaN(value) ? "NaN" : String.format(Locale.ROOT, format, value);
  }
}
