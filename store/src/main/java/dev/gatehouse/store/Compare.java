package dev.gatehouse.store;

/**
 * A transaction guard on one key, as etcd's Compare restricted to what an API server needs.
 * A missing key has modRevision 0 and createRevision 0.
 */
public sealed interface Compare {
  String key();

  /** The key's modRevision equals {@code revision} (0: the key must not exist). */
  record ModRevisionEquals(String key, long revision) implements Compare {}

  /** The key's createRevision equals {@code revision} (0: the key must not exist). */
  record CreateRevisionEquals(String key, long revision) implements Compare {}
}
