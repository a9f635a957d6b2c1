package dev.gatehouse.iam.policy;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The condition keys of a request. Key names are case-insensitive ({@code aws:username} is {@code AWS:UserName});
 * each key is single-valued ({@link Builder#put}) or multi-valued ({@link Builder#putAll}, e.g. aws:TagKeys).
 * Values are text, as IAM compares them; the typed helpers write the text IAM uses for numbers, booleans and dates.
 * Immutable.
 */
public final class RequestContext {
  private static final RequestContext EMPTY = new RequestContext(Map.of(), Map.of(), Set.of());

  /** Lower-cased key → values (never empty arrays; an empty multi-valued key is stored as a zero-length array). */
  private final Map<String, String[]> values;
  private final Map<String, String> writtenNames;
  private final Set<String> multiValued;

  private RequestContext(Map<String, String[]> values, Map<String, String> writtenNames, Set<String> multiValued) {
    this.values = values;
    this.writtenNames = writtenNames;
    this.multiValued = multiValued;
  }

  public static RequestContext empty() {
    return EMPTY;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The values of a key, if the request carries it. */
  public Optional<List<String>> get(String key) {
    String[] v = values.get(key.toLowerCase(Locale.ROOT));
    return v == null ? Optional.empty() : Optional.of(List.of(v));
  }

  public boolean contains(String key) {
    return values.containsKey(key.toLowerCase(Locale.ROOT));
  }

  public boolean isMultiValued(String key) {
    return multiValued.contains(key.toLowerCase(Locale.ROOT));
  }

  /** The key names as they were put. */
  public Set<String> keys() {
    return Collections.unmodifiableSet(new LinkedHashSet<>(writtenNames.values()));
  }

  /** A builder holding this context's entries, to add or replace some. */
  public Builder toBuilder() {
    Builder b = new Builder();
    for (Map.Entry<String, String[]> e : values.entrySet()) {
      String name = writtenNames.get(e.getKey());
      if (multiValued.contains(e.getKey())) {
        b.putAll(name, List.of(e.getValue()));
      } else {
        b.put(name, e.getValue()[0]);
      }
    }
    return b;
  }

  /** Values by lower-cased key, or null; the evaluation hot path (no copying). */
  String[] lookup(String lowerCaseKey) {
    return values.get(lowerCaseKey);
  }

  @Override
  public String toString() {
    StringBuilder b = new StringBuilder("{");
    values.forEach((k, v) -> b.append(b.length() > 1 ? ", " : "").append(writtenNames.get(k)).append('=')
        .append(multiValued.contains(k) ? List.of(v).toString() : v[0]));
    return b.append('}').toString();
  }

  public static final class Builder {
    private static final DateTimeFormatter ISO_SECONDS = DateTimeFormatter.ISO_INSTANT;

    private final Map<String, String[]> values = new HashMap<>();
    private final Map<String, String> writtenNames = new HashMap<>();
    private final Set<String> multiValued = new java.util.HashSet<>();

    private Builder() {}

    /** Sets a single-valued key (replacing any earlier value of the same key, in any case). */
    public Builder put(String key, String value) {
      String lower = name(key);
      values.put(lower, new String[] {Objects.requireNonNull(value, "value")});
      multiValued.remove(lower);
      return this;
    }

    /** Sets a multi-valued key; an empty list is a present-but-empty set. */
    public Builder putAll(String key, List<String> list) {
      String lower = name(key);
      values.put(lower, list.toArray(new String[0]));
      multiValued.add(lower);
      return this;
    }

    public Builder putBoolean(String key, boolean value) {
      return put(key, value ? "true" : "false");
    }

    public Builder putNumber(String key, long value) {
      return put(key, Long.toString(value));
    }

    /** An ISO 8601 instant in UTC to whole seconds, as aws:CurrentTime carries it. */
    public Builder putDate(String key, Instant value) {
      return put(key, ISO_SECONDS.format(value.truncatedTo(ChronoUnit.SECONDS)));
    }

    public Builder remove(String key) {
      String lower = key.toLowerCase(Locale.ROOT);
      values.remove(lower);
      writtenNames.remove(lower);
      multiValued.remove(lower);
      return this;
    }

    public RequestContext build() {
      if (values.isEmpty()) {
        return EMPTY;
      }
      return new RequestContext(Map.copyOf(values), Map.copyOf(writtenNames), Set.copyOf(multiValued));
    }

    private String name(String key) {
      String lower = Objects.requireNonNull(key, "key").toLowerCase(Locale.ROOT);
      writtenNames.put(lower, key);
      return lower;
    }
  }
}
