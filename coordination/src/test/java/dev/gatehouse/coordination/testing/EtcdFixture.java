package dev.gatehouse.coordination.testing;

import dev.gatehouse.store.Store;
import dev.gatehouse.store.etcd.EtcdProcess;
import dev.gatehouse.store.etcd.EtcdStore;
import dev.gatehouse.store.etcd.EtcdStoreOptions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A real etcd (started by the caller): every replica gets a client connection of its own. */
public final class EtcdFixture implements StoreFixture {
  private final EtcdProcess etcd;
  private final List<EtcdStore> opened = new CopyOnWriteArrayList<>();
  private final EtcdStore admin;

  public EtcdFixture(EtcdProcess etcd) {
    this.etcd = etcd;
    this.admin = open();
  }

  /** A new etcd client; requests time out after 5 s rather than 30 s so a test cannot hang long. */
  public EtcdStore open() {
    EtcdStore store = EtcdStore.open(EtcdStoreOptions.of(etcd.endpoint()).withRequestTimeout(Duration.ofSeconds(5)));
    opened.add(store);
    return store;
  }

  @Override
  public Store replicaStore() {
    return open();
  }

  @Override
  public Store admin() {
    return admin;
  }

  @Override
  public void close() {
    opened.forEach(EtcdStore::close);
  }
}
