package dev.gatehouse.store;

/**
 * A read of one key ({@code prefix == false}) or of every key starting with {@code key}, in key order.
 *
 * @param startAfter for continuation: only keys strictly greater than this one (null for none)
 * @param limit      at most this many keys; 0 for no limit
 * @param revision   read as of this revision; 0 for the current one. Below the compacted revision the
 *                   store throws {@link CompactedException}.
 * @param countOnly  return the count without the values
 */
public record RangeRequest(String key, boolean prefix, String startAfter, long limit, long revision, boolean countOnly) {
  public static RangeRequest get(String key) {
    return new RangeRequest(key, false, null, 0, 0, false);
  }

  public static RangeRequest prefix(String prefix) {
    return new RangeRequest(prefix, true, null, 0, 0, false);
  }

  public RangeRequest withLimit(long newLimit) {
    return new RangeRequest(key, prefix, startAfter, newLimit, revision, countOnly);
  }

  public RangeRequest withStartAfter(String after) {
    return new RangeRequest(key, prefix, after, limit, revision, countOnly);
  }

  public RangeRequest atRevision(long rev) {
    return new RangeRequest(key, prefix, startAfter, limit, rev, countOnly);
  }
}
