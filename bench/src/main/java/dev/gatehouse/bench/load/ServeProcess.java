package dev.gatehouse.bench.load;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code gatehouse serve} child process on 127.0.0.1: its output goes to a log file, and the lines that matter
 * (the API URL, the store's load time) are picked up as they appear. Stopped by its own pid, never by name.
 */
final class ServeProcess implements AutoCloseable {
  private static final Pattern URL = Pattern.compile("Kubernetes API: (https://\\S+)");
  private static final Pattern STORE_OPENED = Pattern.compile("store: opened .* with (\\d+) keys in (\\d+) ms");

  private final Process process;
  private final long startedAt;
  private final CompletableFuture<String> url = new CompletableFuture<>();
  private volatile long urlPrintedAt;
  private volatile long storeOpenMillis = -1;

  private ServeProcess(Process process, long startedAt, Path log) {
    this.process = process;
    this.startedAt = startedAt;
    Thread reader = new Thread(() -> pump(log), "serve-output-" + process.pid());
    reader.setDaemon(true);
    reader.start();
  }

  /** Starts {@code java JVM_ARGS -jar JAR serve --data-dir DIR --kube-port PORT}; output appended to {@code log}. */
  static ServeProcess start(Path jar, Path dataDir, int port, List<String> jvmArgs, Path log) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmArgs);
    command.addAll(List.of("-jar", jar.toString(), "serve", "--data-dir", dataDir.toString(),
        "--kube-port", Integer.toString(port)));
    try {
      long startedAt = System.nanoTime();
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      return new ServeProcess(p, startedAt, log);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + command, e);
    }
  }

  /** A port free right now on 127.0.0.1 (so a client can be ready before the server is). */
  static int freePort() {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void pump(Path log) {
    try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
        StandardCharsets.UTF_8));
         PrintWriter out = new PrintWriter(Files.newBufferedWriter(log, StandardCharsets.UTF_8,
             java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND), true)) {
      String line;
      while ((line = in.readLine()) != null) {
        out.println(line);
        Matcher m = URL.matcher(line);
        if (m.find() && !url.isDone()) {
          urlPrintedAt = System.nanoTime();
          url.complete(m.group(1));
        }
        Matcher s = STORE_OPENED.matcher(line);
        if (s.find()) {
          storeOpenMillis = Long.parseLong(s.group(2));
        }
      }
    } catch (IOException e) {
      url.completeExceptionally(e);
    }
    url.completeExceptionally(new IllegalStateException("serve exited before printing its URL; see " + log));
  }

  /** Waits for the "Kubernetes API:" line. */
  String awaitUrl(long timeoutSeconds) {
    try {
      return url.get(timeoutSeconds, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("serve did not start: " + e.getMessage(), e);
    }
  }

  long pid() {
    return process.pid();
  }

  boolean alive() {
    return process.isAlive();
  }

  long startedAt() {
    return startedAt;
  }

  /** Seconds from process start to the URL line, or -1 if not printed yet. */
  double urlSeconds() {
    return urlPrintedAt == 0 ? -1 : (urlPrintedAt - startedAt) / 1e9;
  }

  OptionalLong storeOpenMillis() {
    return storeOpenMillis < 0 ? OptionalLong.empty() : OptionalLong.of(storeOpenMillis);
  }

  /** SIGTERM to this pid (the server's shutdown hook closes the store), SIGKILL after 30 s. */
  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }
}
