package dev.gatehouse.aws.protocol;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A structure inside Query parameters, addressed by a prefix: the request itself (prefix {@code ""}),
 * {@code Tags.member.2.} or {@code ContextEntries.member.1.}. Query serialises lists as {@code Name.member.N}
 * (1-based), structures as {@code Parent.Field}, and an empty list as {@code Name=} with an empty value.
 * Immutable.
 */
public final class QueryStruct {
  private static final String MEMBER = ".member.";

  private final NavigableMap<String, String> parameters;
  /** Arrival position of each parameter name, so "first wins" among equivalent indexes ({@code 1}, {@code 01}). */
  private final Map<String, Integer> arrival;
  private final String prefix;

  QueryStruct(NavigableMap<String, String> parameters, Map<String, Integer> arrival, String prefix) {
    this.parameters = parameters;
    this.arrival = arrival;
    this.prefix = prefix;
  }

  /** The value of a scalar member. */
  public Optional<String> get(String name) {
    return Optional.ofNullable(parameters.get(prefix + name));
  }

  /** Whether the member is present at all: as a scalar, a list or a structure. */
  public boolean has(String name) {
    String key = prefix + name;
    return parameters.containsKey(key) || !parameters.subMap(key + ".", true, key + "/", false).isEmpty();
  }

  /**
   * The values of a list of scalars, {@code Name.member.1}, {@code Name.member.2}, …, ordered by index. Gaps are
   * skipped, entries whose index is not a positive number are ignored, and of two entries with the same index
   * (e.g. {@code 1} and {@code 01}) the first wins.
   */
  public List<String> members(String name) {
    TreeMap<Integer, String> byIndex = new TreeMap<>();
    String base = prefix + name + MEMBER;
    for (String key : range(base).keySet()) {
      int index = index(key.substring(base.length()));
      if (index > 0) {
        byIndex.merge(index, key, this::earlier);
      }
    }
    List<String> values = new ArrayList<>(byIndex.size());
    byIndex.values().forEach(key -> values.add(parameters.get(key)));
    return List.copyOf(values);
  }

  /**
   * The elements of a list of structures, {@code Name.member.N.Field}, ordered by index, e.g.
   * {@code Tags.member.1.Key}/{@code Tags.member.1.Value} or
   * {@code ContextEntries.member.1.ContextKeyValues.member.1}.
   */
  public List<QueryStruct> structs(String name) {
    TreeMap<Integer, String> prefixes = new TreeMap<>();
    String base = prefix + name + MEMBER;
    for (String key : range(base).keySet()) {
      String rest = key.substring(base.length());
      int dot = rest.indexOf('.');
      if (dot > 0 && dot < rest.length() - 1) {
        int index = index(rest.substring(0, dot));
        if (index > 0) {
          prefixes.merge(index, key, this::earlier);
        }
      }
    }
    List<QueryStruct> structs = new ArrayList<>(prefixes.size());
    for (String key : prefixes.values()) {
      String rest = key.substring(base.length());
      structs.add(new QueryStruct(parameters, arrival, base + rest.substring(0, rest.indexOf('.') + 1)));
    }
    return List.copyOf(structs);
  }

  /** A nested structure {@code Name.Field…}, if any of its members is present. */
  public Optional<QueryStruct> struct(String name) {
    String base = prefix + name + ".";
    return range(base).isEmpty() ? Optional.empty() : Optional.of(new QueryStruct(parameters, arrival, base));
  }

  /**
   * {@code Name=} with an empty value and no {@code Name.member.N}: how botocore sends an empty list (e.g.
   * {@code Tags=} to clear tags), as opposed to leaving the list out.
   */
  public boolean isEmptyList(String name) {
    String key = prefix + name;
    return "".equals(parameters.get(key)) && range(key + ".").isEmpty();
  }

  /** The prefix this structure reads, e.g. {@code Tags.member.2.}; empty for the request itself. */
  public String prefix() {
    return prefix;
  }

  /** Every parameter under this structure, names relative to it, sorted by name. */
  public Map<String, String> parameters() {
    if (prefix.isEmpty()) {
      return Collections.unmodifiableMap(parameters);
    }
    Map<String, String> relative = new LinkedHashMap<>();
    range(prefix).forEach((k, v) -> relative.put(k.substring(prefix.length()), v));
    return Collections.unmodifiableMap(relative);
  }

  /** Parameters whose names start with {@code start} (which ends in '.'; '/' is the next character). */
  private NavigableMap<String, String> range(String start) {
    String end = start.substring(0, start.length() - 1) + (char) (start.charAt(start.length() - 1) + 1);
    return parameters.subMap(start, true, end, false);
  }

  /** Of two parameter names, the one that arrived first. */
  private String earlier(String a, String b) {
    return arrival.getOrDefault(a, Integer.MAX_VALUE) <= arrival.getOrDefault(b, Integer.MAX_VALUE) ? a : b;
  }

  /** A positive decimal index, or -1. */
  private static int index(String digits) {
    if (digits.isEmpty() || digits.length() > 9) {
      return -1;
    }
    for (int i = 0; i < digits.length(); i++) {
      char c = digits.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
    }
    return Integer.parseInt(digits);
  }

  @Override
  public String toString() {
    return "QueryStruct[" + (prefix.isEmpty() ? "<request>" : prefix) + ", " + parameters().size() + " parameters]";
  }
}
