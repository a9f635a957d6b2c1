package dev.gatehouse.aws.sigv4;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * HTTP request headers as received: a case-insensitive multi-map that keeps arrival order and every value of a
 * repeated header (SigV4 joins repeated values with {@code ,} in arrival order). Immutable.
 */
public final class Headers {
  private static final Headers EMPTY = new Headers(new String[0], new String[0], new String[0]);

  private final String[] names;
  private final String[] lowerNames;
  private final String[] values;

  private Headers(String[] names, String[] lowerNames, String[] values) {
    this.names = names;
    this.lowerNames = lowerNames;
    this.values = values;
  }

  public static Headers empty() {
    return EMPTY;
  }

  /** {@code Headers.of("Host", "example.com", "X-Amz-Date", "20150830T123600Z")}. */
  public static Headers of(String... nameValuePairs) {
    if (nameValuePairs.length % 2 != 0) {
      throw new IllegalArgumentException("headers: expected name/value pairs, got " + nameValuePairs.length
          + " strings");
    }
    Builder builder = builder();
    for (int i = 0; i < nameValuePairs.length; i += 2) {
      builder.add(nameValuePairs[i], nameValuePairs[i + 1]);
    }
    return builder.build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Every value of {@code name} in arrival order; empty when absent. */
  public List<String> all(String name) {
    String lower = lower(name);
    List<String> found = null;
    for (int i = 0; i < lowerNames.length; i++) {
      if (lowerNames[i].equals(lower)) {
        if (found == null) {
          found = new ArrayList<>(2);
        }
        found.add(values[i]);
      }
    }
    return found == null ? List.of() : List.copyOf(found);
  }

  /** The first value of {@code name}. */
  public Optional<String> first(String name) {
    String lower = lower(name);
    for (int i = 0; i < lowerNames.length; i++) {
      if (lowerNames[i].equals(lower)) {
        return Optional.of(values[i]);
      }
    }
    return Optional.empty();
  }

  public boolean contains(String name) {
    return first(name).isPresent();
  }

  public int size() {
    return names.length;
  }

  /** The name of the i-th header exactly as received. */
  public String name(int i) {
    return names[i];
  }

  public String value(int i) {
    return values[i];
  }

  public List<Map.Entry<String, String>> entries() {
    List<Map.Entry<String, String>> entries = new ArrayList<>(names.length);
    for (int i = 0; i < names.length; i++) {
      entries.add(Map.entry(names[i], values[i]));
    }
    return List.copyOf(entries);
  }

  /** A copy with one more header appended. */
  public Headers with(String name, String value) {
    return toBuilder().add(name, value).build();
  }

  /** A copy without any header called {@code name}. */
  public Headers without(String name) {
    String lower = lower(name);
    Builder builder = builder();
    for (int i = 0; i < names.length; i++) {
      if (!lowerNames[i].equals(lower)) {
        builder.add(names[i], values[i]);
      }
    }
    return builder.build();
  }

  public Builder toBuilder() {
    Builder builder = builder();
    for (int i = 0; i < names.length; i++) {
      builder.add(names[i], values[i]);
    }
    return builder;
  }

  static String lower(String name) {
    return name.toLowerCase(Locale.ROOT);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Headers other && Arrays.equals(names, other.names) && Arrays.equals(values, other.values);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(names) + Arrays.hashCode(values);
  }

  /** Names only: header values may carry credentials (Authorization, X-Amz-Security-Token). */
  @Override
  public String toString() {
    return "Headers" + Arrays.toString(names);
  }

  /** Accumulates headers in arrival order. */
  public static final class Builder {
    private final List<String> names = new ArrayList<>();
    private final List<String> values = new ArrayList<>();

    private Builder() {
    }

    public Builder add(String name, String value) {
      if (name == null || value == null) {
        throw new IllegalArgumentException("headers: null name or value");
      }
      names.add(name);
      values.add(value);
      return this;
    }

    public Headers build() {
      if (names.isEmpty()) {
        return EMPTY;
      }
      String[] n = names.toArray(String[]::new);
      String[] lower = new String[n.length];
      for (int i = 0; i < n.length; i++) {
        lower[i] = lower(n[i]);
      }
      return new Headers(n, lower, values.toArray(String[]::new));
    }
  }
}
