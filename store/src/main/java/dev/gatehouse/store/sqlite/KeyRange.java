package dev.gatehouse.store.sqlite;

import dev.gatehouse.store.RangeRequest;

/**
 * A half-open interval of keys [from, to) in Java string order; {@code to == null} means unbounded.
 *
 * <p>Java string order equals SQLite's BINARY (UTF-8 byte) order for every key without characters outside
 * the Basic Multilingual Plane, which covers every Kubernetes and IAM key this store holds.
 */
record KeyRange(String from, String to) {
  /** One key: its immediate successor in string order is the key followed by U+0000. */
  static KeyRange exact(String key) {
    return new KeyRange(key, key + '\0');
  }

  static KeyRange prefix(String prefix) {
    return new KeyRange(prefix, prefixEnd(prefix));
  }

  static KeyRange of(RangeRequest request) {
    return request.prefix() ? prefix(request.key()) : exact(request.key());
  }

  boolean contains(String key) {
    return key.compareTo(from) >= 0 && (to == null || key.compareTo(to) < 0);
  }

  /** The smallest string greater than every string starting with {@code prefix}; null when there is none. */
  static String prefixEnd(String prefix) {
    StringBuilder end = new StringBuilder(prefix);
    for (int i = end.length() - 1; i >= 0; i--) {
      char c = end.charAt(i);
      if (c != Character.MAX_VALUE) {
        end.setCharAt(i, (char) (c + 1));
        end.setLength(i + 1);
        return end.toString();
      }
    }
    return null;
  }
}
