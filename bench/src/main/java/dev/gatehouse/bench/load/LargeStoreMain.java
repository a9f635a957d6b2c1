package dev.gatehouse.bench.load;

import io.vertx.core.http.HttpMethod;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The large-store scenario: a data directory holding {@code --objects} ConfigMaps of {@code --value-bytes}, then
 * {@code serve} started on it with {@code -Xmx1g} as a child process, measuring time-to-ready (process start until
 * /readyz answers ok and a LIST of one namespace succeeds) and the live heap after a full GC. See bench/README.md.
 */
public final class LargeStoreMain {
  private LargeStoreMain() {}

  record Settings(Path jar, Path dataDir, int objects, int namespaces, int valueBytes, int concurrency, String xmx,
                  List<String> jvmArgs,
                  int startups, boolean listAll) {}

  /**
   * @param urlSeconds    process start until the "Kubernetes API:" line
   * @param readyzSeconds until /readyz first answered ok
   * @param readySeconds  until /readyz was ok and a LIST of one namespace returned all its objects
   */
  record Startup(double urlSeconds, double readyzSeconds, double readySeconds, long storeOpenMillis,
                 HeapProbe.Figures heap, String listAll) {}

  private static final long SETTLE_MILLIS = 3_000;

  static final String USAGE = """
      usage: LargeStoreMain --data-dir DIR [options]
        --jar PATH         gatehouse serve jar (default cli/target/gatehouse.jar)
        --objects N        ConfigMaps to hold (default 100000)
        --namespaces N     spread over this many namespaces (default 100)
        --value-bytes N    size of each ConfigMap's data value (default 1024)
        --concurrency N    creates in flight while filling (default 32)
        --xmx SIZE         heap limit of the measured serve (default 1g)
        --startups N       measured starts (default 2)
        --jvm-arg ARG      one more JVM option for the measured serve (repeatable), e.g. -XX:SharedArchiveFile=F
        --list-all         after the measurements, LIST every ConfigMap once under that heap limit
      The fill is skipped when DIR/bench-fill.done records the same objects/namespaces/value-bytes.
      """;

  public static void main(String[] args) throws Exception {
    Settings s;
    try {
      s = parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.print(USAGE);
      System.exit(2);
      return;
    }
    Files.createDirectories(s.dataDir());
    System.out.printf("large store: %d cpus (nproc), load avg %s, %,d ConfigMaps x %d B in %d namespaces, %s%n",
        Runtime.getRuntime().availableProcessors(), LoadMain.loadAverage(), s.objects(), s.valueBytes(),
        s.namespaces(), s.dataDir());
    System.out.println("serve JVM options: " + String.join(" ", jvmArgs(s)));
    String fillNote = fillIfNeeded(s);
    long dbBytes = sizeOf(s.dataDir().resolve("store"));
    // One start first that is printed but not counted: it compiles this process's own client code (the refused
    // connects while polling, the TLS handshake, parsing the LIST), which would otherwise slow the first measured
    // start; a user's kubectl has no such cost inside the server's start.
    Thread.sleep(SETTLE_MILLIS);
    Startup warmUp = measureStartup(s, false);
    System.out.printf(Locale.ROOT, "warm-up start (not counted): URL printed %.2f s, /readyz ok %.2f s, ready %.2f s%n",
        warmUp.urlSeconds(), warmUp.readyzSeconds(), warmUp.readySeconds());
    List<Startup> startups = new ArrayList<>();
    for (int i = 1; i <= s.startups(); i++) {
      // a quiet machine before each start: the previous server's exit and this process's own JIT compiling
      // would otherwise share the two cores with the start being timed
      Thread.sleep(SETTLE_MILLIS);
      Startup startup = measureStartup(s, i == s.startups() && s.listAll());
      startups.add(startup);
      System.out.printf(Locale.ROOT, "startup %d: URL printed %.2f s, /readyz ok %.2f s, ready %.2f s (store load"
              + " %d ms), heap after full GC %.1f MiB of %.1f MiB committed, RSS %.1f MiB%n", i, startup.urlSeconds(),
          startup.readyzSeconds(), startup.readySeconds(), startup.storeOpenMillis(), mib(startup.heap().usedBytes()),
          mib(startup.heap().committedBytes()), mib(startup.heap().rssBytes()));
    }
    System.out.println();
    System.out.printf(Locale.ROOT, "store on disk: %.1f MiB; %s%n", mib(dbBytes), fillNote);
    System.out.printf("%-8s %8s %9s %8s %12s %10s %9s  %s%n", "startup", "url s", "readyz s", "ready s",
        "store load", "heap MiB", "RSS MiB", "targets (ready < 3 s, heap < 1 GiB)");
    for (int i = 0; i < startups.size(); i++) {
      Startup st = startups.get(i);
      boolean ready = st.readySeconds() < 3;
      boolean heap = st.heap().usedBytes() < (1L << 30);
      System.out.printf(Locale.ROOT, "%-8d %8.2f %9.2f %8.2f %9d ms %10.1f %9.1f  ready %s, heap %s%n", i + 1,
          st.urlSeconds(), st.readyzSeconds(), st.readySeconds(), st.storeOpenMillis(), mib(st.heap().usedBytes()),
          mib(st.heap().rssBytes()), ready ? "MET" : "MISSED", heap ? "MET" : "MISSED");
    }
    Startup last = startups.get(startups.size() - 1);
    System.out.println("largest classes on the heap after the last start (jcmd GC.class_histogram):");
    last.heap().histogramTop().forEach(l -> System.out.println("  " + l.strip()));
    if (last.listAll() != null) {
      System.out.println("LIST of all ConfigMaps under -Xmx" + s.xmx() + ": " + last.listAll());
    }
    System.exit(0);
  }

  private static String fillIfNeeded(Settings s) throws InterruptedException {
    Path marker = s.dataDir().resolve("bench-fill.done");
    String wanted = s.objects() + " " + s.namespaces() + " " + s.valueBytes();
    try {
      if (Files.isRegularFile(marker) && Files.readString(marker).strip().equals(wanted)) {
        return "fill skipped (" + marker + " present)";
      }
    } catch (java.io.IOException e) {
      // unreadable marker: fill again
    }
    int port = ServeProcess.freePort();
    URI url = URI.create("https://127.0.0.1:" + port);
    try (ServeProcess serve = ServeProcess.start(s.jar(), s.dataDir(), port, List.of(),
        s.dataDir().resolve("fill-serve.log"))) {
      serve.awaitUrl(120);
      try (ApiClient client = ApiClient.connect(url, s.dataDir(), s.concurrency(), 2)) {
        System.out.printf("filling through the API (%d creates in flight)...%n", s.concurrency());
        double rate = new StoreFiller(client, s.objects(), s.namespaces(), s.valueBytes()).fill(s.concurrency());
        Files.writeString(marker, wanted + "\n");
        return String.format(Locale.ROOT, "filled at %.0f creates/s (%d B values, %d in flight)", rate,
            s.valueBytes(), s.concurrency());
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
  }

  private static List<String> jvmArgs(Settings s) {
    List<String> args = new ArrayList<>(List.of("-Xmx" + s.xmx()));
    args.addAll(s.jvmArgs());
    return args;
  }

  private static Startup measureStartup(Settings s, boolean listAll) throws InterruptedException {
    int port = ServeProcess.freePort();
    URI url = URI.create("https://127.0.0.1:" + port);
    String probe = "/api/v1/namespaces/" + StoreFiller.namespace(0) + "/configmaps";
    int expectedItems = s.objects() / s.namespaces() + (s.objects() % s.namespaces() > 0 ? 1 : 0);
    // The client exists before the server starts, so its own start-up is not counted.
    try (ApiClient client = ApiClient.connect(url, s.dataDir(), 2, 1);
         ServeProcess serve = ServeProcess.start(s.jar(), s.dataDir(), port,
             jvmArgs(s), s.dataDir().resolve("measured-serve.log"))) {
      long deadline = serve.startedAt() + 120_000_000_000L;
      long readyzAt = 0;
      boolean ready = false;
      while (!ready) {
        if (System.nanoTime() > deadline || !serve.alive()) {
          throw new IllegalStateException("serve not ready after 120 s (alive: " + serve.alive() + ")");
        }
        if (readyzAt == 0 && readyz(client)) {
          readyzAt = System.nanoTime();
        }
        ready = readyzAt != 0 && readyz(client) && listed(client, probe, expectedItems);
        if (!ready) {
          Thread.sleep(5);
        }
      }
      double readySeconds = (System.nanoTime() - serve.startedAt()) / 1e9;
      double readyzSeconds = (readyzAt - serve.startedAt()) / 1e9;
      HeapProbe.Figures heap = HeapProbe.afterFullGc(serve.pid(), 12);
      String listResult = listAll ? listAll(client, serve) : null;
      return new Startup(serve.urlSeconds(), readyzSeconds, readySeconds, serve.storeOpenMillis().orElse(-1), heap, listResult);
    }
  }

  private static boolean readyz(ApiClient client) {
    try {
      ApiClient.Response readyz = client.call(HttpMethod.GET, "/readyz", null);
      return readyz.status() == 200 && readyz.body().toString().strip().equals("ok");
    } catch (IllegalStateException e) {
      return false; // not listening yet
    }
  }

  private static boolean listed(ApiClient client, String probe, int expectedItems) {
    try {
      ApiClient.Response list = client.call(HttpMethod.GET, probe, null);
      return list.status() == 200 && Manifests.tree(list.body().getBytes()).path("items").size() == expectedItems;
    } catch (IllegalStateException e) {
      return false;
    }
  }

  private static String listAll(ApiClient client, ServeProcess serve) {
    long start = System.nanoTime();
    try {
      ApiClient.Response all = client.call(HttpMethod.GET, "/api/v1/configmaps", null);
      double seconds = (System.nanoTime() - start) / 1e9;
      HeapProbe.Figures after = HeapProbe.afterFullGc(serve.pid(), 0);
      return String.format(Locale.ROOT, "status %d, %.1f MiB in %.2f s; server still %s, heap after full GC"
              + " %.1f MiB", all.status(), mib(all.body().length()), seconds, serve.alive() ? "alive" : "DEAD",
          mib(after.usedBytes()));
    } catch (RuntimeException e) {
      return "failed after " + (System.nanoTime() - start) / 1_000_000 + " ms: " + e.getMessage()
          + "; server " + (serve.alive() ? "alive" : "DEAD");
    }
  }

  private static long sizeOf(Path dir) {
    try (var files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
    } catch (java.io.IOException e) {
      return -1;
    }
  }

  private static double mib(long bytes) {
    return bytes / 1024.0 / 1024.0;
  }

  static Settings parse(String[] args) {
    Path jar = Path.of("cli/target/gatehouse.jar");
    Path dataDir = null;
    int objects = 100_000;
    int namespaces = 100;
    int valueBytes = 1024;
    int concurrency = 32;
    String xmx = "1g";
    List<String> jvmArgs = new ArrayList<>();
    int startups = 2;
    boolean listAll = false;
    for (int i = 0; i < args.length; i++) {
      String flag = args[i];
      if (flag.equals("--list-all")) {
        listAll = true;
        continue;
      }
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException(flag + " needs a value");
      }
      String v = args[++i];
      switch (flag) {
        case "--jar" -> jar = Path.of(v);
        case "--data-dir" -> dataDir = Path.of(v).toAbsolutePath();
        case "--objects" -> objects = Integer.parseInt(v);
        case "--namespaces" -> namespaces = Integer.parseInt(v);
        case "--value-bytes" -> valueBytes = Integer.parseInt(v);
        case "--concurrency" -> concurrency = Integer.parseInt(v);
        case "--xmx" -> xmx = v;
        case "--jvm-arg" -> jvmArgs.add(v);
        case "--startups" -> startups = Integer.parseInt(v);
        default -> throw new IllegalArgumentException("unknown option " + flag);
      }
    }
    if (dataDir == null) {
      throw new IllegalArgumentException("--data-dir is required");
    }
    if (!Files.isRegularFile(jar)) {
      throw new IllegalArgumentException("no serve jar at " + jar + " (build it, or pass --jar)");
    }
    if (objects < 1 || namespaces < 1 || startups < 1 || concurrency < 1) {
      throw new IllegalArgumentException("--objects, --namespaces, --startups and --concurrency must be positive");
    }
    return new Settings(jar, dataDir, objects, namespaces, valueBytes, concurrency, xmx, List.copyOf(jvmArgs), startups,
        listAll);
  }
}
