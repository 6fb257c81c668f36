package com.smarttoaster.fleet.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.jspecify.annotations.Nullable;

/**
 * The fleet's database: PostgreSQL for a maker's fleet, SQLite (a file) as the embedded default for
 * one household. The schema is Flyway's migrations in {@code db/fleet} (portable SQL, the same
 * files on both), applied on open. Events are written idempotently: their key is device + run +
 * seq, and a repeat of an at-least-once delivery is dropped by {@code ON CONFLICT DO NOTHING}
 * (PostgreSQL 9.5+, SQLite 3.24+).
 *
 * <p>One connection, used by one thread at a time (the methods are synchronized).
 */
public final class FleetDatabase implements AutoCloseable {
  static final String MIGRATIONS = "classpath:db/fleet";
  private static final String INSERT_EVENT =
      "INSERT INTO fleet_event (device_id, run_id, seq, event_type, at,"
          + " received_at, collected_by, cycle_id, model_version, predictor, rating, checker_disagreed, payload)"
          + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (device_id, run_id, seq) DO NOTHING";
  private static final String UPSERT_MODEL =
      "INSERT INTO fleet_device_model (device_id, active_model, candidate,"
          + " last_result, reported_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (device_id) DO UPDATE SET"
          + " active_model = excluded.active_model, candidate = excluded.candidate, last_result = excluded.last_result,"
          + " reported_at = excluded.reported_at WHERE fleet_device_model.reported_at <= excluded.reported_at";

  private final Connection connection;
  private final String url;

  private FleetDatabase(Connection connection, String url) {
    this.connection = connection;
    this.url = url;
  }

  /**
   * Opens the database and brings its schema up to date.
   *
   * @param url {@code jdbc:postgresql://HOST:PORT/DB} or {@code jdbc:sqlite:FILE}
   * @param user user name (PostgreSQL), or null
   * @param password password, or null
   * @throws FleetStoreException naming the url and what failed
   */
  public static FleetDatabase open(String url, @Nullable String user, @Nullable String password)
      throws FleetStoreException {
    if (url == null || !(url.startsWith("jdbc:postgresql:") || url.startsWith("jdbc:sqlite:"))) {
      throw new FleetStoreException(
          "database url '"
              + url
              + "' is neither jdbc:postgresql://HOST:PORT/DB nor"
              + " jdbc:sqlite:FILE");
    }
    try {
      Flyway.configure().dataSource(url, user, password).locations(MIGRATIONS).load().migrate();
    } catch (FlywayException e) {
      throw new FleetStoreException(
          "cannot migrate the fleet database " + redacted(url) + ": " + firstLine(e), e);
    }
    try {
      Connection c = DriverManager.getConnection(url, user, password);
      if (url.startsWith("jdbc:sqlite:")) {
        try (Statement s = c.createStatement()) {
          // Two collectors may share the file: wait for the other's transaction instead of failing.
          s.execute("PRAGMA busy_timeout = 10000");
          s.execute("PRAGMA journal_mode = WAL");
        }
      }
      c.setAutoCommit(false);
      return new FleetDatabase(c, url);
    } catch (SQLException e) {
      throw new FleetStoreException(
          "cannot open the fleet database " + redacted(url) + ": " + e.getMessage(), e);
    }
  }

  /**
   * Stores a batch in one transaction; returns when it is committed. Repeats are dropped.
   *
   * @param receivedAt when the collector received them, ISO-8601
   * @param collectedBy the collector's broker user (which member of the group stored a row)
   * @return the number of events that were new
   */
  public synchronized int insert(List<FieldEvent> events, String receivedAt, String collectedBy)
      throws FleetStoreException {
    try (PreparedStatement ins = connection.prepareStatement(INSERT_EVENT);
        PreparedStatement model = connection.prepareStatement(UPSERT_MODEL)) {
      int added = 0;
      for (FieldEvent e : events) {
        ins.setString(1, e.deviceId());
        ins.setString(2, e.runId());
        ins.setLong(3, e.seq());
        ins.setString(4, e.type());
        ins.setString(5, e.at());
        ins.setString(6, receivedAt);
        ins.setString(7, collectedBy);
        ins.setString(8, e.cycleId());
        ins.setString(9, e.modelVersion());
        ins.setString(10, e.predictor());
        ins.setString(11, e.rating());
        Integer checker = e.checker().column();
        if (checker == null) {
          ins.setNull(12, Types.INTEGER);
        } else {
          ins.setInt(12, checker);
        }
        ins.setString(13, e.payload());
        int n = ins.executeUpdate();
        added += n;
        if (n == 1 && ModelReport.EVENT_TYPE.equals(e.type()) && e.modelVersion() != null) {
          ModelReport r = ModelReport.of(e);
          model.setString(1, e.deviceId());
          model.setString(2, r.active());
          model.setString(3, r.candidate());
          model.setString(4, r.result());
          model.setString(5, e.at());
          model.executeUpdate();
        }
      }
      connection.commit();
      return added;
    } catch (SQLException e) {
      rollbackQuietly();
      throw new FleetStoreException(
          "cannot store " + events.size() + " events: " + e.getMessage(), e);
    }
  }

  /** All stored events of these types (all types when none given), in key order. */
  public synchronized List<FieldEvent> events(String... types) throws FleetStoreException {
    String where =
        types.length == 0 ? "" : " WHERE event_type IN (" + "?,".repeat(types.length - 1) + "?)";
    try (PreparedStatement q =
        connection.prepareStatement(
            "SELECT device_id, run_id, seq, event_type, at, cycle_id,"
                + " model_version, predictor, rating, checker_disagreed, payload FROM fleet_event"
                + where
                + " ORDER BY device_id, run_id, seq")) {
      for (int i = 0; i < types.length; i++) {
        q.setString(i + 1, types[i]);
      }
      List<FieldEvent> out = new ArrayList<>();
      try (ResultSet r = q.executeQuery()) {
        while (r.next()) {
          int disagreed = r.getInt(10);
          CheckerVerdict checker = CheckerVerdict.ofColumn(r.wasNull() ? null : disagreed);
          out.add(
              new FieldEvent(
                  r.getString(1),
                  r.getString(2),
                  r.getLong(3),
                  r.getString(4),
                  r.getString(5),
                  r.getString(6),
                  r.getString(7),
                  r.getString(8),
                  r.getString(9),
                  checker,
                  r.getString(11)));
        }
      }
      connection.commit();
      return out;
    } catch (SQLException e) {
      rollbackQuietly();
      throw new FleetStoreException("cannot read events: " + e.getMessage(), e);
    }
  }

  /** Every (device, run, seq) key with how often it is stored: more than once would be a bug. */
  public synchronized long countEvents() throws FleetStoreException {
    return scalar("SELECT COUNT(*) FROM fleet_event");
  }

  /** What each device last reported about its models, by device id. */
  public synchronized Map<String, DeviceModel> deviceModels() throws FleetStoreException {
    Map<String, DeviceModel> out = new LinkedHashMap<>();
    try (Statement s = connection.createStatement();
        ResultSet r =
            s.executeQuery(
                "SELECT device_id, active_model, candidate, last_result, reported_at FROM fleet_device_model"
                    + " ORDER BY device_id")) {
      while (r.next()) {
        out.put(
            r.getString(1),
            new DeviceModel(
                r.getString(1), r.getString(2), r.getString(3), r.getString(4), r.getString(5)));
      }
      connection.commit();
      return out;
    } catch (SQLException e) {
      rollbackQuietly();
      throw new FleetStoreException("cannot read device models: " + e.getMessage(), e);
    }
  }

  /** Runs {@code work} in one transaction on this database's connection (the rollout's records). */
  public synchronized <T> T inTransaction(SqlWork<T> work) throws FleetStoreException {
    try {
      T t = work.run(connection);
      connection.commit();
      return t;
    } catch (SQLException e) {
      rollbackQuietly();
      throw new FleetStoreException("fleet database: " + e.getMessage(), e);
    }
  }

  /** Runs {@code work}, which has no result, in one transaction on this database's connection. */
  public void inTransactionNoResult(SqlStatements work) throws FleetStoreException {
    inTransaction(
        c -> {
          work.run(c);
          return Boolean.TRUE; // SqlWork must answer something; nobody reads it
        });
  }

  /** Work on a connection inside {@link #inTransactionNoResult}. */
  @FunctionalInterface
  public interface SqlStatements {
    void run(Connection c) throws SQLException;
  }

  /** Work on a connection inside {@link #inTransaction}. */
  @FunctionalInterface
  public interface SqlWork<T> {
    T run(Connection c) throws SQLException;
  }

  private long scalar(String sql) throws FleetStoreException {
    try (Statement s = connection.createStatement();
        ResultSet r = s.executeQuery(sql)) {
      r.next();
      long v = r.getLong(1);
      connection.commit();
      return v;
    } catch (SQLException e) {
      rollbackQuietly();
      throw new FleetStoreException("cannot query the fleet database: " + e.getMessage(), e);
    }
  }

  private void rollbackQuietly() {
    try {
      connection.rollback();
    } catch (SQLException ignored) {
      // the connection is broken; the next call says so
    }
  }

  /** The url without a password parameter, for messages. */
  static String redacted(String url) {
    return url.replaceAll("(?i)(password=)[^&]*", "$1***");
  }

  private static String firstLine(Throwable e) {
    String m = String.valueOf(e.getMessage()).strip();
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl);
  }

  @Override
  public synchronized void close() {
    try {
      connection.close();
    } catch (SQLException ignored) {
      // closing anyway
    }
  }

  @Override
  public String toString() {
    return redacted(url);
  }
}
