package dev.gatehouse.store.sqlite;

import dev.gatehouse.store.FutureRevisionException;
import dev.gatehouse.store.KeyValue;
import dev.gatehouse.store.RangeRequest;
import dev.gatehouse.store.RangeResult;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.locks.StampedLock;

/**
 * The latest committed value of every live key, in key order, serving reads at the current revision.
 *
 * <p>Only the writer thread mutates it, after the batch is durable, under the write side of a
 * {@link StampedLock}; readers run optimistically and retry under the read lock only if a batch was applied
 * while they read. A reader therefore sees every revision whole: never half of a multi-key transaction, and
 * never a value newer than the revision it reports.
 */
final class KeyIndex {
  private final ConcurrentSkipListMap<String, KeyValue> latest;
  private final StampedLock lock = new StampedLock();
  private volatile long revision;

  /**
   * The index of a store at {@code revision} whose live keys are {@code live}, in ascending key order with each key
   * once. Built in one linear pass (the skip list's constructor from a sorted map) rather than by a put per key,
   * which would compare each key some 17 times on the way down a 100,000-key list.
   */
  KeyIndex(long revision, List<KeyValue> live) {
    this.revision = revision;
    this.latest = new ConcurrentSkipListMap<>(new AscendingKeyValues(live));
  }

  long revision() {
    return revision;
  }

  int size() {
    return latest.size();
  }

  /** The committed value of {@code key}, without revision consistency: for the writer thread only. */
  KeyValue get(String key) {
    return latest.get(key);
  }

  /** Publishes a durable batch: {@code changes} maps keys to their new value, or to null when deleted. */
  void apply(Map<String, KeyValue> changes, long newRevision) {
    long stamp = lock.writeLock();
    try {
      for (Map.Entry<String, KeyValue> change : changes.entrySet()) {
        if (change.getValue() == null) {
          latest.remove(change.getKey());
        } else {
          latest.put(change.getKey(), change.getValue());
        }
      }
      revision = newRevision;
    } finally {
      lock.unlockWrite(stamp);
    }
  }

  /**
   * Serves {@code request} at the current revision, or returns null when it asks for an older revision (the
   * caller then reads the log).
   *
   * @throws FutureRevisionException when it asks for a revision not reached yet
   */
  RangeResult range(RangeRequest request) {
    long stamp = lock.tryOptimisticRead();
    if (stamp != 0) {
      RangeResult result = rangeUnlocked(request);
      if (lock.validate(stamp)) {
        return result;
      }
    }
    stamp = lock.readLock();
    try {
      return rangeUnlocked(request);
    } finally {
      lock.unlockRead(stamp);
    }
  }

  private RangeResult rangeUnlocked(RangeRequest request) {
    long current = revision;
    if (request.revision() > current) {
      throw new FutureRevisionException(request.revision(), current);
    }
    if (request.revision() != 0 && request.revision() < current) {
      return null;
    }
    if (!request.prefix()) {
      return single(request, current);
    }
    KeyRange range = KeyRange.prefix(request.key());
    NavigableMap<String, KeyValue> matches = range.to() == null
        ? latest.tailMap(range.from(), true)
        : latest.subMap(range.from(), true, range.to(), false);
    long count = matches.size();
    if (request.countOnly()) {
      return new RangeResult(List.of(), false, count, current);
    }
    NavigableMap<String, KeyValue> page = matches;
    String after = request.startAfter();
    if (after != null && range.to() != null && after.compareTo(range.to()) >= 0) {
      page = Collections.emptyNavigableMap(); // continuing past the end of the prefix
    } else if (after != null && after.compareTo(range.from()) >= 0) {
      page = matches.tailMap(after, false);
    }
    List<KeyValue> kvs = new ArrayList<>();
    boolean more = false;
    for (KeyValue kv : page.values()) {
      if (request.limit() > 0 && kvs.size() >= request.limit()) {
        more = true;
        break;
      }
      kvs.add(kv);
    }
    return new RangeResult(List.copyOf(kvs), more, count, current);
  }

  private RangeResult single(RangeRequest request, long current) {
    KeyValue kv = latest.get(request.key());
    long count = kv == null ? 0 : 1;
    boolean skipped = request.startAfter() != null && request.key().compareTo(request.startAfter()) <= 0;
    if (kv == null || request.countOnly() || skipped) {
      return new RangeResult(List.of(), false, count, current);
    }
    return new RangeResult(List.of(kv), false, count, current);
  }
}
