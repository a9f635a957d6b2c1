package dev.gatehouse.store.etcd;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.store.CompactedException;
import dev.gatehouse.store.KeyValue;
import dev.gatehouse.store.LeaseNotFoundException;
import dev.gatehouse.store.Op;
import dev.gatehouse.store.RangeRequest;
import dev.gatehouse.store.RecordingListener;
import dev.gatehouse.store.Store;
import dev.gatehouse.store.StoreException;
import dev.gatehouse.store.Txn;
import dev.gatehouse.store.TxnResult;
import dev.gatehouse.store.Watch;
import dev.gatehouse.store.WatchEvent;
import dev.gatehouse.store.WatchListener;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What several Gatehouse processes sharing one etcd rely on, beyond the single-store contract. */
class EtcdStoreTest {
  @RegisterExtension
  final EtcdProcess etcd = new EtcdProcess();

  private final List<Store> opened = new ArrayList<>();

  @AfterEach
  void closeStores() {
    opened.forEach(Store::close);
  }

  private EtcdStore open(String prefix) {
    EtcdStore store = EtcdStore.open(EtcdStoreOptions.of(etcd.endpoint()).withKeyPrefix(prefix));
    opened.add(store);
    return store;
  }

  private static TxnResult put(Store store, String key, String value) {
    return store.txn(new Txn(List.of(), List.of(new Op.Put(key, value.getBytes(UTF_8))), List.of())).join();
  }

  private static String value(Store store, String key) {
    List<KeyValue> kvs = store.range(RangeRequest.get(key)).kvs();
    return kvs.isEmpty() ? null : new String(kvs.get(0).value(), UTF_8);
  }

  @Test
  void aWriteThroughOneReplicaIsVisibleThroughAnotherAsSoonAsItReturns() throws Exception {
    EtcdStore a = open("/gh");
    EtcdStore b = open("/gh");
    for (int i = 0; i < 50; i++) {
      long revision = put(a, "/k", "v" + i).revision();
      assertThat(value(b, "/k")).as("linearizable read after write %d", i).isEqualTo("v" + i);
      assertThat(b.currentRevision()).isGreaterThanOrEqualTo(revision);
    }
    // B learns of A's writes without reading, from its revision watch.
    long last = put(a, "/other", "x").revision();
    awaitTrue(() -> b.currentRevision() >= last, "B's currentRevision reaches " + last);
  }

  @Test
  void aWatchOnOneReplicaSeesWritesMadeThroughAnother() throws Exception {
    EtcdStore a = open("/gh");
    EtcdStore b = open("/gh");
    RecordingListener listener = new RecordingListener();
    try (Watch ignored = b.watch("/w/", b.currentRevision(), listener)) {
      TxnResult first = put(a, "/w/x", "1");
      put(a, "/elsewhere", "-");
      put(a, "/w/x", "2");
      a.txn(new Txn(List.of(), List.of(new Op.Delete("/w/x")), List.of())).join();
      List<WatchEvent> events = listener.awaitCount(3);
      assertThat(events).extracting(WatchEvent::type)
          .containsExactly(WatchEvent.Type.PUT, WatchEvent.Type.PUT, WatchEvent.Type.DELETE);
      assertThat(events.get(0).revision()).isEqualTo(first.revision());
      assertThat(new String(events.get(1).prevKv().value(), UTF_8)).isEqualTo("1");
      assertThat(events.get(2).kv().key()).isEqualTo("/w/x");
    }
  }

  @Test
  void aWatchOnTheWholeKeySpaceSeesEveryWrite() throws Exception {
    EtcdStore a = open("");
    EtcdStore b = open("");
    RecordingListener listener = new RecordingListener();
    try (Watch ignored = b.watch("/", b.currentRevision(), listener)) {
      put(a, "/registry/rbac.authorization.k8s.io/rolebindings/default/x", "1");
      put(a, "/clusters/c/registry/core/configmaps/default/y", "2");
      List<WatchEvent> events = listener.awaitCount(2);
      assertThat(events).extracting(e -> e.kv().key()).containsExactly(
          "/registry/rbac.authorization.k8s.io/rolebindings/default/x", "/clusters/c/registry/core/configmaps/default/y");
    }
  }

  @Test
  void keyPrefixesKeepInstallationsApartWhileRevisionsAreShared() {
    EtcdStore one = open("/one");
    EtcdStore two = open("/two");
    long r1 = put(one, "/k", "from one").revision();
    long r2 = put(two, "/k", "from two").revision();
    assertThat(r2).isEqualTo(r1 + 1);
    assertThat(value(one, "/k")).isEqualTo("from one");
    assertThat(one.range(RangeRequest.prefix("")).kvs()).extracting(KeyValue::key).containsExactly("/k");
    assertThat(two.range(RangeRequest.prefix("")).count()).isEqualTo(1);
  }

  @Test
  void anExpiredLeaseDeletesItsKeysForEveryReplica() throws Exception {
    EtcdStore a = open("/gh");
    EtcdStore b = open("/gh");
    long lease = a.grantLease(2).join();
    a.txn(new Txn(List.of(), List.of(new Op.Put("/l/a", "a".getBytes(UTF_8), lease)), List.of())).join();
    b.keepAlive(lease).join(); // a lease is etcd's, not the granting replica's
    RecordingListener listener = new RecordingListener();
    try (Watch ignored = b.watch("/l/", b.currentRevision(), listener)) {
      WatchEvent deleted = listener.awaitEvents(e -> !e.isEmpty(), Duration.ofSeconds(15)).get(0);
      assertThat(deleted.type()).isEqualTo(WatchEvent.Type.DELETE);
      assertThat(deleted.prevKv().lease()).isEqualTo(lease);
    }
    assertThat(value(a, "/l/a")).isNull();
    assertThatThrownBy(() -> a.keepAlive(lease).join()).hasCauseInstanceOf(LeaseNotFoundException.class);
    assertThatThrownBy(() -> b.revokeLease(lease).join()).hasCauseInstanceOf(LeaseNotFoundException.class);
  }

  @Test
  void aCompactionByAnotherReplicaIsRefusedToOldReadsAndWatchesWithItsRevision() {
    EtcdStore a = open("/gh");
    EtcdStore b = open("/gh");
    long before = put(a, "/c/k", "1").revision();
    put(a, "/c/k", "2");
    long compactAt = put(a, "/c/k", "3").revision();
    put(a, "/c/k", "4");
    assertThat(b.range(RangeRequest.prefix("/c/").atRevision(before)).kvs()).hasSize(1);

    a.compact(compactAt).join();
    assertThat(b.compactRevision()).as("B has not heard yet").isLessThan(compactAt);
    assertThatThrownBy(() -> b.range(RangeRequest.prefix("/c/").atRevision(before)))
        .isInstanceOf(CompactedException.class)
        .satisfies(e -> assertThat(((CompactedException) e).compactRevision()).isEqualTo(compactAt));
    assertThat(b.compactRevision()).isEqualTo(compactAt);

    EtcdStore c = open("/gh");
    assertThat(c.compactRevision()).as("learnt at open").isEqualTo(compactAt);
    assertThatThrownBy(() -> c.watch("/c/", before, new RecordingListener()))
        .isInstanceOf(CompactedException.class);
    EtcdStore d = open("/gh");
    d.compact(compactAt - 1).join(); // below etcd's compaction: no effect, no error
    assertThat(new String(d.range(RangeRequest.get("/c/k").atRevision(compactAt)).kvs().get(0).value(), UTF_8))
        .isEqualTo("3");
  }

  @Test
  void aWatchFromHistoryAnotherReplicaCompactedIsRefusedUpFront() throws Exception {
    EtcdStore a = open("/gh");
    EtcdStore b = open("/gh");
    long start = put(a, "/cw/k", "0").revision();
    for (int i = 1; i <= 5; i++) {
      put(a, "/cw/k", "v" + i);
    }
    long compactAt = a.currentRevision() - 1;
    a.compact(compactAt).join();
    assertThat(b.compactRevision()).isLessThan(compactAt);
    assertThatThrownBy(() -> b.watch("/cw/", start, new RecordingListener()))
        .isInstanceOf(CompactedException.class)
        .satisfies(e -> assertThat(((CompactedException) e).compactRevision()).isEqualTo(compactAt));
    RecordingListener listener = new RecordingListener();
    try (Watch ignored = b.watch("/cw/", compactAt, listener)) {
      assertThat(listener.awaitCount(1).get(0).revision()).isEqualTo(compactAt + 1);
    }
  }

  @Test
  void unknownLeasesAreReportedAsSuch() {
    EtcdStore store = open("/gh");
    assertThatThrownBy(() -> store.keepAlive(424242).join()).hasCauseInstanceOf(LeaseNotFoundException.class);
    assertThatThrownBy(() -> store.revokeLease(424242).join()).hasCauseInstanceOf(LeaseNotFoundException.class);
    assertThatThrownBy(() -> store.txn(new Txn(List.of(), List.of(new Op.Put("/x", new byte[0], 424242)),
        List.of())).join()).hasCauseInstanceOf(LeaseNotFoundException.class)
        .cause().hasMessage("requested lease not found: 424242");
    assertThatThrownBy(() -> store.grantLease(0).join()).hasCauseInstanceOf(StoreException.class);
  }

  @Test
  void duplicateWritesFailOnlyWhenTheirBranchRuns() {
    EtcdStore store = open("/gh");
    List<Op> twice = List.of(new Op.Put("/d", "1".getBytes(UTF_8)), new Op.Delete("/d"));
    List<Op> once = List.of(new Op.Put("/ok", "1".getBytes(UTF_8)));
    TxnResult result = store.txn(new Txn(List.of(), once, twice)).join();
    assertThat(result.succeeded()).isTrue();
    assertThat(value(store, "/ok")).isEqualTo("1");
    long revision = store.currentRevision();
    assertThatThrownBy(() -> store.txn(new Txn(List.of(), twice, once)).join())
        .hasCauseInstanceOf(StoreException.class).cause().hasMessageContaining("duplicate key");
    assertThat(value(store, "/d")).isNull();
    assertThat(store.range(RangeRequest.get("/d")).revision()).isEqualTo(revision);
  }

  @Test
  void aListMuchLargerThanGrpcsDefaultMessageLimitIsServed() {
    EtcdStore store = open("/gh");
    byte[] value = new byte[512 * 1024];
    for (int i = 0; i < 12; i++) { // 6 MiB in all, each request under etcd's 1.5 MiB request limit
      store.txn(new Txn(List.of(), List.of(new Op.Put("/big/" + i, value)), List.of())).join();
    }
    assertThat(store.range(RangeRequest.prefix("/big/")).kvs()).hasSize(12);
  }

  @Test
  void aSlowListenerIsClosedAndAThrowingOneEndsOnlyItsOwnWatch() throws Exception {
    EtcdStore store = EtcdStore.open(EtcdStoreOptions.of(etcd.endpoint()).withWatchQueueCapacity(5));
    opened.add(store);
    CountDownLatch release = new CountDownLatch(1);
    List<Throwable> closedWith = new CopyOnWriteArrayList<>();
    CountDownLatch closed = new CountDownLatch(2);
    WatchListener slow = new WatchListener() {
      @Override
      public void onEvents(List<WatchEvent> events) {
        try {
          release.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }

      @Override
      public void onClosed(Throwable cause) {
        closedWith.add(cause);
        closed.countDown();
      }
    };
    IllegalStateException boom = new IllegalStateException("boom");
    CountDownLatch throwingClosed = new CountDownLatch(1);
    WatchListener throwing = new WatchListener() {
      @Override
      public void onEvents(List<WatchEvent> events) {
        throw boom;
      }

      @Override
      public void onClosed(Throwable cause) {
        closedWith.add(cause);
        closed.countDown();
        throwingClosed.countDown();
      }
    };
    RecordingListener healthy = new RecordingListener();
    long from = store.currentRevision();
    try (Watch a = store.watch("/s/", from, slow); Watch b = store.watch("/s/", from, throwing);
         Watch c = store.watch("/s/", from, healthy)) {
      // the throwing listener ends at its first event; waiting for that keeps a busy machine from letting it fall
      // behind first (its queue holds 5 events, and 20 follow)
      put(store, "/s/0", "v");
      assertThat(throwingClosed.await(10, TimeUnit.SECONDS)).isTrue();
      for (int i = 1; i < 20; i++) {
        put(store, "/s/" + i, "v");
      }
      assertThat(healthy.awaitCount(20)).hasSize(20);
      release.countDown();
      assertThat(closed.await(10, TimeUnit.SECONDS)).isTrue();
      assertThat(closedWith).contains(boom);
      assertThat(closedWith).anySatisfy(e -> assertThat(e).isInstanceOf(StoreException.class)
          .hasMessageContaining("behind"));
      assertThat(healthy.isClosed()).isFalse();
      assertThat(healthy.sawOverlappingCalls()).isFalse();
      assertThat(store.watchCount()).isEqualTo(1);
    }
    assertThat(store.watchCount()).isZero();
  }

  @Test
  void aWatchEndsWhenEtcdGoesAwayAndOpeningFailsWhenNoneAnswers() throws Exception {
    EtcdStore store = EtcdStore.open(EtcdStoreOptions.of(etcd.endpoint()).withRequestTimeout(Duration.ofSeconds(3)));
    opened.add(store);
    RecordingListener listener = new RecordingListener();
    store.watch("/", store.currentRevision(), listener);
    String endpoint = etcd.endpoint();
    etcd.stop();
    assertThat(listener.awaitClosed(Duration.ofSeconds(30))).isInstanceOf(StoreException.class);
    long started = System.nanoTime();
    assertThatThrownBy(() -> EtcdStore.open(EtcdStoreOptions.of(endpoint).withRequestTimeout(Duration.ofSeconds(2))))
        .isInstanceOf(StoreException.class).hasMessageContaining("cannot open");
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(20));
    started = System.nanoTime();
    assertThatThrownBy(() -> put(store, "/after", "x")).hasCauseInstanceOf(StoreException.class);
    assertThat(Duration.ofNanos(System.nanoTime() - started)).as("bounded by the request timeout")
        .isLessThan(Duration.ofSeconds(10));
  }

  private static void awaitTrue(java.util.function.BooleanSupplier condition, String what) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting until " + what);
      }
      Thread.sleep(10);
    }
  }
}
