package com.smarttoaster.history;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The {@code outbox} table of a {@link HistoryDatabase}. */
final class SqliteEventOutbox implements EventOutbox {
  private static final Logger log = LoggerFactory.getLogger(SqliteEventOutbox.class);

  private final HistoryDatabase db;
  private final int maxEvents;

  SqliteEventOutbox(HistoryDatabase db, int maxEvents) {
    this.db = db;
    this.maxEvents = maxEvents;
  }

  static void createTable(Statement s) throws SQLException {
    s.execute(
        "CREATE TABLE IF NOT EXISTS outbox ("
            + " seq INTEGER PRIMARY KEY AUTOINCREMENT, topic TEXT NOT NULL, payload BLOB)");
  }

  @Override
  public long append(String topic, LongFunction<byte[]> payloadForSeq) {
    return db.inTransaction(
        c -> {
          long seq;
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO outbox (topic) VALUES (?)", Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, topic);
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
              keys.next();
              seq = keys.getLong(1);
            }
          }
          try (PreparedStatement ps =
              c.prepareStatement("UPDATE outbox SET payload = ? WHERE seq = ?")) {
            ps.setBytes(1, payloadForSeq.apply(seq));
            ps.setLong(2, seq);
            ps.executeUpdate();
          }
          try (PreparedStatement ps =
              c.prepareStatement(
                  "DELETE FROM outbox WHERE seq <= (SELECT seq FROM outbox ORDER BY seq DESC LIMIT 1 OFFSET ?)")) {
            ps.setInt(1, maxEvents);
            int dropped = ps.executeUpdate();
            if (dropped > 0) {
              log.warn(
                  "Outbox full ({} events waiting for the broker): dropped the {} oldest",
                  maxEvents,
                  dropped);
            }
          }
          return seq;
        });
  }

  @Override
  public List<Entry> pending(long afterSeq, int max) {
    return db.inTransaction(
        c -> {
          List<Entry> out = new ArrayList<>();
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT seq, topic, payload FROM outbox WHERE seq > ? ORDER BY seq LIMIT ?")) {
            ps.setLong(1, afterSeq);
            ps.setInt(2, max);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                out.add(new Entry(rs.getLong(1), rs.getString(2), rs.getBytes(3)));
              }
            }
          }
          return out;
        });
  }

  @Override
  public void remove(long seq) {
    db.inTransaction(
        c -> {
          try (PreparedStatement ps = c.prepareStatement("DELETE FROM outbox WHERE seq = ?")) {
            ps.setLong(1, seq);
            return ps.executeUpdate();
          }
        });
  }

  @Override
  public int size() {
    return db.inTransaction(
        c -> {
          try (Statement s = c.createStatement();
              ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM outbox")) {
            return rs.next() ? rs.getInt(1) : 0;
          }
        });
  }

  @Override
  public void close() {
    db.close();
  }
}
