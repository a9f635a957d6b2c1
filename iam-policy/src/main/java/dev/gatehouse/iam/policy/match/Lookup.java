package dev.gatehouse.iam.policy.match;

/**
 * Where evaluation reads request context values. Key names reach it already lower-cased (context key names are
 * case-insensitive), so a lookup is one hash probe with a precomputed hash.
 */
public interface Lookup {
  /** The values of a key, or null when the request does not carry it. Never an empty array. */
  String[] values(String lowerCaseKey);

  /** Notes that a condition or variable needed a key (as written in the policy) and the request lacked it. */
  void reportMissing(String lowerCaseKey, String writtenKey);
}
