package dev.gatehouse.coordination.election;

import static dev.gatehouse.coordination.testing.RecordingListener.Kind.STARTED;
import static dev.gatehouse.coordination.testing.RecordingListener.Kind.STOPPED;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.coordination.testing.Eventually;
import dev.gatehouse.coordination.testing.RecordingListener;
import dev.gatehouse.coordination.testing.StoreFixture;
import dev.gatehouse.coordination.testing.UnreliableStore;
import dev.gatehouse.store.Op;
import dev.gatehouse.store.Store;
import dev.gatehouse.store.Txn;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** What every engine must give the election: the same tests run over SQLite and over a real etcd. */
abstract class LeaderElectionContract {
  static final Duration TTL = Duration.ofSeconds(2);
  static final long TTL_MS = TTL.toMillis();
  /** The earliest a cut-off leader's lease can expire after the cut: its last renewal is at most ttl/3 old. */
  static final long EARLIEST_EXPIRY_MS = TTL_MS - TTL_MS / 3 - 100;

  StoreFixture fixture;
  String key;
  private final List<LeaderElection> elections = new ArrayList<>();

  abstract StoreFixture openFixture();

  record Candidate(String identity, UnreliableStore store, RecordingListener listener, LeaderElection election) {
    boolean leads() {
      return election.isLeader() && listener.leading();
    }
  }

  @BeforeEach
  void openStore(TestInfo test) {
    fixture = openFixture();
    key = "/gatehouse/elections/" + test.getTestMethod().orElseThrow().getName() + "-" + UUID.randomUUID();
  }

  @AfterEach
  void closeAll() {
    elections.forEach(LeaderElection::close);
    fixture.close();
  }

  Candidate candidate(String identity) {
    return candidate(identity, new UnreliableStore(fixture.replicaStore()));
  }

  Candidate candidate(String identity, Store store) {
    UnreliableStore unreliable = store instanceof UnreliableStore u ? u : new UnreliableStore(store);
    RecordingListener listener = new RecordingListener();
    LeaderElection election = LeaderElection.start(unreliable, key, identity, TTL, listener);
    elections.add(election);
    return new Candidate(identity, unreliable, listener, election);
  }

  static Candidate awaitSoleLeader(List<Candidate> candidates, Duration within) {
    Eventually.await(within, "exactly one of " + candidates.size() + " candidates leads",
        () -> candidates.stream().filter(Candidate::leads).count() == 1);
    return candidates.stream().filter(Candidate::leads).findFirst().orElseThrow();
  }

  static void assertContractKept(Candidate... candidates) {
    for (Candidate c : candidates) {
      assertThat(c.listener().violations()).as("callback contract of %s", c.identity()).isEmpty();
    }
  }

  @Test
  void exactlyOneOfThreeCandidatesLeadsAndKeepsLeading() {
    List<Candidate> all = List.of(candidate("a"), candidate("b"), candidate("c"));
    Candidate leader = awaitSoleLeader(all, Duration.ofSeconds(5));

    // Longer than the renew deadline: the leader only stays leader by renewing.
    long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(TTL_MS * 3 / 4);
    while (System.nanoTime() < until) {
      assertThat(all.stream().filter(c -> c.election().isLeader()).toList()).containsExactly(leader);
      Eventually.sleep(20);
    }
    for (Candidate c : all) {
      assertThat(c.election().leader()).as("leader seen by %s", c.identity()).contains(leader.identity());
      assertThat(c.listener().kinds()).isEqualTo(c == leader ? List.of(STARTED) : List.of());
    }
    assertContractKept(all.toArray(Candidate[]::new));
  }

  @Test
  void closingTheLeaderHandsOverWithinASecond() {
    Candidate a = candidate("a");
    awaitSoleLeader(List.of(a), Duration.ofSeconds(5));
    Candidate b = candidate("b");
    Eventually.sleep(300); // b has found the key taken and watches it

    a.election().close();
    assertThat(a.listener().kinds()).as("close() returns after onStoppedLeading").containsExactly(STARTED, STOPPED);
    assertThat(a.election().isLeader()).isFalse();
    long handOverMs = Eventually.await(Duration.ofSeconds(1), "b leads after a resigned", b::leads);

    assertThat(handOverMs).isLessThan(1000);
    assertThat(b.election().leader()).contains("b");
    assertThat(b.listener().last(STARTED)).isGreaterThan(a.listener().last(STOPPED));
    assertContractKept(a, b);
  }

  @ParameterizedTest
  @EnumSource(value = UnreliableStore.Mode.class, names = {"FAILING", "HANGING"})
  void aLeaderCutOffFromTheStoreStepsDownBeforeItsLeaseExpires(UnreliableStore.Mode cut) {
    Candidate a = candidate("a");
    awaitSoleLeader(List.of(a), Duration.ofSeconds(5));
    Candidate b = candidate("b");
    Eventually.sleep(300);

    long cutAt = System.nanoTime();
    a.store().setMode(cut); // no renewal, and no revoke either: like a crash or a partition
    Eventually.await(TTL, "a steps down on its own", () -> !a.listener().leading());
    long stepDownMs = ms(a.listener().last(STOPPED) - cutAt);
    assertThat(stepDownMs).as("a stepped down before the ttl").isLessThan(TTL_MS);
    assertThat(a.election().isLeader()).isFalse();

    Eventually.await(TTL.plusSeconds(3), "b leads once a's lease has expired", b::leads);
    long takeOverMs = ms(b.listener().last(STARTED) - cutAt);
    assertThat(takeOverMs).as("b waited for the lease to expire").isGreaterThanOrEqualTo(EARLIEST_EXPIRY_MS);
    assertThat(b.listener().last(STARTED)).isGreaterThan(a.listener().last(STOPPED));

    a.store().setMode(UnreliableStore.Mode.HEALTHY);
    Eventually.sleep(300);
    assertThat(a.election().isLeader()).isFalse();
    assertThat(a.listener().kinds()).containsExactly(STARTED, STOPPED);
    assertContractKept(a, b);
  }

  @Test
  void callbacksAlternateOverSeveralTerms() {
    Candidate a = candidate("a");
    awaitSoleLeader(List.of(a), Duration.ofSeconds(5));
    Candidate b = candidate("b");
    Eventually.sleep(300);

    a.store().setMode(UnreliableStore.Mode.FAILING);
    Eventually.await(TTL.plusSeconds(3), "b takes over from a", b::leads);
    a.store().setMode(UnreliableStore.Mode.HEALTHY);
    Eventually.sleep(500);
    assertThat(b.leads()).as("a, back in touch with the store, follows b").isTrue();
    assertThat(a.election().isLeader()).isFalse();
    b.election().close();
    Eventually.await(TTL.plusSeconds(3), "a leads again", a::leads);
    a.election().close();

    assertThat(a.listener().kinds()).containsExactly(STARTED, STOPPED, STARTED, STOPPED);
    assertThat(b.listener().kinds()).containsExactly(STARTED, STOPPED);
    assertContractKept(a, b);
  }

  @Test
  void anUnavailableStoreDelaysTheCampaignWithoutEndingIt() {
    UnreliableStore store = new UnreliableStore(fixture.replicaStore());
    store.setMode(UnreliableStore.Mode.FAILING);
    Candidate a = candidate("a", store);
    Eventually.sleep(700); // several failed attempts

    assertThat(a.election().isLeader()).isFalse();
    assertThat(a.listener().kinds()).isEmpty();
    store.setMode(UnreliableStore.Mode.HEALTHY);
    Eventually.await(Duration.ofSeconds(3), "a leads once the store answers", a::leads);
    assertContractKept(a);
  }

  @Test
  void aLeaderWhoseKeyIsDeletedStepsDownAndCampaignsAgain() {
    Candidate a = candidate("a");
    awaitSoleLeader(List.of(a), Duration.ofSeconds(5));

    fixture.admin().txn(new Txn(List.of(), List.of(new Op.Delete(key)), List.of())).join();

    Eventually.await(Duration.ofSeconds(3), "a steps down and wins again",
        () -> a.listener().kinds().equals(List.of(STARTED, STOPPED, STARTED)));
    assertThat(a.election().leader()).contains("a");
    assertContractKept(a);
  }

  @Test
  void aLeaderWhoseWatchEndsWatchesAgainWithoutSteppingDown() {
    Candidate a = candidate("a");
    awaitSoleLeader(List.of(a), Duration.ofSeconds(5));

    a.store().endWatches();
    Eventually.sleep(200);
    assertThat(a.listener().kinds()).containsExactly(STARTED);
    assertThat(a.election().isLeader()).isTrue();

    // The new watch is live: a deletion is still noticed.
    fixture.admin().txn(new Txn(List.of(), List.of(new Op.Delete(key)), List.of())).join();
    Eventually.await(Duration.ofSeconds(3), "a notices the deletion and wins again",
        () -> a.listener().kinds().equals(List.of(STARTED, STOPPED, STARTED)));
    assertContractKept(a);
  }

  @Test
  void closeFromALeadershipCallbackDoesNotDeadlock() throws Exception {
    AtomicReference<LeaderElection> self = new AtomicReference<>();
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch stopped = new CountDownLatch(1);
    LeaderElection election = LeaderElection.start(new UnreliableStore(fixture.replicaStore()), key, "a", TTL,
        new LeadershipListener() {
          @Override
          public void onStartedLeading() {
            started.countDown();
            while (self.get() == null) {
              Thread.onSpinWait();
            }
            self.get().close();
          }

          @Override
          public void onStoppedLeading() {
            stopped.countDown();
          }
        });
    self.set(election);
    elections.add(election);

    assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
    assertThat(stopped.await(5, TimeUnit.SECONDS)).as("onStoppedLeading follows the close").isTrue();
    Eventually.await(Duration.ofSeconds(2), "the key is released", () -> election.leader().isEmpty());
  }

  static long ms(long nanos) {
    return TimeUnit.NANOSECONDS.toMillis(nanos);
  }
}
