package dev.gatehouse.coordination.compaction;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.gatehouse.coordination.testing.Eventually;
import dev.gatehouse.coordination.testing.ManualScheduler;
import dev.gatehouse.coordination.testing.StoreFixture;
import dev.gatehouse.coordination.testing.UnreliableStore;
import dev.gatehouse.store.Op;
import dev.gatehouse.store.Store;
import dev.gatehouse.store.Txn;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The compactor's scenarios (compaction/scenarios.yaml) and a run on a real timer, on every engine. */
abstract class PeriodicCompactorContract {
  record Step(Integer write, String tick, Boolean compactionFails, Boolean restart, String expect) {}

  record Scenario(String name, List<Step> steps) {
    @Override
    public String toString() {
      return name;
    }
  }

  StoreFixture fixture;
  UnreliableStore store;
  private final String prefix = "/compaction-test/" + UUID.randomUUID() + "/";
  private int written;

  abstract StoreFixture openFixture();

  static List<Scenario> scenarios() throws IOException {
    try (InputStream in = PeriodicCompactorContract.class.getResourceAsStream("scenarios.yaml")) {
      return new ObjectMapper(new YAMLFactory()).readValue(in, new TypeReference<List<Scenario>>() {});
    }
  }

  @BeforeEach
  void openStore() {
    fixture = openFixture();
    store = new UnreliableStore(fixture.replicaStore());
  }

  @AfterEach
  void closeStore() {
    fixture.close();
  }

  @ParameterizedTest
  @MethodSource("scenarios")
  void scenario(Scenario scenario) throws Exception {
    ManualScheduler scheduler = new ManualScheduler();
    PeriodicCompactor compactor = new PeriodicCompactor(store, Duration.ofSeconds(5), scheduler);
    AutoCloseable running = compactor.start();
    Map<String, Long> recorded = new HashMap<>();
    long beforeLastTick = store.compactRevision();
    for (Step step : scenario.steps()) {
      if (step.write() != null) {
        write(step.write());
      }
      if (step.compactionFails() != null) {
        store.setCompactionFails(step.compactionFails());
      }
      if (Boolean.TRUE.equals(step.restart())) {
        running.close();
        running = compactor.start();
      }
      if (step.tick() != null) {
        beforeLastTick = store.compactRevision();
        recorded.put(step.tick(), store.currentRevision());
        scheduler.tick();
      }
      if (step.expect() != null) {
        long expected = step.expect().equals("unchanged") ? beforeLastTick : recorded.get(step.expect());
        assertThat(store.compactRevision()).as("compacted revision at %s (ticks: %s)", step, recorded)
            .isEqualTo(expected);
      }
    }
    running.close();
    assertThat(scheduler.active()).as("ticks left scheduled after stop").isZero();
  }

  @Test
  void onARealTimerItCompactsAtTheRevisionOfThePreviousTickAndStopsWhenClosed() throws Exception {
    PeriodicCompactor compactor = new PeriodicCompactor(store, Duration.ofMillis(100), null);
    write(5);
    long first = store.currentRevision();
    AutoCloseable running = compactor.start();
    Eventually.await(Duration.ofSeconds(3), "compacted at " + first, () -> store.compactRevision() == first);

    write(3);
    long second = store.currentRevision();
    Eventually.await(Duration.ofSeconds(3), "compacted at " + second, () -> store.compactRevision() == second);
    running.close();

    write(2);
    Eventually.sleep(400);
    assertThat(store.compactRevision()).as("no compaction after stop").isEqualTo(second);
  }

  private void write(int keys) {
    Store target = store;
    for (int i = 0; i < keys; i++) {
      String key = prefix + written++;
      target.txn(new Txn(List.of(), List.of(new Op.Put(key, key.getBytes(StandardCharsets.UTF_8))), List.of())).join();
    }
  }
}
