package dev.gatehouse.bench.jmh;

import dev.gatehouse.kube.meta.labels.LabelSelector;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Label selectors: parsing a set-based selector as a LIST's {@code labelSelector} parameter carries it, and
 * matching it against the labels of 500 objects (the per-object cost of a filtered LIST or watch).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class LabelSelectorBench {
  static final String SELECTOR = "app=web,tier in (frontend,backend),!canary,env notin (dev,test),release";

  private LabelSelector selector;
  private List<Map<String, String>> objects;

  @Setup
  public void setUp() {
    selector = LabelSelector.parse(SELECTOR);
    String[] apps = {"web", "api", "db", "web"};
    String[] tiers = {"frontend", "backend", "cache"};
    String[] envs = {"prod", "staging", "dev"};
    objects = java.util.stream.IntStream.range(0, 500).mapToObj(i -> {
      Map<String, String> labels = new java.util.HashMap<>();
      labels.put("app", apps[i % apps.length]);
      labels.put("tier", tiers[i % tiers.length]);
      labels.put("env", envs[i % envs.length]);
      labels.put("pod-template-hash", Integer.toHexString(i * 7919));
      if (i % 5 != 0) {
        labels.put("release", "r" + (i % 7));
      }
      if (i % 11 == 0) {
        labels.put("canary", "true");
      }
      return Map.copyOf(labels);
    }).toList();
    long matching = objects.stream().filter(selector::matches).count();
    if (matching == 0 || matching == objects.size()) {
      throw new IllegalStateException("sample labels should match partly, matched " + matching);
    }
  }

  @Benchmark
  public LabelSelector parse() {
    return LabelSelector.parse(SELECTOR);
  }

  /** Matching against 500 label sets; divide by 500 for one object. */
  @Benchmark
  public void match500(Blackhole bh) {
    for (Map<String, String> labels : objects) {
      bh.consume(selector.matches(labels));
    }
  }
}
