package dev.gatehouse.store.sqlite;

/**
 * One row of the append-only revision log: the state of one key after the write at {@code revision}.
 *
 * @param prevRevision modRevision of the live value this write replaced or deleted (0: the key did not exist)
 * @param deleted      a tombstone: the key was deleted at {@code revision}
 */
record LogRow(long revision, String key, long createRevision, long prevRevision, long version, boolean deleted,
              long lease, byte[] value) {}
