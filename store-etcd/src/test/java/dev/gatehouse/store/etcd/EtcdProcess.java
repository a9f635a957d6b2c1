package dev.gatehouse.store.etcd;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A single-member etcd for one test: started on free loopback ports with its own data directory (fsync left
 * on, as in production), and stopped by its process handle afterwards. Register it as an instance field with
 * {@code @RegisterExtension} to get a fresh etcd for every test method (started before {@code @BeforeEach}
 * methods run, stopped after {@code @AfterEach} ones), or drive {@link #start()} / {@link #stop()} by hand.
 *
 * <p>Without an etcd binary ({@code ETCD_BIN}, else {@code /usr/bin/etcd}) the tests are skipped, unless
 * {@code CI=true} or {@code GATEHOUSE_REQUIRE_ETCD=1}, where a missing etcd fails them instead.
 */
public final class EtcdProcess implements BeforeEachCallback, AfterEachCallback, AutoCloseable {
  /** What etcd 3.4 logs once it answers clients: "ready to serve client requests" (capnslog), "serving client
   *  traffic insecurely" / "... securely" (zap). */
  private static final List<String> READY = List.of("ready to serve client requests", "serving client traffic");

  private final List<String> extraArgs;
  private final String scheme;
  private Process process;
  private Path dataDir;
  private Path log;
  private int clientPort;

  /** A plain-http etcd with default settings. */
  public EtcdProcess() {
    this("http", List.of());
  }

  private EtcdProcess(String scheme, List<String> extraArgs) {
    this.scheme = scheme;
    this.extraArgs = List.copyOf(extraArgs);
  }

  /** An etcd with more flags; {@code scheme} is "https" when they set up server TLS (--cert-file, ...). */
  public static EtcdProcess withFlags(String scheme, String... flags) {
    return new EtcdProcess(scheme, List.of(flags));
  }

  public static Path binary() {
    String configured = System.getenv("ETCD_BIN");
    return Path.of(configured == null || configured.isBlank() ? "/usr/bin/etcd" : configured);
  }

  /** Skips the calling test when etcd is not installed, or fails it where etcd is required. */
  public static void requireInstalled() {
    if (Files.isExecutable(binary())) {
      return;
    }
    String hint = "etcd not found at " + binary() + ": install it with `apt-get install -y etcd-server` "
        + "(Debian, etcd 3.4) or point ETCD_BIN at an etcd binary";
    if ("true".equals(System.getenv("CI")) || "1".equals(System.getenv("GATEHOUSE_REQUIRE_ETCD"))) {
      throw new AssertionError(hint);
    }
    Assumptions.abort(hint);
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    start();
  }

  @Override
  public void afterEach(ExtensionContext context) {
    stop();
  }

  @Override
  public void close() {
    stop();
  }

  public synchronized EtcdProcess start() {
    requireInstalled();
    if (process != null) {
      return this;
    }
    IllegalStateException failure = null;
    for (int attempt = 0; attempt < 3; attempt++) { // a port picked as free can be taken before etcd binds it
      try {
        launch();
        return this;
      } catch (IllegalStateException e) {
        failure = e;
        stop();
      }
    }
    throw failure;
  }

  private void launch() {
    try {
      dataDir = Files.createTempDirectory("gatehouse-etcd-");
      log = dataDir.resolveSibling(dataDir.getFileName() + ".log");
      clientPort = freePort();
      int peerPort = freePort();
      String client = scheme + "://127.0.0.1:" + clientPort;
      String peer = "http://127.0.0.1:" + peerPort;
      List<String> command = new ArrayList<>(List.of(binary().toString(),
          "--name", "default", "--data-dir", dataDir.resolve("data").toString(),
          "--listen-client-urls", client, "--advertise-client-urls", client,
          "--listen-peer-urls", peer, "--initial-advertise-peer-urls", peer,
          "--initial-cluster", "default=" + peer, "--logger", "zap", "--log-outputs", "stderr"));
      command.addAll(extraArgs);
      process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
      Process started = process;
      // If the test JVM is stopped mid-test (Ctrl-C, surefire timeout), etcd must not outlive it.
      Runtime.getRuntime().addShutdownHook(new Thread(started::destroyForcibly, "etcd-reaper-" + started.pid()));
      awaitReady();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void awaitReady() throws IOException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("etcd exited with " + process.exitValue() + ":\n" + logTail());
      }
      String text = Files.readString(log, StandardCharsets.UTF_8);
      if (READY.stream().anyMatch(text::contains)) {
        return;
      }
      try {
        Thread.sleep(25);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for etcd", e);
      }
    }
    throw new IllegalStateException("etcd did not become ready within 30 s:\n" + logTail());
  }

  public synchronized String endpoint() {
    if (process == null) {
      throw new IllegalStateException("etcd is not running");
    }
    return scheme + "://127.0.0.1:" + clientPort;
  }

  public synchronized long pid() {
    return process.pid();
  }

  /** Stops etcd (SIGTERM, then SIGKILL after 10 s) and deletes its data. */
  public synchronized void stop() {
    if (process != null) {
      process.destroy();
      try {
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
          process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
      } catch (InterruptedException e) {
        process.destroyForcibly();
        Thread.currentThread().interrupt();
      }
      process = null;
    }
    if (dataDir != null) {
      deleteTree(dataDir);
      try {
        Files.deleteIfExists(log);
      } catch (IOException ignored) {
        // a leftover log in the temp directory is harmless
      }
      dataDir = null;
    }
  }

  private String logTail() {
    try {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private static void deleteTree(Path root) {
    try (Stream<Path> paths = Files.walk(root)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException ignored) {
      // best effort: the directory is under the temp dir
    }
  }
}
