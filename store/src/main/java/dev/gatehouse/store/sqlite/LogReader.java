package dev.gatehouse.store.sqlite;

import dev.gatehouse.store.CompactedException;
import dev.gatehouse.store.KeyValue;
import dev.gatehouse.store.RangeRequest;
import dev.gatehouse.store.RangeResult;
import dev.gatehouse.store.WatchEvent;
import dev.gatehouse.store.sqlite.Database.Meta;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Predicate;

/**
 * Reads of the revision log: ranges at an older revision, the events a watch missed, and the latest state
 * loaded when the store opens. Every method reads inside one SQLite snapshot and checks the compact revision
 * in that same snapshot, so a compaction running meanwhile can never hand out a silently incomplete answer.
 */
final class LogReader {
  private static final byte[] EMPTY = new byte[0];
  private static final Comparator<KeyValue> KEY_ORDER = Comparator.comparing(KeyValue::key);
  private static final int EVENT_CHUNK = 512;

  private final Database db;

  LogReader(Database db) {
    this.db = db;
  }

  /** {@code request} at {@code request.revision()}, which is below the current revision. */
  RangeResult rangeAt(RangeRequest request) {
    long rev = request.revision();
    KeyRange range = KeyRange.of(request);
    return db.read(c -> {
      requireNotCompacted(c, rev);
      // Per key, the newest row at or below rev; the key existed then unless that row is a tombstone.
      String latestRows = "(SELECT key AS k, MAX(revision) AS r FROM log WHERE key >= ?"
          + (range.to() == null ? "" : " AND key < ?") + " AND revision <= ? %s GROUP BY key) m"
          + " JOIN log l ON l.key = m.k AND l.revision = m.r WHERE l.deleted = 0";
      long count;
      try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM " + latestRows.formatted(""))) {
        bindRange(ps, range, rev, null);
        try (ResultSet rs = ps.executeQuery()) {
          count = rs.next() ? rs.getLong(1) : 0;
        }
      }
      if (request.countOnly()) {
        return new RangeResult(List.of(), false, count, rev);
      }
      String after = request.startAfter() == null ? "" : "AND key > ?";
      String sql = "SELECT l.key, l.create_revision, l.revision, l.version, l.lease, l.value FROM "
          + latestRows.formatted(after) + " ORDER BY l.key" + (request.limit() > 0 ? " LIMIT ?" : "");
      List<KeyValue> kvs = new ArrayList<>();
      boolean more = false;
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        int next = bindRange(ps, range, rev, request.startAfter());
        if (request.limit() > 0) {
          ps.setLong(next, request.limit() + 1);
        }
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            if (request.limit() > 0 && kvs.size() == request.limit()) {
              more = true;
              break;
            }
            kvs.add(new KeyValue(rs.getString(1), bytes(rs, 6), rs.getLong(2), rs.getLong(3), rs.getLong(4),
                rs.getLong(5)));
          }
        }
      }
      return new RangeResult(List.copyOf(kvs), more, count, rev);
    });
  }

  private static int bindRange(PreparedStatement ps, KeyRange range, long rev, String startAfter)
      throws SQLException {
    int i = 1;
    ps.setString(i++, range.from());
    if (range.to() != null) {
      ps.setString(i++, range.to());
    }
    ps.setLong(i++, rev);
    if (startAfter != null) {
      ps.setString(i++, startAfter);
    }
    return i;
  }

  /**
   * Streams the events of keys in {@code range} with revision in (after, upTo], in revision order, to
   * {@code sink} in chunks. {@code sink} returns false to stop early.
   *
   * @throws CompactedException if revisions after {@code after} are no longer all in the log
   */
  void events(KeyRange range, long after, long upTo, Predicate<List<WatchEvent>> sink) {
    db.read(c -> {
      requireNotCompacted(c, after);
      String sql = "SELECT l.revision, l.key, l.create_revision, l.version, l.deleted, l.lease, l.value,"
          + " p.create_revision, p.revision, p.version, p.lease, p.value"
          + " FROM log l LEFT JOIN log p ON p.key = l.key AND p.revision = l.prev_revision"
          + " WHERE l.revision > ? AND l.revision <= ? AND l.key >= ?" + (range.to() == null ? "" : " AND l.key < ?")
          + " ORDER BY l.revision, l.id";
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        ps.setLong(1, after);
        ps.setLong(2, upTo);
        ps.setString(3, range.from());
        if (range.to() != null) {
          ps.setString(4, range.to());
        }
        try (ResultSet rs = ps.executeQuery()) {
          List<WatchEvent> chunk = new ArrayList<>(EVENT_CHUNK);
          while (rs.next()) {
            chunk.add(event(rs));
            if (chunk.size() == EVENT_CHUNK) {
              if (!sink.test(chunk)) {
                return null;
              }
              chunk = new ArrayList<>(EVENT_CHUNK);
            }
          }
          if (!chunk.isEmpty()) {
            sink.test(chunk);
          }
        }
      }
      return null;
    });
  }

  private static WatchEvent event(ResultSet rs) throws SQLException {
    long revision = rs.getLong(1);
    String key = rs.getString(2);
    KeyValue prev = null;
    long prevRevision = rs.getLong(9);
    if (!rs.wasNull() && prevRevision != 0) {
      prev = new KeyValue(key, bytes(rs, 12), rs.getLong(8), prevRevision, rs.getLong(10), rs.getLong(11));
    }
    if (rs.getInt(5) != 0) {
      return new WatchEvent(WatchEvent.Type.DELETE, new KeyValue(key, EMPTY, 0, revision, 0, 0), prev);
    }
    KeyValue kv = new KeyValue(key, bytes(rs, 7), rs.getLong(3), revision, rs.getLong(4), rs.getLong(6));
    return new WatchEvent(WatchEvent.Type.PUT, kv, prev);
  }

  private static void requireNotCompacted(Connection c, long revision) throws SQLException {
    long compacted = Database.readMeta(c, Meta.COMPACT_REVISION);
    if (revision < compacted) {
      throw new CompactedException(revision, compacted);
    }
  }

  private static byte[] bytes(ResultSet rs, int column) throws SQLException {
    byte[] b = rs.getBytes(column);
    return b == null ? EMPTY : b;
  }

  /**
   * Every live key's latest row, in ascending key order; used once while the store opens, before anything writes.
   * The rows are read in two halves by row id on two reader connections at once: decoding 100,000 rows through
   * JDBC costs far more CPU than SQLite's own scan, and start-up waits for it. Each half comes back in key order
   * (the query walks the key index), so putting them together is one merge.
   */
  static List<KeyValue> loadLive(Database db, Connection c) throws SQLException {
    long maxId;
    try (PreparedStatement ps = c.prepareStatement("SELECT COALESCE(MAX(id), 0) FROM log");
         ResultSet rs = ps.executeQuery()) {
      maxId = rs.next() ? rs.getLong(1) : 0;
    }
    long middle = maxId / 2;
    CompletableFuture<List<KeyValue>> upper = CompletableFuture.supplyAsync(
        () -> db.read(r -> loadLatest(r, middle, maxId)), LogReader::runOnOwnThread);
    List<KeyValue> live = new ArrayList<>(db.read(r -> loadLatest(r, 0, middle)));
    try {
      live.addAll(upper.join());
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException re ? re : e;
    }
    // Two ascending runs: the merge sort finds them and merges once. It also settles any key where SQLite's
    // byte order and Java's UTF-16 order differ (characters above U+FFFF), so the result is in Java's order.
    live.sort(KEY_ORDER);
    return live;
  }

  /** Every lease, and which of {@code live} keys hold one. */
  static void loadLeases(Connection c, List<KeyValue> live, LeaseTable leases) throws SQLException {
    live.forEach(leases::attach);
    try (PreparedStatement ps = c.prepareStatement("SELECT id, ttl_seconds, deadline_millis FROM lease");
         ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        leases.load(new Lease(rs.getLong(1), rs.getLong(2), rs.getLong(3)));
      }
    }
  }

  /** The live keys whose latest row id is in (fromId, toId], as SQLite walks the key index. */
  private static List<KeyValue> loadLatest(Connection c, long fromId, long toId) throws SQLException {
    List<KeyValue> rows = new ArrayList<>();
    // CROSS JOIN keeps the grouped key index as the outer loop, so rows arrive in key order without a sort step;
    // the id range is put on the grouped side so that rows of the other half are never looked up
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT l.key, l.create_revision, l.revision, l.version, l.lease, l.value"
            + " FROM (SELECT key, MAX(id) AS id FROM log GROUP BY key) latest CROSS JOIN log l ON l.id = latest.id"
            + " WHERE latest.id > ? AND latest.id <= ? AND l.deleted = 0")) {
      ps.setLong(1, fromId);
      ps.setLong(2, toId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          rows.add(new KeyValue(rs.getString(1), bytes(rs, 6), rs.getLong(2), rs.getLong(3), rs.getLong(4),
              rs.getLong(5)));
        }
      }
    }
    return rows;
  }

  private static void runOnOwnThread(Runnable task) {
    Thread t = new Thread(task, "store-load");
    t.setDaemon(true);
    t.start();
  }
}
