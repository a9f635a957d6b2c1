package dev.gatehouse.iam.policy.match;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which statements of a policy can possibly apply to an action, keyed by the action's service prefix. Most
 * statements name actions of one or two services, so a request for {@code eks:DescribeCluster} only looks at the
 * statements that mention {@code eks:} plus those that could match any service ({@code "*"}, NotAction).
 *
 * <p>The table is open-addressed over the case-folded characters of the service prefix so that a lookup reads the
 * request's action string in place: no substring, no lower-casing, no allocation.
 */
public final class ServiceIndex {
  private final String[] keys;
  private final int[][] buckets;
  private final int mask;
  /** Statements that may apply to an action of a service not in the table. */
  private final int[] anyService;

  private ServiceIndex(String[] keys, int[][] buckets, int[] anyService) {
    this.keys = keys;
    this.buckets = buckets;
    this.mask = keys.length - 1;
    this.anyService = anyService;
  }

  /**
   * @param servicesPerStatement for each statement, the lower-cased services its actions are confined to, or null
   *     when it may apply to any service
   */
  public static ServiceIndex build(List<Set<String>> servicesPerStatement) {
    List<Integer> any = new ArrayList<>();
    Map<String, List<Integer>> byService = new LinkedHashMap<>();
    for (int i = 0; i < servicesPerStatement.size(); i++) {
      Set<String> services = servicesPerStatement.get(i);
      if (services == null) {
        any.add(i);
      } else {
        for (String s : services) {
          byService.computeIfAbsent(s, k -> new ArrayList<>()).add(i);
        }
      }
    }
    int size = Integer.highestOneBit(Math.max(4, byService.size() * 2 - 1)) << 1;
    String[] keys = new String[size];
    int[][] buckets = new int[size][];
    for (Map.Entry<String, List<Integer>> e : byService.entrySet()) {
      String key = e.getKey();
      int slot = hash(key, key.length()) & (size - 1);
      while (keys[slot] != null) {
        slot = (slot + 1) & (size - 1);
      }
      keys[slot] = key;
      buckets[slot] = mergeSorted(e.getValue(), any);
    }
    return new ServiceIndex(keys, buckets, any.stream().mapToInt(Integer::intValue).toArray());
  }

  /**
   * The candidate statement indexes (ascending) for an action whose service prefix is {@code action[0, length)}
   * and whose {@link #hash} is {@code hash}.
   */
  public int[] candidates(String action, int length, int hash) {
    int slot = hash & mask;
    for (String key = keys[slot]; key != null; key = keys[slot = (slot + 1) & mask]) {
      if (key.length() == length && action.regionMatches(true, 0, key, 0, length)) {
        return buckets[slot];
      }
    }
    return anyService;
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

  private static int[] mergeSorted(List<Integer> a, List<Integer> b) {
    return java.util.stream.Stream.concat(a.stream(), b.stream()).mapToInt(Integer::intValue).sorted().distinct()
        .toArray();
  }
}
