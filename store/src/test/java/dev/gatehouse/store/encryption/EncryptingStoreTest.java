package dev.gatehouse.store.encryption;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.store.CreateOnce;
import dev.gatehouse.store.KeyValue;
import dev.gatehouse.store.Op;
import dev.gatehouse.store.RangeRequest;
import dev.gatehouse.store.Store;
import dev.gatehouse.store.Txn;
import dev.gatehouse.store.WatchEvent;
import dev.gatehouse.store.WatchListener;
import dev.gatehouse.store.sqlite.SqliteStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EncryptingStoreTest {
  private static final String SECRET = "/gatehouse/secrets/ca";
  @TempDir
  Path dir;
  private SqliteStore engine;
  private final EncryptionKey key = EncryptionKey.generate();
  private Store store;

  @BeforeEach
  void open() {
    engine = SqliteStore.open(dir.resolve("store"), SqliteStore.Options.defaults());
    store = new EncryptingStore(engine, new Sealer(key), k -> k.startsWith("/gatehouse/secrets/"));
  }

  @AfterEach
  void close() {
    store.close();
  }

  private static void await(java.util.function.BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + 5_000_000_000L;
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("condition within 5 s").isLessThan(deadline);
      Thread.sleep(10);
    }
  }

  private static byte[] raw(Store s, String k) {
    return s.range(RangeRequest.get(k)).kvs().get(0).value();
  }

  @Test
  void sensitiveValuesAreSealedInTheEngineAndOpenOnRead() {
    store.txn(new Txn(List.of(), List.of(new Op.Put(SECRET, "private-key".getBytes(UTF_8)),
        new Op.Put("/registry/core/configmaps/a", "plain".getBytes(UTF_8))), List.of())).join();

    assertThat(new String(raw(engine, SECRET), UTF_8)).startsWith("gatehouse:enc:aesgcm:v1:" + key.id() + ":")
        .doesNotContain("private-key");
    assertThat(new String(raw(engine, "/registry/core/configmaps/a"), UTF_8)).isEqualTo("plain");
    assertThat(new String(raw(store, SECRET), UTF_8)).isEqualTo("private-key");
  }

  @Test
  void txnResultsAndWatchEventsCarryPlaintext() throws InterruptedException {
    List<WatchEvent> seen = new CopyOnWriteArrayList<>();
    store.watch("/gatehouse/", store.currentRevision(), new WatchListener() {
      @Override
      public void onEvents(List<WatchEvent> events) {
        seen.addAll(events);
      }
    });
    var put = store.txn(Txn.of(new dev.gatehouse.store.Compare.CreateRevisionEquals(SECRET, 0),
        new Op.Put(SECRET, "v1".getBytes(UTF_8)), null)).join();
    assertThat(new String(put.results().get(0).value(), UTF_8)).isEqualTo("v1");
    store.txn(new Txn(List.of(), List.of(new Op.Put(SECRET, "v2".getBytes(UTF_8))), List.of())).join();
    store.txn(new Txn(List.of(), List.of(new Op.Delete(SECRET)), List.of())).join();

    await(() -> seen.size() == 3);
    assertThat(seen).extracting(e -> new String(e.kv().value(), UTF_8)).containsExactly("v1", "v2", "");
    assertThat(seen).extracting(e -> e.prevKv() == null ? null : new String(e.prevKv().value(), UTF_8))
        .containsExactly(null, "v1", "v2");
  }

  @Test
  void aValueWrittenBeforeEncryptionIsReadAsItIs() {
    engine.txn(new Txn(List.of(), List.of(new Op.Put(SECRET, "legacy".getBytes(UTF_8))), List.of())).join();
    assertThat(new String(raw(store, SECRET), UTF_8)).isEqualTo("legacy");
  }

  @Test
  void anotherKeyNamesTheMismatchWithoutRevealingAnything() {
    store.txn(new Txn(List.of(), List.of(new Op.Put(SECRET, "s".getBytes(UTF_8))), List.of())).join();
    EncryptionKey other = EncryptionKey.generate();
    Store foreign = new EncryptingStore(engine, new Sealer(other), k -> true);

    assertThatThrownBy(() -> foreign.range(RangeRequest.get(SECRET)))
        .isInstanceOf(UnreadableSecretException.class)
        .hasMessage("cannot decrypt /gatehouse/secrets/ca: it was sealed with encryption key " + key.id()
            + ", this replica has key " + other.id() + "; every replica needs the same --encryption-key-file");
  }

  @Test
  void aSealedValueMovedToAnotherKeyOrAlteredDoesNotOpen() {
    Sealer sealer = new Sealer(key);
    byte[] sealed = sealer.seal(SECRET, "s".getBytes(UTF_8));
    assertThatThrownBy(() -> sealer.open("/gatehouse/secrets/other", sealed))
        .hasMessage("cannot decrypt /gatehouse/secrets/other: the sealed value does not authenticate (altered, or"
            + " moved from another key)");
    byte[] altered = sealed.clone();
    altered[altered.length - 1] ^= 1;
    assertThatThrownBy(() -> sealer.open(SECRET, altered)).isInstanceOf(UnreadableSecretException.class);
    byte[] truncated = java.util.Arrays.copyOf(sealed, 40);
    assertThatThrownBy(() -> sealer.open(SECRET, truncated))
        .hasMessage("cannot decrypt /gatehouse/secrets/ca: the sealed value is truncated");
  }

  @Test
  void aWatchOverAValueItCannotOpenEndsWithTheReason() throws InterruptedException {
    Store foreign = new EncryptingStore(engine, new Sealer(EncryptionKey.generate()), k -> true);
    AtomicReference<Throwable> closed = new AtomicReference<>();
    List<WatchEvent> events = new CopyOnWriteArrayList<>();
    foreign.watch("/gatehouse/", foreign.currentRevision(), new WatchListener() {
      @Override
      public void onEvents(List<WatchEvent> e) {
        events.addAll(e);
      }

      @Override
      public void onClosed(Throwable cause) {
        closed.set(cause);
      }
    });
    store.txn(new Txn(List.of(), List.of(new Op.Put(SECRET, "s".getBytes(UTF_8))), List.of())).join();
    await(() -> closed.get() != null);
    assertThat(closed.get()).isInstanceOf(UnreadableSecretException.class);
    assertThat(events).isEmpty();
  }

  @Test
  void createOnceKeepsTheFirstValue() {
    byte[] first = CreateOnce.value(store, SECRET, () -> "first".getBytes(UTF_8));
    byte[] second = CreateOnce.value(store, SECRET, () -> "second".getBytes(UTF_8));
    assertThat(new String(first, UTF_8)).isEqualTo("first");
    assertThat(new String(second, UTF_8)).isEqualTo("first");
  }

  @Test
  void keyFilesAreCreatedPrivateAndReadBack() throws Exception {
    Path file = dir.resolve("encryption.key");
    EncryptionKey created = EncryptionKey.readOrCreate(file);
    assertThat(EncryptionKey.readOrCreate(file).id()).isEqualTo(created.id());
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    assertThat(created.toString()).isEqualTo("EncryptionKey[" + created.id() + "]");
    Files.writeString(file, "c2hvcnQ=\n");
    assertThatThrownBy(() -> EncryptionKey.read(file))
        .hasMessage(file + ": the key must be 32 bytes (base64), got 5");
    Files.writeString(file, "not base64!\n");
    assertThatThrownBy(() -> EncryptionKey.read(file)).hasMessageStartingWith(file + ": not base64 (");
  }
}
