package com.smarttoaster.history;

import com.smarttoaster.predict.Prediction;
import com.smarttoaster.predict.PredictionInput;
import com.smarttoaster.predict.PredictorName;
import com.smarttoaster.safety.FaultCode;
import com.smarttoaster.toast.BreadType;
import com.smarttoaster.toast.ToastMode;
import com.smarttoaster.toast.ToastSettings;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** Cycle records in the {@code cycles} table of a {@link HistoryDatabase}, one column per field. */
final class SqliteCycleHistory implements CycleHistory {
  private static final String COLUMNS =
      "cycle_id, device_id, start_time, shade, bread, thickness_mm, slices, mode,"
          + " chamber_start_c, ambient_c, mains_volts, predicted_s, predictor, fallback_reason, outcome, fault_code,"
          + " heater_on_s, achieved_shade, rating";

  /**
   * Columns added in place after the table's first schema (issue 14): the model version, then what
   * monitoring watched ({@link ModelWatch}). Nullable, written and read by name, so builds without
   * them keep working on a file that has them; a reader opening an old file (no upgrade) reads
   * nulls.
   */
  static final java.util.LinkedHashMap<String, String> ADDED_COLUMNS =
      new java.util.LinkedHashMap<>();

  static {
    ADDED_COLUMNS.put("model_version", "TEXT");
    ADDED_COLUMNS.put("candidate_version", "TEXT");
    ADDED_COLUMNS.put("candidate_s", "REAL");
    ADDED_COLUMNS.put("candidate_note", "TEXT");
    ADDED_COLUMNS.put("checker_disagreement", "REAL");
    ADDED_COLUMNS.put("envelope_distance", "REAL");
  }

  private final HistoryDatabase db;
  private final int maxCycles;

  /**
   * What to select: the columns, with each added column, or NULL where an old file (opened only to
   * read) lacks it.
   */
  private final String selected;

  SqliteCycleHistory(HistoryDatabase db, int maxCycles, java.util.Set<String> present) {
    this.db = db;
    this.maxCycles = maxCycles;
    StringBuilder sel = new StringBuilder(COLUMNS);
    for (String c : ADDED_COLUMNS.keySet()) {
      sel.append(", ").append(present.contains(c) ? c : "NULL");
    }
    this.selected = sel.toString();
  }

  /** The columns the cycles table has now. */
  static java.util.Set<String> columns(Connection c) throws SQLException {
    java.util.Set<String> out = new java.util.HashSet<>();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("PRAGMA table_info(cycles)")) {
      while (rs.next()) {
        out.add(rs.getString("name"));
      }
    }
    return out;
  }

  static boolean hasModelVersion(Connection c) throws SQLException {
    return columns(c).contains("model_version");
  }

  /** Adds the columns this build has and the table (made by an older one) lacks. */
  static void addMissingColumns(Connection c, java.nio.file.Path file) throws SQLException {
    java.util.Set<String> present = columns(c);
    for (var e : ADDED_COLUMNS.entrySet()) {
      if (!present.contains(e.getKey())) {
        try (Statement s = c.createStatement()) {
          s.execute("ALTER TABLE cycles ADD COLUMN " + e.getKey() + " " + e.getValue());
        }
        org.slf4j.LoggerFactory.getLogger(SqliteCycleHistory.class)
            .info("History database {}: column {} added to cycles", file, e.getKey());
      }
    }
  }

  static void createTable(Statement s) throws SQLException {
    s.execute(
        "CREATE TABLE IF NOT EXISTS cycles ("
            + " seq INTEGER PRIMARY KEY AUTOINCREMENT,"
            + " cycle_id TEXT NOT NULL UNIQUE, device_id TEXT NOT NULL, start_time TEXT NOT NULL,"
            + " shade INTEGER NOT NULL, bread TEXT NOT NULL, thickness_mm REAL NOT NULL, slices INTEGER NOT NULL,"
            + " mode TEXT NOT NULL, chamber_start_c REAL NOT NULL, ambient_c REAL NOT NULL, mains_volts REAL NOT NULL,"
            + " predicted_s REAL NOT NULL, predictor TEXT NOT NULL, fallback_reason TEXT,"
            + " outcome TEXT NOT NULL, fault_code TEXT, heater_on_s REAL NOT NULL, achieved_shade REAL, rating TEXT)");
  }

  @Override
  public void record(CycleRecord r) {
    db.inTransactionNoResult(
        c -> {
          try (PreparedStatement del =
              c.prepareStatement("DELETE FROM cycles WHERE cycle_id = ?")) {
            del.setString(1, r.cycleId());
            del.executeUpdate();
          }
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO cycles ("
                      + COLUMNS
                      + ", "
                      + String.join(", ", ADDED_COLUMNS.keySet())
                      + ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
            ToastSettings s = r.input().settings();
            ps.setString(1, r.cycleId());
            ps.setString(2, r.deviceId());
            ps.setString(3, r.startTime().toString());
            ps.setInt(4, s.shade());
            ps.setString(5, s.bread().id());
            ps.setDouble(6, s.thicknessMm());
            ps.setInt(7, s.slices());
            ps.setString(8, s.mode().id());
            ps.setDouble(9, r.input().chamberStartC());
            ps.setDouble(10, r.input().ambientC());
            ps.setDouble(11, r.input().mainsVolts());
            ps.setDouble(12, r.prediction().seconds());
            ps.setString(13, r.prediction().predictor().id());
            ps.setString(14, r.prediction().fallbackReason());
            ps.setString(15, r.outcome().id());
            ps.setString(16, r.faultCode() == null ? null : r.faultCode().name());
            ps.setDouble(17, r.heaterOnS());
            if (r.achievedShade() == null) {
              ps.setNull(18, Types.REAL);
            } else {
              ps.setDouble(18, r.achievedShade());
            }
            ps.setString(19, r.rating() == null ? null : r.rating().id());
            ps.setString(20, r.modelVersion());
            ModelWatch w = r.watch();
            ps.setString(21, w.candidateVersion());
            setNullable(ps, 22, w.candidateS());
            ps.setString(23, w.candidateNote());
            setNullable(ps, 24, w.checkerDisagreement());
            setNullable(ps, 25, w.envelopeDistance());
            ps.executeUpdate();
          }
          prune(c);
        });
  }

  private static void setNullable(PreparedStatement ps, int i, @Nullable Double v)
      throws SQLException {
    if (v == null) {
      ps.setNull(i, Types.REAL);
    } else {
      ps.setDouble(i, v);
    }
  }

  private static @Nullable Double nullableDouble(ResultSet rs, int i) throws SQLException {
    double v = rs.getDouble(i);
    return rs.wasNull() ? null : v;
  }

  private void prune(Connection c) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "DELETE FROM cycles WHERE seq <= (SELECT seq FROM cycles ORDER BY seq DESC LIMIT 1 OFFSET ?)")) {
      ps.setInt(1, maxCycles);
      ps.executeUpdate();
    }
  }

  @Override
  public Optional<CycleRecord> last() {
    List<CycleRecord> r = query("SELECT " + selected + " FROM cycles ORDER BY seq DESC LIMIT 1");
    return r.isEmpty() ? Optional.empty() : Optional.of(r.get(0));
  }

  @Override
  public boolean rate(String cycleId, Rating rating) {
    return db.inTransaction(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement("UPDATE cycles SET rating = ? WHERE cycle_id = ?")) {
            ps.setString(1, rating.id());
            ps.setString(2, cycleId);
            return ps.executeUpdate() == 1;
          }
        });
  }

  @Override
  public List<CycleRecord> closeInterrupted() {
    return db.inTransaction(
        c -> {
          List<CycleRecord> running =
              query(
                  c,
                  "SELECT "
                      + selected
                      + " FROM cycles WHERE outcome = '"
                      + CycleOutcome.RUNNING.id()
                      + "' ORDER BY seq");
          try (PreparedStatement ps =
              c.prepareStatement("UPDATE cycles SET outcome = ? WHERE outcome = ?")) {
            ps.setString(1, CycleOutcome.INTERRUPTED.id());
            ps.setString(2, CycleOutcome.RUNNING.id());
            ps.executeUpdate();
          }
          return running.stream().map(CycleRecord::interrupted).toList();
        });
  }

  @Override
  public List<CycleRecord> latest(int n) {
    List<CycleRecord> newestFirst =
        query("SELECT " + selected + " FROM cycles ORDER BY seq DESC LIMIT " + Math.max(0, n));
    java.util.Collections.reverse(newestFirst);
    return newestFirst;
  }

  @Override
  public List<CycleRecord> all() {
    return query("SELECT " + selected + " FROM cycles ORDER BY seq");
  }

  @Override
  public int size() {
    return db.inTransaction(
        c -> {
          try (Statement s = c.createStatement();
              ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM cycles")) {
            return rs.next() ? rs.getInt(1) : 0;
          }
        });
  }

  private List<CycleRecord> query(String sql) {
    return db.inTransaction(c -> query(c, sql));
  }

  private List<CycleRecord> query(Connection c, String sql) throws SQLException {
    List<CycleRecord> out = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        out.add(read(rs));
      }
    }
    return out;
  }

  private static CycleRecord read(ResultSet rs) throws SQLException {
    String id = rs.getString(1);
    BreadType bread = BreadType.fromId(rs.getString(5));
    ToastMode mode = ToastMode.fromId(rs.getString(8));
    CycleOutcome outcome = CycleOutcome.fromId(rs.getString(15));
    PredictorName predictor = PredictorName.fromId(rs.getString(13)).orElse(null);
    if (bread == null || mode == null || outcome == null || predictor == null) {
      throw new SQLException(
          "cycle "
              + id
              + " has an unknown bread, mode, outcome or predictor ('"
              + rs.getString(5)
              + "', '"
              + rs.getString(8)
              + "', '"
              + rs.getString(15)
              + "', '"
              + rs.getString(13)
              + "')");
    }
    ToastSettings s = new ToastSettings(rs.getInt(4), bread, rs.getDouble(6), rs.getInt(7), mode);
    PredictionInput in =
        new PredictionInput(s, rs.getDouble(9), rs.getDouble(10), rs.getDouble(11));
    Prediction p = new Prediction(rs.getDouble(12), predictor, rs.getString(14));
    String fault = rs.getString(16);
    double shade = rs.getDouble(18);
    Double achieved = rs.wasNull() ? null : shade;
    String rating = rs.getString(19);
    return new CycleRecord(
        id,
        rs.getString(2),
        Instant.parse(rs.getString(3)),
        in,
        p,
        outcome,
        fault == null ? null : FaultCode.valueOf(fault),
        rs.getDouble(17),
        achieved,
        rating == null ? null : Rating.fromId(rating),
        rs.getString(20),
        new ModelWatch(
            rs.getString(21),
            nullableDouble(rs, 22),
            rs.getString(23),
            nullableDouble(rs, 24),
            nullableDouble(rs, 25)));
  }

  @Override
  public void close() {
    db.close();
  }
}
