package dev.gatehouse.coordination.compaction;

import dev.gatehouse.coordination.testing.EtcdFixture;
import dev.gatehouse.coordination.testing.StoreFixture;
import dev.gatehouse.store.etcd.EtcdProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

class EtcdPeriodicCompactorTest extends PeriodicCompactorContract {
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
}
