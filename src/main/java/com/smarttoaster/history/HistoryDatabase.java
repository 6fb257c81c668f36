package com.smarttoaster.history;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded SQLite database of one appliance: its cycle records ({@link #cycles()}) and its
 * outbox of MQTT events not yet accepted by the broker ({@link #outbox()}).
 *
 * <p>WAL journal with {@code synchronous=FULL}: every committed write survives a killed process and
 * a power cut, readers (such as {@code history export}) never block the appliance, and the files on
 * the SD card are written in place without a rollback journal. One connection, used under this
 * object's lock, so any thread may call in; writes are a few per cycle.
 */
public final class HistoryDatabase implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(HistoryDatabase.class);

  /**
   * Schema version kept in {@code PRAGMA user_version}. 2 adds the cycle outcomes {@code running}
   * and {@code interrupted}: the tables are unchanged, but a version-1 build cannot read those
   * rows, so it must refuse the file at open instead of failing on some later read.
   */
  static final int SCHEMA_VERSION = 2;

  // The model_version and monitoring columns (issue 14) are added in place and left out of the
  // version: they are nullable, and builds without them read and write the table by column name, so
  // they keep working on a file that has them. A reader opening an old file (no upgrade) reads
  // nulls.

  private final Path file;
  private final Connection connection;
  private final SqliteCycleHistory cycles;
  private final SqliteEventOutbox outbox;

  private HistoryDatabase(Path file, Connection connection, int maxCycles, int maxOutboxEvents)
      throws SQLException {
    this.file = file;
    this.connection = connection;
    this.cycles = new SqliteCycleHistory(this, maxCycles, SqliteCycleHistory.columns(connection));
    this.outbox = new SqliteEventOutbox(this, maxOutboxEvents);
  }

  /**
   * Opens (creating when missing) the database, upgrading an older schema to this build's.
   *
   * @throws HistoryException when the file cannot be opened or holds another schema
   */
  public static HistoryDatabase open(Path file, int maxCycles, int maxOutboxEvents) {
    return open(file, maxCycles, maxOutboxEvents, true);
  }

  /**
   * @param upgrade whether to mark an older schema as this build's; a reader does not, so that
   *     exporting with a newer build never locks out the older build that runs the appliance
   */
  private static HistoryDatabase open(
      Path file, int maxCycles, int maxOutboxEvents, boolean upgrade) {
    if (maxCycles < 1 || maxOutboxEvents < 1) {
      throw new IllegalArgumentException(
          "maxCycles "
              + maxCycles
              + " and maxOutboxEvents "
              + maxOutboxEvents
              + " must be at least 1");
    }
    Connection c = null;
    try {
      c = DriverManager.getConnection("jdbc:sqlite:" + file);
      try (Statement s = c.createStatement()) {
        s.execute("PRAGMA busy_timeout = 5000");
        s.execute("PRAGMA journal_mode = WAL");
        s.execute("PRAGMA synchronous = FULL");
        int version;
        try (var rs = s.executeQuery("PRAGMA user_version")) {
          version = rs.next() ? rs.getInt(1) : 0;
        }
        if (version > SCHEMA_VERSION) {
          throw new HistoryException(
              "history database "
                  + file
                  + " has schema version "
                  + version
                  + ", newer than this build's "
                  + SCHEMA_VERSION
                  + "; use a newer build or another databaseFile");
        }
        SqliteCycleHistory.createTable(s);
        if (upgrade) {
          SqliteCycleHistory.addMissingColumns(c, file);
        }
        SqliteEventOutbox.createTable(s);
        if (upgrade && version < SCHEMA_VERSION) {
          s.execute("PRAGMA user_version = " + SCHEMA_VERSION);
          if (version > 0) {
            log.info(
                "History database {}: schema version {} upgraded to {} (cycle outcomes running and"
                    + " interrupted); builds older than this one will refuse it",
                file,
                version,
                SCHEMA_VERSION);
          }
        }
      }
      HistoryDatabase db = new HistoryDatabase(file, c, maxCycles, maxOutboxEvents);
      log.info(
          "History database {}: {} cycles, {} events waiting for the broker",
          file,
          db.cycles.size(),
          db.outbox.size());
      return db;
    } catch (SQLException e) {
      closeQuietly(c);
      throw new HistoryException(
          "cannot open history database "
              + file
              + ": "
              + e.getMessage()
              + "; check that its directory is writable and the file is a SQLite database",
          e);
    } catch (RuntimeException e) {
      closeQuietly(c);
      throw e;
    }
  }

  /**
   * Opens an existing database for reading its records (e.g. to export them), leaving its schema
   * version as it is.
   */
  public static HistoryDatabase openExisting(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new HistoryException(
          "no history database at " + file + "; give the file named by history.databaseFile");
    }
    return open(file, Integer.MAX_VALUE, Integer.MAX_VALUE, false);
  }

  public CycleHistory cycles() {
    return cycles;
  }

  public EventOutbox outbox() {
    return outbox;
  }

  public Path file() {
    return file;
  }

  Connection connection() {
    return connection;
  }

  /** Runs {@code work} in one transaction under the database lock. */
  synchronized <T> T inTransaction(SqlWork<T> work) {
    try {
      connection.setAutoCommit(false);
      try {
        T result = work.run(connection);
        connection.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      } finally {
        connection.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw new HistoryException("history database " + file + ": " + e.getMessage(), e);
    }
  }

  /** Runs {@code work}, which has no result, in one transaction under the database lock. */
  synchronized void inTransactionNoResult(SqlStatements work) {
    inTransaction(
        c -> {
          work.run(c);
          return Boolean.TRUE; // SqlWork must answer something; nobody reads it
        });
  }

  /** Work on the connection inside a transaction. */
  interface SqlWork<T> {
    T run(Connection c) throws SQLException;
  }

  /** Work on the connection inside a transaction that has no result. */
  interface SqlStatements {
    void run(Connection c) throws SQLException;
  }

  @Override
  public synchronized void close() {
    closeQuietly(connection);
  }

  private static void closeQuietly(@Nullable Connection c) {
    if (c != null) {
      try {
        c.close();
      } catch (SQLException e) {
        log.warn("Closing the history database failed: {}", e.getMessage());
      }
    }
  }
}
