package dev.gatehouse.coordination.election;

import static dev.gatehouse.coordination.testing.RecordingListener.Kind.STARTED;
import static dev.gatehouse.coordination.testing.RecordingListener.Kind.STOPPED;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.coordination.testing.EtcdFixture;
import dev.gatehouse.coordination.testing.Eventually;
import dev.gatehouse.coordination.testing.StoreFixture;
import dev.gatehouse.store.etcd.EtcdProcess;
import dev.gatehouse.store.etcd.EtcdStore;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The election over a real etcd, each candidate with its own client connection. */
class EtcdLeaderElectionTest extends LeaderElectionContract {
  private static final EtcdProcess ETCD = new EtcdProcess();

  @BeforeAll
  static void startEtcd() {
    ETCD.start();
  }

  @AfterAll
  static void stopEtcd() {
    ETCD.stop();
  }

  @Override
  StoreFixture openFixture() {
    return new EtcdFixture(ETCD);
  }

  @Test
  void aLeaderWhoseEtcdClientIsClosedStepsDownAndTheOtherLeadsOnceTheLeaseExpires() {
    EtcdStore client = ((EtcdFixture) fixture).open();
    Candidate a = candidate("a", client);
    awaitSoleLeader(List.of(a), Duration.ofSeconds(5));
    Candidate b = candidate("b");
    Eventually.sleep(300);

    long cutAt = System.nanoTime();
    client.close(); // the process "dies": nothing revokes the lease
    Eventually.await(TTL, "a steps down on its own", () -> !a.listener().leading());
    assertThat(ms(a.listener().last(STOPPED) - cutAt)).isLessThan(TTL_MS);

    Eventually.await(TTL.plusSeconds(3), "b leads once a's lease has expired", b::leads);
    assertThat(ms(b.listener().last(STARTED) - cutAt)).isGreaterThanOrEqualTo(EARLIEST_EXPIRY_MS);
    assertThat(b.listener().last(STARTED)).isGreaterThan(a.listener().last(STOPPED));
    assertThat(b.election().leader()).contains("b");
    assertContractKept(a, b);
  }
}
