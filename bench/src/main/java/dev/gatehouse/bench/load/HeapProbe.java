package dev.gatehouse.bench.load;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Heap figures of another JVM through {@code jcmd}: live heap after a full GC, committed heap, RSS. */
final class HeapProbe {
  private static final Pattern HEAP = Pattern.compile("heap\\s+total (\\d+)K, used (\\d+)K");

  private HeapProbe() {}

  /** @param histogramTop the largest classes after the GC, as jcmd prints them */
  record Figures(long usedBytes, long committedBytes, long rssBytes, List<String> histogramTop) {}

  /** Forces a full GC in {@code pid} ({@code GC.run} = System.gc(), a full collection under G1) and reads the heap. */
  static Figures afterFullGc(long pid, int histogramLines) {
    jcmd(pid, "GC.run");
    String info = jcmd(pid, "GC.heap_info");
    Matcher m = HEAP.matcher(info);
    if (!m.find()) {
      throw new IllegalStateException("unexpected GC.heap_info output: " + info);
    }
    List<String> histogram = jcmd(pid, "GC.class_histogram").lines().skip(3).limit(histogramLines).toList();
    return new Figures(Long.parseLong(m.group(2)) * 1024, Long.parseLong(m.group(1)) * 1024, rss(pid), histogram);
  }

  private static long rss(long pid) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
        }
      }
    } catch (IOException | NumberFormatException e) {
      // not Linux, or the process is gone: report 0
    }
    return 0;
  }

  private static String jcmd(long pid, String command) {
    Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
    try {
      Process p = new ProcessBuilder(jcmd.toString(), Long.toString(pid), command).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
        throw new IllegalStateException("jcmd " + pid + " " + command + " failed: " + out);
      }
      return out;
    } catch (IOException e) {
      throw new IllegalStateException("cannot run " + jcmd + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
