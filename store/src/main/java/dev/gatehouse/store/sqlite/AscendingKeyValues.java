package dev.gatehouse.store.sqlite;

import dev.gatehouse.store.KeyValue;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.SortedMap;

/**
 * A read-only {@link SortedMap} view of key-values already in ascending key order (natural String order, each key
 * once), by key. It exists so that {@code new ConcurrentSkipListMap<>(view)} takes the skip list's linear bulk
 * build from a sorted map while the store opens. Lookups are binary searches; the constructor checks the order,
 * because a skip list built from a misordered view would answer lookups wrongly without any error.
 */
final class AscendingKeyValues extends AbstractMap<String, KeyValue> implements SortedMap<String, KeyValue> {
  private final List<KeyValue> sorted;

  AscendingKeyValues(List<KeyValue> sorted) {
    for (int i = 1; i < sorted.size(); i++) {
      if (sorted.get(i - 1).key().compareTo(sorted.get(i).key()) >= 0) {
        throw new IllegalArgumentException("key-values out of order at index " + i + ": "
            + sorted.get(i - 1).key() + " then " + sorted.get(i).key());
      }
    }
    this.sorted = sorted;
  }

  @Override
  public Comparator<? super String> comparator() {
    return null; // natural order, as the skip list it feeds
  }

  @Override
  public Set<Entry<String, KeyValue>> entrySet() {
    return new AbstractSet<>() {
      @Override
      public Iterator<Entry<String, KeyValue>> iterator() {
        Iterator<KeyValue> it = sorted.iterator();
        return new Iterator<>() {
          @Override
          public boolean hasNext() {
            return it.hasNext();
          }

          @Override
          public Entry<String, KeyValue> next() {
            KeyValue kv = it.next();
            return new SimpleImmutableEntry<>(kv.key(), kv);
          }
        };
      }

      @Override
      public int size() {
        return sorted.size();
      }
    };
  }

  @Override
  public int size() {
    return sorted.size();
  }

  @Override
  public KeyValue get(Object key) {
    if (!(key instanceof String k)) {
      return null;
    }
    int i = indexOf(k);
    return i >= 0 ? sorted.get(i) : null;
  }

  @Override
  public boolean containsKey(Object key) {
    return get(key) != null;
  }

  @Override
  public SortedMap<String, KeyValue> subMap(String fromKey, String toKey) {
    if (fromKey.compareTo(toKey) > 0) {
      throw new IllegalArgumentException("fromKey > toKey");
    }
    return slice(insertionPoint(fromKey), insertionPoint(toKey));
  }

  @Override
  public SortedMap<String, KeyValue> headMap(String toKey) {
    return slice(0, insertionPoint(toKey));
  }

  @Override
  public SortedMap<String, KeyValue> tailMap(String fromKey) {
    return slice(insertionPoint(fromKey), sorted.size());
  }

  @Override
  public String firstKey() {
    if (sorted.isEmpty()) {
      throw new NoSuchElementException();
    }
    return sorted.get(0).key();
  }

  @Override
  public String lastKey() {
    if (sorted.isEmpty()) {
      throw new NoSuchElementException();
    }
    return sorted.get(sorted.size() - 1).key();
  }

  private SortedMap<String, KeyValue> slice(int from, int to) {
    return new AscendingKeyValues(Collections.unmodifiableList(sorted.subList(from, to)));
  }

  /** The index of {@code key}, or {@code -(insertion point) - 1} as {@link Collections#binarySearch}. */
  private int indexOf(String key) {
    int low = 0;
    int high = sorted.size() - 1;
    while (low <= high) {
      int mid = (low + high) >>> 1;
      int c = sorted.get(mid).key().compareTo(key);
      if (c < 0) {
        low = mid + 1;
      } else if (c > 0) {
        high = mid - 1;
      } else {
        return mid;
      }
    }
    return -(low + 1);
  }

  /** The index of the first key at or after {@code key}. */
  private int insertionPoint(String key) {
    int i = indexOf(key);
    return i >= 0 ? i : -(i + 1);
  }
}
