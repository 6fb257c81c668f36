package com.smarttoaster.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.smarttoaster.predict.Prediction;
import com.smarttoaster.predict.PredictionInput;
import com.smarttoaster.predict.PredictorName;
import com.smarttoaster.toast.BreadType;
import com.smarttoaster.toast.ToastMode;
import com.smarttoaster.toast.ToastSettings;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The model_version column: added in place to a file made before it; an export of such a file reads
 * null.
 */
class ModelVersionColumnTest {
  private static final String V = "2027.01.10.080000-data1-train1";

  private static CycleRecord record(String id, String version) {
    ToastSettings s = new ToastSettings(4, BreadType.WHITE, 12, 2, ToastMode.TOAST);
    return new CycleRecord(
        id,
        "kitchen",
        Instant.parse("2027-01-11T07:00:00Z"),
        new PredictionInput(s, 21, 21, 230),
        new Prediction(108, PredictorName.MODEL, null),
        CycleOutcome.DONE,
        null,
        108,
        null,
        null,
        version);
  }

  @Test
  void aFileFromBeforeTheColumnIsReadAsIsAndUpgradedInPlaceWhenTheApplianceOpensIt(
      @TempDir Path dir) throws Exception {
    Path file = dir.resolve("history.db");
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = c.createStatement()) {
      SqliteCycleHistory.createTable(s); // the table as before: no model_version
      s.execute("PRAGMA user_version = 2");
      s.execute(
          "INSERT INTO cycles (cycle_id, device_id, start_time, shade, bread, thickness_mm, slices, mode,"
              + " chamber_start_c, ambient_c, mains_volts, predicted_s, predictor, outcome, heater_on_s) VALUES"
              + " ('old', 'kitchen', '2027-01-10T07:00:00Z', 4, 'white', 12, 2, 'toast', 21, 21, 230, 108, 'model', 'done', 108)");
      assertFalse(SqliteCycleHistory.hasModelVersion(c));
    }
    try (HistoryDatabase reader = HistoryDatabase.openExisting(file)) {
      assertNull(
          reader.cycles().all().get(0).modelVersion(),
          "an export reads the old file without changing it");
    }
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
      assertFalse(SqliteCycleHistory.hasModelVersion(c), "the reader did not alter the file");
    }
    try (HistoryDatabase db = HistoryDatabase.open(file, 100, 100)) {
      db.cycles().record(record("new", V));
      assertEquals(
          java.util.Arrays.asList(null, V),
          db.cycles().all().stream().map(CycleRecord::modelVersion).toList());
    }
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
      assertTrue(SqliteCycleHistory.hasModelVersion(c));
    }
  }

  @Test
  void aFileWithTheModelVersionButNoMonitoringColumnsGetsThemAndKeepsItsRows(@TempDir Path dir)
      throws Exception {
    Path file = dir.resolve("history.db");
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = c.createStatement()) {
      SqliteCycleHistory.createTable(s);
      s.execute(
          "ALTER TABLE cycles ADD COLUMN model_version TEXT"); // as the build before monitoring
      // left it
      s.execute("PRAGMA user_version = 2");
      s.execute(
          "INSERT INTO cycles (cycle_id, device_id, start_time, shade, bread, thickness_mm, slices, mode,"
              + " chamber_start_c, ambient_c, mains_volts, predicted_s, predictor, outcome, heater_on_s, model_version)"
              + " VALUES ('old', 'kitchen', '2027-01-10T07:00:00Z', 4, 'white', 12, 2, 'toast', 21, 21, 230, 108,"
              + " 'model', 'done', 108, '"
              + V
              + "')");
    }
    try (HistoryDatabase reader = HistoryDatabase.openExisting(file)) {
      CycleRecord old = reader.cycles().all().get(0);
      assertEquals(V, old.modelVersion());
      assertEquals(
          ModelWatch.NONE, old.watch(), "read as nothing watched, without changing the file");
    }
    ModelWatch seen = new ModelWatch("2027.02.20.120000-x", 120.5, null, 0.07, 0.0);
    try (HistoryDatabase db = HistoryDatabase.open(file, 100, 100)) {
      db.cycles().record(record("new", V).withWatch(seen));
      assertEquals(
          java.util.Arrays.asList(ModelWatch.NONE, seen),
          db.cycles().all().stream().map(CycleRecord::watch).toList());
    }
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
      assertTrue(
          SqliteCycleHistory.columns(c).containsAll(SqliteCycleHistory.ADDED_COLUMNS.keySet()));
    }
  }
}
