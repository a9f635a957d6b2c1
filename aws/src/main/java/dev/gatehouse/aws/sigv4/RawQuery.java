package dev.gatehouse.aws.sigv4;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A raw query string split into still-encoded name/value pairs, in order. */
final class RawQuery {
  /** One {@code name=value} pair, both still percent-encoded; a pair without {@code =} has an empty value. */
  record Pair(String rawName, String rawValue) {
    String name() {
      return Rfc3986.decode(rawName);
    }

    String value() {
      return Rfc3986.decode(rawValue);
    }
  }

  private RawQuery() {
  }

  /** Splits on {@code &}; empty segments ({@code a=1&&b=2}) carry no parameter and are skipped. */
  static List<Pair> split(String rawQuery) {
    if (rawQuery == null || rawQuery.isEmpty()) {
      return List.of();
    }
    List<Pair> pairs = new ArrayList<>();
    int start = 0;
    int length = rawQuery.length();
    while (start <= length) {
      int end = rawQuery.indexOf('&', start);
      if (end < 0) {
        end = length;
      }
      if (end > start) {
        int eq = rawQuery.indexOf('=', start);
        if (eq < 0 || eq > end) {
          pairs.add(new Pair(rawQuery.substring(start, end), ""));
        } else {
          pairs.add(new Pair(rawQuery.substring(start, eq), rawQuery.substring(eq + 1, end)));
        }
      }
      start = end + 1;
    }
    return pairs;
  }

  /** The decoded value of the first parameter whose decoded name is {@code name}. */
  static Optional<String> first(List<Pair> pairs, String name) {
    for (Pair pair : pairs) {
      if (pair.name().equals(name)) {
        return Optional.of(pair.value());
      }
    }
    return Optional.empty();
  }

  /**
   * AWS's message for the first broken percent escape in {@code raw}, if any: {@code Illegal hex character in
   * escape % pattern: %yy} or {@code Incomplete trailing escape % sequence}.
   */
  static Optional<String> malformedEscape(String raw) {
    if (raw == null) {
      return Optional.empty();
    }
    int i = raw.indexOf('%');
    while (i >= 0) {
      if (i + 2 >= raw.length()) {
        return Optional.of("Incomplete trailing escape % sequence");
      }
      char a = raw.charAt(i + 1);
      char b = raw.charAt(i + 2);
      if (Rfc3986.hexValue(a) < 0 || Rfc3986.hexValue(b) < 0) {
        return Optional.of("Illegal hex character in escape % pattern: %" + a + b);
      }
      i = raw.indexOf('%', i + 3);
    }
    return Optional.empty();
  }
}
