package dev.gatehouse.store.etcd;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A three-member etcd cluster for fault tests: every member on its own free loopback client and peer ports,
 * with its own data directory (fsync left on, as in production), joined by {@code --initial-cluster}. Members
 * can be SIGKILLed and restarted on the same ports and data, and everything is stopped by process handle and
 * deleted afterwards. Register it with {@code @RegisterExtension} for a fresh cluster per test method, or drive
 * {@link #start()} / {@link #stop()} by hand.
 *
 * <p>Skipped without an etcd binary, or failing where etcd is required, exactly as {@link EtcdProcess}.
 */
public final class EtcdCluster implements BeforeEachCallback, AfterEachCallback, AutoCloseable {
  private static final Pattern MEMBER_ID = Pattern.compile("\"member_id\"\\s*:\\s*\"?(\\d+)");
  private static final Pattern LEADER = Pattern.compile("\"leader\"\\s*:\\s*\"?(\\d+)");
  private static final Duration READY_TIMEOUT = Duration.ofSeconds(30);

  private final int size;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private Path root;
  private Member[] members;

  /** One member: its fixed ports survive a restart, its process and log do not. */
  private static final class Member {
    final String name;
    final int clientPort;
    final int peerPort;
    final Path dataDir;
    Process process;
    Path log;
    int launches;

    Member(String name, int clientPort, int peerPort, Path dataDir) {
      this.name = name;
      this.clientPort = clientPort;
      this.peerPort = peerPort;
      this.dataDir = dataDir;
    }

    String clientUrl() {
      return "http://127.0.0.1:" + clientPort;
    }

    String peerUrl() {
      return "http://127.0.0.1:" + peerPort;
    }
  }

  /** A three-member cluster: the smallest that keeps a quorum when one member dies. */
  public EtcdCluster() {
    this(3);
  }

  public EtcdCluster(int size) {
    if (size < 1) {
      throw new IllegalArgumentException("a cluster needs at least one member");
    }
    this.size = size;
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

  /** Starts every member and waits until each one reports itself healthy (which needs an elected leader). */
  public synchronized EtcdCluster start() {
    EtcdProcess.requireInstalled();
    if (members != null) {
      return this;
    }
    RuntimeException failure = null;
    for (int attempt = 0; attempt < 3; attempt++) { // a port picked as free can be taken before etcd binds it
      try {
        launchAll();
        return this;
      } catch (RuntimeException e) {
        failure = e;
        stop();
      }
    }
    throw failure;
  }

  private void launchAll() {
    try {
      root = Files.createTempDirectory("gatehouse-etcd-cluster-");
      members = new Member[size];
      for (int i = 0; i < size; i++) {
        members[i] = new Member("m" + i, freePort(), freePort(), root.resolve("m" + i));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    // All at once: a member of a new cluster answers clients only once a quorum of its peers is up.
    for (Member m : members) {
      launch(m);
    }
    for (int i = 0; i < size; i++) {
      awaitHealthy(i);
    }
  }

  private void launch(Member m) {
    String initialCluster = Stream.of(members).map(p -> p.name + "=" + p.peerUrl()).collect(Collectors.joining(","));
    List<String> command = List.of(EtcdProcess.binary().toString(),
        "--name", m.name, "--data-dir", m.dataDir.toString(),
        "--listen-client-urls", m.clientUrl(), "--advertise-client-urls", m.clientUrl(),
        "--listen-peer-urls", m.peerUrl(), "--initial-advertise-peer-urls", m.peerUrl(),
        "--initial-cluster", initialCluster, "--initial-cluster-state", "new",
        "--initial-cluster-token", root.getFileName().toString(),
        "--logger", "zap", "--log-outputs", "stderr");
    m.log = root.resolve(m.name + "-" + (++m.launches) + ".log");
    try {
      m.process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(m.log.toFile()).start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Process started = m.process;
    // If the test JVM is stopped mid-test (Ctrl-C, surefire timeout), etcd must not outlive it.
    Runtime.getRuntime().addShutdownHook(new Thread(started::destroyForcibly, "etcd-reaper-" + started.pid()));
  }

  public int size() {
    return size;
  }

  /** All client endpoints as a store address: {@code etcd://127.0.0.1:p1,127.0.0.1:p2,127.0.0.1:p3}. */
  public synchronized String endpoints() {
    requireStarted();
    return "etcd://" + Stream.of(members).map(m -> "127.0.0.1:" + m.clientPort).collect(Collectors.joining(","));
  }

  /** One member's client URL, {@code http://127.0.0.1:p}. */
  public synchronized String endpoint(int member) {
    return member(member).clientUrl();
  }

  public synchronized boolean isRunning(int member) {
    Process p = member(member).process;
    return p != null && p.isAlive();
  }

  public synchronized long pid(int member) {
    Process p = member(member).process;
    if (p == null) {
      throw new IllegalStateException("member " + member + " is not running");
    }
    return p.pid();
  }

  /** SIGKILLs one member (no shutdown of any kind) and waits until the process is gone. */
  public void kill(int member) {
    Process p;
    synchronized (this) {
      p = member(member).process;
      member(member).process = null;
    }
    if (p == null) {
      throw new IllegalStateException("member " + member + " is not running");
    }
    p.destroyForcibly();
    try {
      if (!p.waitFor(10, TimeUnit.SECONDS)) {
        throw new IllegalStateException("member " + member + " (pid " + p.pid() + ") did not die on SIGKILL");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while killing member " + member, e);
    }
  }

  /** Starts a stopped member again on its ports and data, and waits until it is healthy in the cluster. */
  public void restart(int member) {
    synchronized (this) {
      Member m = member(member);
      if (m.process != null && m.process.isAlive()) {
        throw new IllegalStateException("member " + member + " is still running");
      }
      launch(m);
    }
    awaitHealthy(member);
  }

  /**
   * The index of the member the running members agree is the leader, waiting up to 15 s for one (an election
   * after the leader died takes about a second with etcd's default timings).
   */
  public int leaderIndex() {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
    String last = "no member answered";
    while (System.nanoTime() < deadline) {
      Map<Long, Integer> indexById = new HashMap<>();
      List<Long> leaders = new ArrayList<>();
      for (int i = 0; i < size; i++) {
        if (!isRunning(i)) {
          continue;
        }
        String status = post(i, "/v3/maintenance/status", "{}");
        if (status == null) {
          continue;
        }
        Long id = number(MEMBER_ID, status);
        Long leader = number(LEADER, status);
        if (id != null) {
          indexById.put(id, i);
        }
        if (leader != null && leader != 0) {
          leaders.add(leader);
        }
        last = status;
      }
      if (!leaders.isEmpty() && leaders.stream().distinct().count() == 1 && indexById.containsKey(leaders.get(0))) {
        return indexById.get(leaders.get(0));
      }
      sleep(50);
    }
    throw new IllegalStateException("the members agree on no running leader; last status: " + last);
  }

  /** Any running member that is not the leader. */
  public int followerIndex() {
    int leader = leaderIndex();
    for (int i = 0; i < size; i++) {
      if (i != leader && isRunning(i)) {
        return i;
      }
    }
    throw new IllegalStateException("no running follower");
  }

  /**
   * A gauge or counter from one member's Prometheus {@code /metrics} (its client port serves them), e.g.
   * {@code etcd_debugging_mvcc_watcher_total}; -1 when the member does not answer or has no such metric.
   */
  public double metric(int member, String name) {
    String text = get(member, "/metrics");
    if (text == null) {
      return -1;
    }
    for (String line : text.split("\n")) {
      if (line.startsWith(name + " ") || line.startsWith(name + "{")) {
        return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1).trim());
      }
    }
    return -1;
  }

  /** The last lines of a member's current log, for failure messages. */
  public synchronized String logTail(int member) {
    Path log = member(member).log;
    try {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
    } catch (IOException | RuntimeException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  /** Stops every member still running (SIGTERM, SIGKILL after 10 s) and deletes all data and logs. */
  public synchronized void stop() {
    if (members != null) {
      for (Member m : members) {
        if (m != null && m.process != null) {
          m.process.destroy();
        }
      }
      for (Member m : members) {
        if (m != null && m.process != null) {
          try {
            if (!m.process.waitFor(10, TimeUnit.SECONDS)) {
              m.process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
          } catch (InterruptedException e) {
            m.process.destroyForcibly();
            Thread.currentThread().interrupt();
          }
          m.process = null;
        }
      }
      members = null;
    }
    if (root != null) {
      deleteTree(root);
      root = null;
    }
  }

  private void awaitHealthy(int member) {
    long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      Process p;
      synchronized (this) {
        p = member(member).process;
      }
      if (p == null || !p.isAlive()) {
        throw new IllegalStateException("etcd member " + member + " exited:\n" + logTail(member));
      }
      String health = get(member, "/health");
      if (health != null && health.replace(" ", "").contains("\"health\":\"true\"")) {
        return;
      }
      sleep(50);
    }
    throw new IllegalStateException("etcd member " + member + " not healthy within " + READY_TIMEOUT.toSeconds()
        + " s:\n" + logTail(member));
  }

  private String get(int member, String path) {
    return send(member, HttpRequest.newBuilder(URI.create(endpoint(member) + path)).GET());
  }

  private String post(int member, String path, String json) {
    return send(member, HttpRequest.newBuilder(URI.create(endpoint(member) + path))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  /** The body of a 200 answer, or null when the member does not answer (it may be down or still starting). */
  private String send(int member, HttpRequest.Builder request) {
    try {
      HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(2)).build(),
          HttpResponse.BodyHandlers.ofString());
      return response.statusCode() == 200 ? response.body() : null;
    } catch (IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while asking etcd member " + member, e);
    }
  }

  private static Long number(Pattern pattern, String json) {
    Matcher m = pattern.matcher(json);
    return m.find() ? Long.parseUnsignedLong(m.group(1)) : null;
  }

  private Member member(int index) {
    requireStarted();
    if (index < 0 || index >= size) {
      throw new IllegalArgumentException("no member " + index + " in a cluster of " + size);
    }
    return members[index];
  }

  private void requireStarted() {
    if (members == null) {
      throw new IllegalStateException("the etcd cluster is not running");
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for etcd", e);
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
