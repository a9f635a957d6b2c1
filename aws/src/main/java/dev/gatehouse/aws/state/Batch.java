package dev.gatehouse.aws.state;

import dev.gatehouse.store.Compare;
import dev.gatehouse.store.Op;
import dev.gatehouse.store.Txn;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * The writes of one IAM/STS operation with the revisions of everything it decided on. Committed as one store
 * transaction, so an operation either changes all it meant to or nothing.
 */
public final class Batch {
  private final Map<String, Long> expected = new LinkedHashMap<>();
  private final Map<String, byte[]> writes = new LinkedHashMap<>();
  private final AwsState state;

  public Batch(AwsState state) {
    this.state = state;
  }

  /** The operation relied on {@code key} being as the mirror shows it now (absent included). */
  public Batch expect(String key) {
    expected.putIfAbsent(key, state.revisionOf(key));
    return this;
  }

  public Batch put(String key, Object value) {
    expect(key);
    writes.put(key, AwsState.encode(value));
    return this;
  }

  public Batch delete(String key) {
    expect(key);
    writes.put(key, null);
    return this;
  }

  public boolean isEmpty() {
    return writes.isEmpty();
  }

  Txn toTxn() {
    List<Compare> compares = new ArrayList<>();
    expected.forEach((key, rev) -> compares.add(new Compare.ModRevisionEquals(key, rev)));
    List<Op> ops = new ArrayList<>();
    writes.forEach((key, bytes) -> ops.add(bytes == null ? new Op.Delete(key) : new Op.Put(key, bytes)));
    return new Txn(compares, ops, List.of());
  }

  void forEachWrite(BiConsumer<String, byte[]> action) {
    writes.forEach(action);
  }
}
