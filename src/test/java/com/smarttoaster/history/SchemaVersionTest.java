package com.smarttoaster.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Version 2 only adds outcome ids a version-1 build cannot read; a version-1 database opens and is
 * upgraded by the appliance, and is left alone by a reader.
 */
class SchemaVersionTest {
  @TempDir Path dir;

  /** A database as the version-1 build left it: its tables, one finished cycle, user_version 1. */
  private Path version1Database(String name) throws Exception {
    Path file = dir.resolve(name);
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = c.createStatement()) {
      s.execute("PRAGMA journal_mode = WAL");
      s.execute(
          "CREATE TABLE cycles (seq INTEGER PRIMARY KEY AUTOINCREMENT,"
              + " cycle_id TEXT NOT NULL UNIQUE, device_id TEXT NOT NULL, start_time TEXT NOT NULL,"
              + " shade INTEGER NOT NULL, bread TEXT NOT NULL, thickness_mm REAL NOT NULL, slices INTEGER NOT NULL,"
              + " mode TEXT NOT NULL, chamber_start_c REAL NOT NULL, ambient_c REAL NOT NULL, mains_volts REAL NOT NULL,"
              + " predicted_s REAL NOT NULL, predictor TEXT NOT NULL, fallback_reason TEXT,"
              + " outcome TEXT NOT NULL, fault_code TEXT, heater_on_s REAL NOT NULL, achieved_shade REAL, rating TEXT)");
      s.execute(
          "CREATE TABLE outbox (seq INTEGER PRIMARY KEY AUTOINCREMENT, topic TEXT NOT NULL, payload BLOB)");
      s.execute(
          "INSERT INTO cycles (cycle_id, device_id, start_time, shade, bread, thickness_mm, slices, mode,"
              + " chamber_start_c, ambient_c, mains_volts, predicted_s, predictor, fallback_reason, outcome, fault_code,"
              + " heater_on_s, achieved_shade, rating) VALUES ('old', 'kitchen', '2026-11-27T07:30:00Z', 4, 'white', 12,"
              + " 2, 'toast', 21, 21, 230, 108.2, 'fallback', NULL, 'done', NULL, 108.3, NULL, 'just-right')");
      s.execute("PRAGMA user_version = 1");
    }
    return file;
  }

  private static int userVersion(Path file) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        ResultSet rs = c.createStatement().executeQuery("PRAGMA user_version")) {
      return rs.next() ? rs.getInt(1) : -1;
    }
  }

  @Test
  void aVersion1DatabaseOpensWithItsRecordsAndTakesTheNewOutcomes() throws Exception {
    Path file = version1Database("v1.db");
    try (HistoryDatabase db = HistoryDatabase.open(file, 100, 100)) {
      CycleRecord old = db.cycles().last().orElseThrow();
      assertEquals("old", old.cycleId());
      assertEquals(CycleOutcome.DONE, old.outcome());
      assertEquals(Rating.JUST_RIGHT, old.rating());
      db.cycles().record(InterruptedCyclesTest.running("new"));
      assertEquals(
          List.of("new"),
          db.cycles().closeInterrupted().stream().map(CycleRecord::cycleId).toList());
    }
    assertEquals(2, userVersion(file), "marked so that a version-1 build refuses it at open");
  }

  @Test
  void exportingFromAVersion1DatabaseLeavesItsVersionForTheOlderBuild() throws Exception {
    Path file = version1Database("v1-export.db");
    try (HistoryDatabase db = HistoryDatabase.openExisting(file)) {
      assertEquals(1, db.cycles().size());
    }
    assertEquals(1, userVersion(file));
  }

  @Test
  void aNewerSchemaIsRefusedWithWhatToDo() throws Exception {
    Path file = dir.resolve("v3.db");
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = c.createStatement()) {
      s.execute("PRAGMA user_version = 3");
    }
    HistoryException e =
        assertThrows(HistoryException.class, () -> HistoryDatabase.open(file, 10, 10));
    assertEquals(
        "history database "
            + file
            + " has schema version 3, newer than this build's 2; use a newer build"
            + " or another databaseFile",
        e.getMessage());
  }
}
