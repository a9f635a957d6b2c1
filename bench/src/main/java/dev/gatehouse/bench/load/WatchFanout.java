package dev.gatehouse.bench.load;

import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.parsetools.RecordParser;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Watch fan-out: {@code watchers} watch streams on one namespace's ConfigMaps, each on its own HTTP/1.1
 * connection (as independent controllers would hold them), then ConfigMaps are created at a steady rate
 * (open loop: a slow write does not delay the next one). For every watcher and every event, the delay from the
 * moment the writer got its 201 to the moment the event's line arrived is recorded. The writer may talk to
 * another replica than the watchers (both on one store): the delay then includes the store's own watch.
 */
final class WatchFanout {
  static final String NAMESPACE = "bench-watch";
  private static final int OPEN_BATCH = 100;

  record Settings(int watchers, double writesPerSecond, Duration warmup, Duration measure, int valueBytes) {}

  /** A write: when it was sent and acknowledged, and whether it falls in the measuring window. */
  private record Write(long sentAt, long ackAt, boolean measured) {}

  private final ApiClient writer;
  private final Settings settings;
  private final Map<Long, Write> writes = new ConcurrentHashMap<>();
  private final AtomicLong writeErrors = new AtomicLong();
  private final Latencies writeLatencies = new Latencies();
  private final List<Watcher> watchers = new ArrayList<>();

  private WatchFanout(ApiClient writer, Settings settings) {
    this.writer = writer;
    this.settings = settings;
  }

  /**
   * @param writer   the client that creates the ConfigMaps (and the namespace)
   * @param watchUrl the server the watchers connect to: the writer's, or another replica on the same store
   * @param dataDir  the data directory whose {@code pki/} the watchers trust and authenticate with
   */
  static ScenarioResult run(ApiClient writer, URI watchUrl, Path dataDir, Settings settings, CpuMeter cpu, int round,
                            String runId) throws InterruptedException {
    try (ApiClient watchClient = writer.sharing(watchUrl, dataDir, settings.watchers())) {
      return new WatchFanout(writer, settings).measure(watchClient, cpu, round, runId);
    }
  }

  private ScenarioResult measure(ApiClient watchClient, CpuMeter cpu, int round, String runId)
      throws InterruptedException {
    Manifests.ensureNamespace(writer, NAMESPACE);
    String collection = "/api/v1/namespaces/" + NAMESPACE + "/configmaps";
    // The watchers' own server names the starting point: a replica that has not yet caught up with a revision
    // the writer's server already knows would refuse it as too large (or make the watch wait).
    String rv = Manifests.resourceVersion(watchClient.expect(HttpMethod.GET, collection + "?limit=1", null, 200)
        .body().getBytes());
    long openStart = System.nanoTime();
    int opened = open(watchClient, collection + "?watch=true&resourceVersion=" + rv);
    double openSeconds = (System.nanoTime() - openStart) / 1e9;
    if (opened == 0) {
      throw new IllegalStateException("no watch could be opened");
    }

    int warmupWrites = (int) Math.round(settings.writesPerSecond() * settings.warmup().toMillis() / 1000.0);
    int measuredWrites = (int) Math.round(settings.writesPerSecond() * settings.measure().toMillis() / 1000.0);
    CountDownLatch acknowledged = new CountDownLatch(warmupWrites + measuredWrites);
    long intervalNanos = (long) (1e9 / settings.writesPerSecond());
    ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
    AtomicInteger tick = new AtomicInteger();
    AtomicLongArray window = new AtomicLongArray(2);
    AtomicReference<double[]> cores = new AtomicReference<>();
    ticker.scheduleAtFixedRate(() -> {
      int k = tick.getAndIncrement();
      if (k == warmupWrites) {
        cpu.start();
        window.set(0, System.nanoTime());
      }
      if (k >= warmupWrites + measuredWrites) {
        if (k == warmupWrites + measuredWrites) {
          window.set(1, System.nanoTime());
          cores.set(cpu.stop());
        }
        return;
      }
      write(collection, "w-" + runId + "-" + k, k >= warmupWrites, acknowledged);
    }, 0, intervalNanos, TimeUnit.NANOSECONDS);
    boolean allAcked = acknowledged.await(settings.warmup().plus(settings.measure()).toSeconds() + 60, TimeUnit.SECONDS);
    awaitDeliveries(warmupWrites + measuredWrites, Duration.ofSeconds(15));
    while (cores.get() == null) {
      Thread.sleep(10);
    }
    ticker.shutdownNow();
    double seconds = (window.get(1) - window.get(0)) / 1e9;
    return summarise(round, opened, openSeconds, measuredWrites, allAcked, seconds, cores.get());
  }

  /** Opens the watches a batch at a time (a 1,000-handshake burst would only measure TLS); returns how many. */
  private int open(ApiClient watchClient, String path) throws InterruptedException {
    for (int first = 0; first < settings.watchers(); first += OPEN_BATCH) {
      int batch = Math.min(OPEN_BATCH, settings.watchers() - first);
      CountDownLatch established = new CountDownLatch(batch);
      for (int i = 0; i < batch; i++) {
        Watcher watcher = new Watcher();
        watchClient.stream(path).onComplete(result -> {
          if (result.succeeded() && result.result().statusCode() == 200) {
            watcher.attach(result.result());
            synchronized (watchers) {
              watchers.add(watcher);
            }
          }
          established.countDown();
        });
      }
      if (!established.await(60, TimeUnit.SECONDS)) {
        break;
      }
    }
    synchronized (watchers) {
      return watchers.size();
    }
  }

  private void write(String collection, String name, boolean measured, CountDownLatch acknowledged) {
    long sentAt = System.nanoTime();
    writer.send(HttpMethod.POST, collection, Manifests.configMap(NAMESPACE, name, settings.valueBytes()))
        .onComplete(result -> {
          long ackAt = System.nanoTime();
          if (result.succeeded() && result.result().status() == 201) {
            long rv = Long.parseLong(Manifests.resourceVersion(result.result().body().getBytes()));
            writes.put(rv, new Write(sentAt, ackAt, measured));
            if (measured) {
              writeLatencies.record(ackAt - sentAt);
            }
          } else {
            writeErrors.incrementAndGet();
          }
          acknowledged.countDown();
        });
  }

  private void awaitDeliveries(int expectedPerWatcher, Duration patience) throws InterruptedException {
    long deadline = System.nanoTime() + patience.toNanos();
    while (System.nanoTime() < deadline) {
      boolean all = true;
      for (Watcher w : snapshot()) {
        all &= w.count() >= expectedPerWatcher - writeErrors.get();
      }
      if (all) {
        return;
      }
      Thread.sleep(20);
    }
  }

  private List<Watcher> snapshot() {
    synchronized (watchers) {
      return List.copyOf(watchers);
    }
  }

  private ScenarioResult summarise(int round, int opened, double openSeconds, int measuredWrites, boolean allAcked,
                                   double seconds, double[] cores) {
    Latencies fromAck = new Latencies();
    Latencies fromSend = new Latencies();
    long received = 0;
    long beforeAck = 0;
    long streamErrors = 0;
    long measuredAcked = writes.values().stream().filter(Write::measured).count();
    for (Watcher w : snapshot()) {
      streamErrors += w.errors();
      long[][] arrivals = w.arrivals();
      for (int i = 0; i < arrivals[0].length; i++) {
        Write write = writes.get(arrivals[0][i]);
        if (write == null || !write.measured()) {
          continue;
        }
        received++;
        long delay = arrivals[1][i] - write.ackAt();
        if (delay < 0) {
          beforeAck++;
        }
        fromAck.record(Math.max(0, delay));
        fromSend.record(arrivals[1][i] - write.sentAt());
      }
    }
    long missing = measuredAcked * opened - received;
    Latencies.Summary send = fromSend.summary();
    Latencies.Summary writeLatency = writeLatencies.summary();
    String note = String.format("%d/%d watchers open in %.1f s; %d writes at %.0f/s (write p50 %.1f ms p99 %.1f ms);"
            + " from send p50 %.1f p99 %.1f max %.1f ms; %d events before ack; %d missing, %d write errors,"
            + " %d stream errors%s",
        opened, settings.watchers(), openSeconds, measuredWrites, settings.writesPerSecond(),
        writeLatency.p50Millis(), writeLatency.p99Millis(), send.p50Millis(), send.p99Millis(), send.maxMillis(),
        beforeAck, missing, writeErrors.get(), streamErrors, allAcked ? "" : "; NOT ALL WRITES ANSWERED");
    return new ScenarioResult("watch-fanout", round, received, seconds, received / seconds, fromAck.summary(),
        missing + writeErrors.get() + streamErrors + (settings.watchers() - opened), cores[0], cores[1], note);
  }

  /** One watch stream: the arrival time of every event line and the resourceVersion it carried. */
  private static final class Watcher {
    private long[] rvs = new long[256];
    private long[] times = new long[256];
    private int size;
    private int errors;
    private long chunkArrivedAt;

    void attach(HttpClientResponse response) {
      RecordParser lines = RecordParser.newDelimited("\n", line -> onLine(line.getBytes()));
      response.handler(chunk -> {
        chunkArrivedAt = System.nanoTime();
        lines.handle(chunk);
      });
      response.exceptionHandler(e -> onError());
      response.endHandler(v -> onError());
    }

    private synchronized void onLine(byte[] line) {
      long rv = Manifests.scanResourceVersion(line);
      if (rv < 0 || new String(line, 0, Math.min(line.length, 20)).contains("ERROR")) {
        errors++;
        return;
      }
      if (size == rvs.length) {
        rvs = Arrays.copyOf(rvs, size * 2);
        times = Arrays.copyOf(times, size * 2);
      }
      rvs[size] = rv;
      times[size] = chunkArrivedAt;
      size++;
    }

    private synchronized void onError() {
      errors++;
    }

    synchronized int count() {
      return size;
    }

    synchronized int errors() {
      return errors;
    }

    synchronized long[][] arrivals() {
      return new long[][] {Arrays.copyOf(rvs, size), Arrays.copyOf(times, size)};
    }
  }
}
