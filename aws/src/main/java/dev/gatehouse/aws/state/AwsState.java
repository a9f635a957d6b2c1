package dev.gatehouse.aws.state;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.gatehouse.store.KeyValue;
import dev.gatehouse.store.RangeRequest;
import dev.gatehouse.store.RangeResult;
import dev.gatehouse.store.Store;
import dev.gatehouse.store.Watch;
import dev.gatehouse.store.WatchEvent;
import dev.gatehouse.store.WatchListener;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentSkipListMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The AWS side's view of the store: every key under {@code /aws/} decoded once into its record and mirrored in
 * memory, so that authenticating and authorising a request never waits for storage.
 *
 * <p>The mirror follows the store's watch, not local writes alone, so a write made by another replica sharing
 * the store shows up here too. A successful {@link #commit} also applies its own writes at once, which gives
 * read-your-writes on this replica; the watch then delivers the same revision and is ignored.
 */
public final class AwsState implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(AwsState.class);
  static final ObjectMapper JSON = JsonMapper.builder()
      .addModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .build();

  /** A decoded value with the revision it was written at; {@code value == null} marks a deleted key. */
  public record Versioned<T>(String key, T value, long modRevision) {}

  private final Store store;
  private final ConcurrentSkipListMap<String, Versioned<Object>> mirror = new ConcurrentSkipListMap<>();
  private final Watch watch;

  private AwsState(Store store) {
    this.store = store;
    RangeResult all = store.range(RangeRequest.prefix(AwsKeys.ROOT));
    for (KeyValue kv : all.kvs()) {
      apply(kv.key(), kv.value(), kv.modRevision());
    }
    this.watch = store.watch(AwsKeys.ROOT, all.revision(), new WatchListener() {
      @Override
      public void onEvents(List<WatchEvent> events) {
        for (WatchEvent e : events) {
          apply(e.kv().key(), e.type() == WatchEvent.Type.PUT ? e.kv().value() : null, e.revision());
        }
      }

      @Override
      public void onClosed(Throwable cause) {
        if (cause != null) {
          log.error("the AWS state lost its store watch; restart Gatehouse to resume following other replicas", cause);
        }
      }
    });
  }

  public static AwsState open(Store store) {
    return new AwsState(store);
  }

  public <T> Optional<Versioned<T>> get(String key, Class<T> type) {
    Versioned<Object> v = mirror.get(key);
    if (v == null || v.value() == null) {
      return Optional.empty();
    }
    return Optional.of(cast(v, type));
  }

  /** Current revision of {@code key} for a compare-and-swap; 0 when absent. */
  public long revisionOf(String key) {
    Versioned<Object> v = mirror.get(key);
    return v == null || v.value() == null ? 0 : v.modRevision();
  }

  /** Live values under {@code prefix} in key order. */
  public <T> List<Versioned<T>> list(String prefix, Class<T> type) {
    List<Versioned<T>> out = new ArrayList<>();
    for (Map.Entry<String, Versioned<Object>> e : mirror.tailMap(prefix, true).entrySet()) {
      if (!e.getKey().startsWith(prefix)) {
        break;
      }
      if (e.getValue().value() != null) {
        out.add(cast(e.getValue(), type));
      }
    }
    return out;
  }

  public <T> List<T> values(String prefix, Class<T> type) {
    return list(prefix, type).stream().map(Versioned::value).toList();
  }

  /** Raw bytes stored under a key that holds no record (e.g. the session-token key). */
  public Optional<byte[]> bytes(String key) {
    Versioned<Object> v = mirror.get(key);
    return v == null || !(v.value() instanceof byte[] b) ? Optional.empty() : Optional.of(b);
  }

  /**
   * Writes the batch atomically if none of the keys it read changed since. Fails with
   * {@link ConflictException} when one did (the caller retries against the new state).
   */
  public CompletableFuture<Long> commit(Batch batch) {
    return store.txn(batch.toTxn()).thenApply(result -> {
      if (!result.succeeded()) {
        throw new ConflictException();
      }
      batch.forEachWrite((key, bytes) -> apply(key, bytes, result.revision()));
      return result.revision();
    });
  }

  static byte[] encode(Object value) {
    if (value instanceof byte[] b) {
      return b;
    }
    try {
      return JSON.writeValueAsBytes(value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void apply(String key, byte[] bytes, long revision) {
    Object decoded = bytes == null ? null : decode(key, bytes);
    mirror.compute(key, (k, old) -> old != null && old.modRevision() >= revision ? old
        : new Versioned<>(k, decoded, revision));
  }

  private static Object decode(String key, byte[] bytes) {
    Class<?> type = AwsKeys.typeOf(key);
    if (type == null) {
      return bytes;
    }
    try {
      return JSON.readValue(bytes, type);
    } catch (IOException e) {
      log.error("cannot decode stored {} at {}: {}", type.getSimpleName(), key, e.getMessage());
      return null;
    }
  }

  @SuppressWarnings("unchecked")
  private static <T> Versioned<T> cast(Versioned<Object> v, Class<T> type) {
    if (!type.isInstance(v.value())) {
      throw new IllegalStateException(v.key() + " holds " + v.value().getClass().getSimpleName() + ", not " + type.getSimpleName());
    }
    return (Versioned<T>) (Versioned<?>) v;
  }

  @Override
  public void close() {
    watch.close();
  }

  /** Another writer changed a key this batch read; nothing was written. */
  public static final class ConflictException extends RuntimeException {
    ConflictException() {
      super("a concurrent write changed the entity", null, false, false);
    }
  }
}
