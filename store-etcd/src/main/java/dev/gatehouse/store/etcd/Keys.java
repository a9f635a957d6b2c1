package dev.gatehouse.store.etcd;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.etcd.jetcd.ByteSequence;
import java.util.Arrays;

/**
 * Maps the store's string keys to etcd's byte keys under an optional key prefix, and back. The prefix is
 * applied here rather than with jetcd's own namespace option so that every range end, startAfter bound and
 * watch range is computed in one place, in the bytes etcd actually compares.
 */
final class Keys {
  /** etcd's "no upper bound": a range_end of a single zero byte means every key at or after the start key. */
  private static final byte[] UNBOUNDED = {0};

  private final byte[] prefix;

  Keys(String prefix) {
    this.prefix = prefix.getBytes(UTF_8);
  }

  ByteSequence key(String key) {
    return ByteSequence.from(full(key));
  }

  byte[] full(String key) {
    return concat(prefix, key.getBytes(UTF_8));
  }

  String decode(ByteSequence etcdKey) {
    byte[] bytes = etcdKey.getBytes();
    return new String(bytes, prefix.length, bytes.length - prefix.length, UTF_8);
  }

  /** A key that is always valid to read and never written: probes of a revision's readability use it. */
  ByteSequence probeKey() {
    return ByteSequence.from(concat(prefix, new byte[] {0}));
  }

  /** Every key starting with {@code keyPrefix}; the whole prefix (or key space) when it is empty. */
  Span prefix(String keyPrefix) {
    byte[] start = full(keyPrefix);
    if (start.length == 0) {
      return new Span(UNBOUNDED, UNBOUNDED); // key "\0" with range_end "\0": the whole key space
    }
    return new Span(start, prefixEnd(start));
  }

  /** The smallest key greater than every key that starts with {@code start}; UNBOUNDED when there is none. */
  static byte[] prefixEnd(byte[] start) {
    for (int i = start.length - 1; i >= 0; i--) {
      if (start[i] != (byte) 0xff) {
        byte[] end = Arrays.copyOf(start, i + 1);
        end[i]++;
        return end;
      }
    }
    return UNBOUNDED;
  }

  static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  /** A half-open key range [start, end) as etcd takes it; {@code end} UNBOUNDED means no upper bound. */
  record Span(byte[] start, byte[] end) {
    ByteSequence startKey() {
      return ByteSequence.from(start);
    }

    ByteSequence endKey() {
      return ByteSequence.from(end);
    }

    boolean unbounded() {
      return Arrays.equals(end, UNBOUNDED);
    }

    /** The part of this span strictly after {@code key}; null when nothing is left. */
    Span after(byte[] key) {
      byte[] successor = concat(key, new byte[] {0}); // the smallest key greater than key
      byte[] newStart = Arrays.compareUnsigned(successor, start) > 0 ? successor : start;
      if (!unbounded() && Arrays.compareUnsigned(newStart, end) >= 0) {
        return null;
      }
      return new Span(newStart, end);
    }
  }
}
