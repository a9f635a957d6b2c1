package dev.gatehouse.store.etcd;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.store.KeyValue;
import dev.gatehouse.store.RangeRequest;
import dev.gatehouse.store.RecordingListener;
import dev.gatehouse.store.Watch;
import dev.gatehouse.store.WatchEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * SIGKILL of one of three etcd members while several writers create keys through one {@link EtcdStore} opened
 * on all three: no acknowledged create is lost, creates succeed again within seconds, and a watch whose stream
 * ran on the killed member carries on from where it was, without gap or duplicate. The killed member, restarted,
 * catches up with everything written while it was down.
 */
class EtcdMemberFaultTest {
  private static final String PREFIX = "/fault/";
  private static final int WRITERS = 6;
  /** Each writer's interval between creates: about 200 creates a second in all. */
  private static final Duration PACE = Duration.ofMillis(30);
  private static final String WATCHERS = "etcd_debugging_mvcc_watcher_total";

  @RegisterExtension
  final EtcdCluster cluster = new EtcdCluster();

  private EtcdStore store;

  @AfterEach
  void closeStore() {
    if (store != null) {
      store.close();
    }
  }

  private enum Victim { FOLLOWER, LEADER }

  @Test
  void killingAFollowerMidStreamLosesNoAcknowledgedWriteAndTheWatchOnItResumes() throws Exception {
    survive(Victim.FOLLOWER);
  }

  @Test
  void killingTheLeaderMidStreamLosesNoAcknowledgedWriteAndTheWatchOnItResumes() throws Exception {
    survive(Victim.LEADER);
  }

  private void survive(Victim victimKind) throws Exception {
    store = EtcdStore.open(EtcdStoreOptions.parse(cluster.endpoints()).withRequestTimeout(Duration.ofSeconds(15)));
    int leader = cluster.leaderIndex();
    RecordingListener listener = new RecordingListener();
    long watchFrom = store.currentRevision();
    Placed placed = watchOn(victimKind == Victim.LEADER ? leader : -1, leader, watchFrom, listener);
    int victim = placed.member();
    Map<String, KeyValue> stored = new HashMap<>();
    try (Watch ignored = placed.watch()) {
      long killedAt;
      CreateStream stream = new CreateStream(store, PREFIX, WRITERS, PACE);
      try {
        assertThat(stream.awaitAcks(150, Duration.ofSeconds(20))).as("creates before the kill").isTrue();
        killedAt = System.nanoTime();
        cluster.kill(victim);
        // (b) creates sent after the kill succeed again, and soon.
        assertThat(stream.awaitAcksSentAfter(killedAt, 150, Duration.ofSeconds(20)))
            .as("150 creates sent after SIGKILL of the %s are acknowledged", victimKind).isTrue();
      } finally {
        stream.close();
      }
      // (a) every acknowledged create is there, with its value, at the revision it was acknowledged at.
      for (KeyValue kv : store.range(RangeRequest.prefix(PREFIX)).kvs()) {
        stored.put(kv.key(), kv);
      }
      for (CreateStream.Ack ack : stream.acks()) {
        KeyValue kv = stored.get(ack.key());
        assertThat(kv).as("acknowledged create of %s", ack.key()).isNotNull();
        assertThat(new String(kv.value(), UTF_8)).isEqualTo(ack.value());
        assertThat(kv.modRevision()).isEqualTo(ack.revision());
      }
      report(victimKind, stream, killedAt, stored);
      long acksAfterKill = stream.acks().stream().filter(a -> a.startedNanos() > killedAt).count();
      assertThat(acksAfterKill).isPositive();

      // (c) the watch saw every create that happened (acknowledged or not), once each, in revision order, with
      // nothing else writing: so its revisions run without a hole from the first create to the last.
      List<WatchEvent> events = listener.awaitEvents(e -> e.size() >= stored.size(), Duration.ofSeconds(20));
      assertThat(listener.isClosed()).as("watch still running").isFalse();
      assertThat(listener.sawOverlappingCalls()).isFalse();
      assertThat(events).hasSize(stored.size());
      for (int i = 0; i < events.size(); i++) {
        WatchEvent e = events.get(i);
        assertThat(e.revision()).as("event %d", i).isEqualTo(watchFrom + 1 + i);
        assertThat(e.type()).isEqualTo(WatchEvent.Type.PUT);
        assertThat(stored.get(e.kv().key())).as("event %d's key", i).isNotNull();
        assertThat(stored.get(e.kv().key()).modRevision()).isEqualTo(e.revision());
      }
    }

    // The killed member, restarted on its own data, catches up: read through it alone, it has every create.
    cluster.restart(victim);
    try (EtcdStore viaVictim = EtcdStore.open(EtcdStoreOptions.of(cluster.endpoint(victim)))) {
      Map<String, Long> there = new HashMap<>();
      viaVictim.range(RangeRequest.prefix(PREFIX)).kvs().forEach(kv -> there.put(kv.key(), kv.modRevision()));
      Map<String, Long> expected = new HashMap<>();
      stored.forEach((key, kv) -> expected.put(key, kv.modRevision()));
      assertThat(there).isEqualTo(expected);
    }
  }

  private record Placed(Watch watch, int member) {}

  /**
   * Opens the test's watch until its stream lands on {@code wanted} (or, with -1, on any member but the
   * leader): jetcd spreads new streams over the members round-robin, and each member's watcher gauge says
   * where one went.
   */
  private Placed watchOn(int wanted, int leader, long from, RecordingListener listener) throws InterruptedException {
    for (int attempt = 0; attempt < 12; attempt++) {
      double[] before = watchers();
      Watch watch = store.watch(PREFIX, from, listener);
      int on = -1;
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
      while (on < 0 && System.nanoTime() < deadline) {
        double[] after = watchers();
        for (int i = 0; i < after.length; i++) {
          if (after[i] > before[i]) {
            on = i;
          }
        }
        Thread.sleep(20);
      }
      if (on >= 0 && (wanted >= 0 ? on == wanted : on != leader)) {
        return new Placed(watch, on);
      }
      watch.close();
      awaitWatchers(before);
    }
    throw new AssertionError("could not place the watch on the chosen member");
  }

  private double[] watchers() {
    double[] counts = new double[cluster.size()];
    for (int i = 0; i < counts.length; i++) {
      counts[i] = cluster.metric(i, WATCHERS);
    }
    return counts;
  }

  private void awaitWatchers(double[] expected) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (!Arrays.equals(watchers(), expected) && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
  }

  private static void report(Victim victim, CreateStream stream, long killedAt, Map<String, KeyValue> stored) {
    List<CreateStream.Ack> acks = stream.acks();
    long firstAfter = acks.stream().filter(a -> a.startedNanos() > killedAt).mapToLong(CreateStream.Ack::endedNanos)
        .min().orElse(killedAt);
    List<CreateStream.Failure> failures = stream.failures();
    System.out.printf("SIGKILL %s: %d creates acknowledged, %d failed; longest stall in acknowledgements %d ms; "
            + "first create sent after the kill acknowledged after %d ms%n", victim, acks.size(), failures.size(),
        stream.longestStallAfter(killedAt), TimeUnit.NANOSECONDS.toMillis(firstAfter - killedAt));
    // Grouped by error, with when the creates were sent and how long they waited: the lines differ only by key.
    Map<String, List<CreateStream.Failure>> byError = new TreeMap<>();
    for (CreateStream.Failure f : failures) {
      byError.computeIfAbsent(f.error(), e -> new ArrayList<>()).add(f);
    }
    byError.forEach((error, list) -> System.out.printf(
        "  %d failed, sent +%d..+%d ms after the kill, after %d..%d ms: %s%n", list.size(), millis(list.stream().mapToLong(CreateStream.Failure::startedNanos).min().orElse(0) - killedAt),
        millis(list.stream().mapToLong(CreateStream.Failure::startedNanos).max().orElse(0) - killedAt),
        millis(list.stream().mapToLong(f -> f.endedNanos() - f.startedNanos()).min().orElse(0)),
        millis(list.stream().mapToLong(f -> f.endedNanos() - f.startedNanos()).max().orElse(0)), error));
    System.out.printf("  of the failed creates, %d happened all the same%n",
        failures.stream().filter(f -> stored.containsKey(f.key())).count());
  }

  private static long millis(long nanos) {
    return TimeUnit.NANOSECONDS.toMillis(nanos);
  }
}
