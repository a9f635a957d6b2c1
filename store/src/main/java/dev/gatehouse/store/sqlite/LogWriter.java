package dev.gatehouse.store.sqlite;

import dev.gatehouse.store.sqlite.Database.Meta;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Writes one group-commit batch in one SQLite transaction: log rows, lease changes, a compaction step and the
 * counters. The commit's fsync is the only sync the whole batch pays.
 */
final class LogWriter {
  private final Connection c;
  private final PreparedStatement insertRow;
  private final PreparedStatement upsertLease;
  private final PreparedStatement deleteLease;
  private final PreparedStatement upsertMeta;
  private final PreparedStatement compact;

  LogWriter(Connection writer) throws SQLException {
    this.c = writer;
    insertRow = c.prepareStatement("INSERT INTO log (revision, key, create_revision, prev_revision, version,"
        + " deleted, lease, value) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
    upsertLease = c.prepareStatement("INSERT INTO lease (id, ttl_seconds, deadline_millis) VALUES (?, ?, ?)"
        + " ON CONFLICT (id) DO UPDATE SET ttl_seconds = excluded.ttl_seconds,"
        + " deadline_millis = excluded.deadline_millis");
    deleteLease = c.prepareStatement("DELETE FROM lease WHERE id = ?");
    upsertMeta = c.prepareStatement(
        "INSERT INTO meta (name, value) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value");
    // Invariant kept by every compaction: at or below the compact revision the log holds exactly the latest
    // live row of each key. So compacting (from, to] only has to look at keys written in that window: their
    // rows below the window's newest one go, and so does that newest one when it is a tombstone.
    compact = c.prepareStatement("""
        WITH touched AS (
          SELECT key, MAX(revision) AS top FROM log WHERE revision > ?1 AND revision <= ?2 GROUP BY key)
        DELETE FROM log WHERE id IN (
          SELECT l.id FROM touched t JOIN log l ON l.key = t.key AND l.revision <= t.top
          WHERE l.revision < t.top OR l.deleted = 1)""");
  }

  /** Makes the batch durable, or rolls it back and throws. */
  void commit(Batch batch) throws SQLException {
    try {
      for (LogRow row : batch.rows()) {
        insertRow.setLong(1, row.revision());
        insertRow.setString(2, row.key());
        insertRow.setLong(3, row.createRevision());
        insertRow.setLong(4, row.prevRevision());
        insertRow.setLong(5, row.version());
        insertRow.setInt(6, row.deleted() ? 1 : 0);
        insertRow.setLong(7, row.lease());
        insertRow.setBytes(8, row.value());
        insertRow.addBatch();
      }
      if (!batch.rows().isEmpty()) {
        insertRow.executeBatch();
      }
      for (var change : batch.leaseChanges().entrySet()) {
        Lease lease = change.getValue();
        if (lease == null) {
          deleteLease.setLong(1, change.getKey());
          deleteLease.executeUpdate();
        } else {
          upsertLease.setLong(1, lease.id());
          upsertLease.setLong(2, lease.ttlSeconds());
          upsertLease.setLong(3, lease.deadlineMillis());
          upsertLease.executeUpdate();
        }
      }
      if (batch.compactRevision() > batch.startCompactRevision()) {
        compact.setLong(1, batch.startCompactRevision());
        compact.setLong(2, batch.compactRevision());
        compact.executeUpdate();
        meta(Meta.COMPACT_REVISION, batch.compactRevision());
      }
      if (batch.revision() > batch.startRevision()) {
        meta(Meta.REVISION, batch.revision());
      }
      if (batch.leaseSequence() > batch.startLeaseSequence()) {
        meta(Meta.LEASE_SEQUENCE, batch.leaseSequence());
      }
      c.commit();
    } catch (SQLException | RuntimeException e) {
      insertRow.clearBatch();
      try {
        c.rollback();
      } catch (SQLException rollbackFailure) {
        e.addSuppressed(rollbackFailure);
      }
      throw e;
    }
  }

  private void meta(Meta name, long value) throws SQLException {
    upsertMeta.setString(1, name.column);
    upsertMeta.setLong(2, value);
    upsertMeta.executeUpdate();
  }
}
