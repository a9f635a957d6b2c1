package dev.gatehouse.iam.policy.match;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which statements of a policy can apply to an action, keyed by the action's service prefix, with the action-name
 * patterns of that service precomputed. Most statements name actions of one or two services, so a request for
 * {@code eks:DescribeCluster} looks only at the statements that mention {@code eks:} (and only at their
 * {@code eks:} patterns, minus the prefix) plus those that could match any service ({@code "*"}, NotAction).
 *
 * <p>The table is open-addressed over the case-folded characters of the service prefix so that a lookup reads the
 * request's action string in place: no substring, no lower-casing, no allocation.
 */
public final class ServiceIndex {
  /**
   * A statement that may apply. {@code names} are its patterns for the looked-up service, matched against the action
   * name after the colon; null means the statement must be matched against the whole action (NotAction, or a
   * pattern not confined to one service).
   */
  public record Candidate(int statement, Glob[] names) {}

  private final String[] keys;
  private final Candidate[][] buckets;
  private final int mask;
  /** Candidates for an action of a service not in the table. */
  private final Candidate[] anyService;

  private ServiceIndex(String[] keys, Candidate[][] buckets, Candidate[] anyService) {
    this.keys = keys;
    this.buckets = buckets;
    this.mask = keys.length - 1;
    this.anyService = anyService;
  }

  /**
   * @param patternsPerStatement for each statement, its action patterns grouped by lower-cased service, or null when
   *     it must be matched against every action
   */
  public static ServiceIndex build(List<Map<String, List<ActionPattern>>> patternsPerStatement) {
    List<Candidate> any = new ArrayList<>();
    Map<String, List<Candidate>> byService = new LinkedHashMap<>();
    for (int i = 0; i < patternsPerStatement.size(); i++) {
      Map<String, List<ActionPattern>> services = patternsPerStatement.get(i);
      if (services == null) {
        any.add(new Candidate(i, null));
        continue;
      }
      for (Map.Entry<String, List<ActionPattern>> e : services.entrySet()) {
        Glob[] names = e.getValue().stream().map(ActionPattern::nameGlob).toArray(Glob[]::new);
        byService.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(new Candidate(i, names));
      }
    }
    int size = Integer.highestOneBit(Math.max(4, byService.size() * 2 - 1)) << 1;
    String[] keys = new String[size];
    Candidate[][] buckets = new Candidate[size][];
    for (Map.Entry<String, List<Candidate>> e : byService.entrySet()) {
      String key = e.getKey();
      int slot = hash(key, key.length()) & (size - 1);
      while (keys[slot] != null) {
        slot = (slot + 1) & (size - 1);
      }
      keys[slot] = key;
      List<Candidate> merged = new ArrayList<>(e.getValue());
      merged.addAll(any);
      merged.sort(Comparator.comparingInt(Candidate::statement));
      buckets[slot] = merged.toArray(new Candidate[0]);
    }
    return new ServiceIndex(keys, buckets, any.toArray(new Candidate[0]));
  }

  /**
   * The candidates, in statement order, for an action whose service prefix is {@code action[0, length)} and whose
   * {@link #hash} is {@code hash}.
   */
  public Candidate[] candidates(String action, int length, int hash) {
    int slot = hash & mask;
    for (String key = keys[slot]; key != null; key = keys[slot = (slot + 1) & mask]) {
      if (key.length() == length && action.regionMatches(true, 0, key, 0, length)) {
        return buckets[slot];
      }
    }
    return anyService;
  }

  /** Whether one of {@code names} matches the action name {@code action[from, end)}. */
  public static boolean anyNameMatches(Glob[] names, String action, int from) {
    for (Glob g : names) {
      if (g.matches(action, from, action.length())) {
        return true;
      }
    }
    return false;
  }

  /** Hash of the case-folded (ASCII) characters {@code s[0, length)}; computed once per request. */
  public static int hash(String s, int length) {
    int h = 0;
    for (int i = 0; i < length; i++) {
      char c = s.charAt(i);
      if (c >= 'A' && c <= 'Z') {
        c = (char) (c + ('a' - 'A'));
      }
      h = 31 * h + c;
    }
    return h ^ (h >>> 16);
  }
}
