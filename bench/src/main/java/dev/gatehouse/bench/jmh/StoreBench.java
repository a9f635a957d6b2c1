package dev.gatehouse.bench.jmh;

import dev.gatehouse.store.Compare;
import dev.gatehouse.store.KeyValue;
import dev.gatehouse.store.Op;
import dev.gatehouse.store.RangeRequest;
import dev.gatehouse.store.RangeResult;
import dev.gatehouse.store.Txn;
import dev.gatehouse.store.TxnResult;
import dev.gatehouse.store.sqlite.SqliteStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;

/**
 * The embedded store with the key layout the API server uses: 20 namespaces x 500 ConfigMaps of 1 KiB under
 * {@code /registry/core/configmaps/<ns>/<name>}. Reads at the current revision come from memory; writes are durable
 * (fsync'd) transactions like an API create, measured from one thread (commit latency) and from 32 threads (group
 * commit throughput).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class StoreBench {
  static final int NAMESPACES = 20;
  static final int PER_NAMESPACE = 500;

  private Path dir;
  private SqliteStore store;
  private byte[] value;
  private final AtomicLong sequence = new AtomicLong();

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    dir = Files.createTempDirectory("gatehouse-storebench");
    store = SqliteStore.open(dir, SqliteStore.Options.defaults().withCompaction(Duration.ZERO, 0));
    value = "x".repeat(1024).getBytes(StandardCharsets.UTF_8);
    List<CompletableFuture<TxnResult>> writes = new ArrayList<>();
    for (int n = 0; n < NAMESPACES; n++) {
      for (int i = 0; i < PER_NAMESPACE; i++) {
        writes.add(store.txn(create(key(n, i))));
      }
    }
    CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new)).join();
    long listed = store.range(RangeRequest.prefix(prefix(3))).kvs().size();
    if (listed != PER_NAMESPACE) {
      throw new IllegalStateException("prefix range returned " + listed);
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    store.close();
    try (var files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  static String prefix(int namespace) {
    return "/registry/core/configmaps/ns-" + namespace + "/";
  }

  static String key(int namespace, int index) {
    return prefix(namespace) + "cm-" + index;
  }

  private Txn create(String key) {
    return Txn.of(new Compare.CreateRevisionEquals(key, 0), new Op.Put(key, value), null);
  }

  /** GET of one object (random key among 10,000). */
  @Benchmark
  public KeyValue rangeGetOne() {
    ThreadLocalRandom r = ThreadLocalRandom.current();
    RangeResult result = store.range(RangeRequest.get(key(r.nextInt(NAMESPACES), r.nextInt(PER_NAMESPACE))));
    return result.kvs().get(0);
  }

  /** LIST of one namespace: 500 keys by prefix. */
  @Benchmark
  public RangeResult rangePrefix500() {
    return store.range(RangeRequest.prefix(prefix(ThreadLocalRandom.current().nextInt(NAMESPACES))));
  }

  /** One durable create at a time: the latency of a commit (one fsync). */
  @Benchmark
  public TxnResult txnCreateSingleWriter() {
    return store.txn(create("/registry/core/configmaps/txn/single-" + sequence.incrementAndGet())).join();
  }

  /** 32 writers at once: how far group commit (many transactions per fsync) takes durable creates. */
  @Benchmark
  @Threads(32)
  public TxnResult txnCreate32Writers() {
    return store.txn(create("/registry/core/configmaps/txn/group-" + sequence.incrementAndGet())).join();
  }

  /** Compare-and-swap update of an existing key (read its modRevision, then put if unchanged), 32 writers. */
  @Benchmark
  @Threads(32)
  public TxnResult txnUpdateCas32Writers() {
    ThreadLocalRandom r = ThreadLocalRandom.current();
    String key = key(r.nextInt(NAMESPACES), r.nextInt(PER_NAMESPACE));
    long revision = store.range(RangeRequest.get(key)).kvs().get(0).modRevision();
    return store.txn(new Txn(List.of(new Compare.ModRevisionEquals(key, revision)),
        List.of(new Op.Put(key, value)), List.of(new Op.Get(key)))).join();
  }
}
