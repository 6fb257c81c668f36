package com.smarttoaster.history;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.smarttoaster.predict.Prediction;
import com.smarttoaster.predict.PredictionInput;
import com.smarttoaster.predict.PredictorName;
import com.smarttoaster.safety.FaultCode;
import com.smarttoaster.toast.BreadType;
import com.smarttoaster.toast.ToastMode;
import com.smarttoaster.toast.ToastSettings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryDatabaseTest {
  @TempDir Path dir;

  static CycleRecord record(String id, CycleOutcome outcome, FaultCode fault, Rating rating) {
    ToastSettings s = new ToastSettings(5, BreadType.SOURDOUGH, 14.5, 1, ToastMode.DEFROST);
    return new CycleRecord(
        id,
        "kitchen",
        Instant.parse("2026-11-27T10:15:30.123Z"),
        new PredictionInput(s, 87.25, 21.5, 229.0),
        new Prediction(131.5, PredictorName.FALLBACK, "no model installed: x, \"y\""),
        outcome,
        fault,
        131.6,
        null,
        rating);
  }

  @Test
  void recordsRatingsAndTheOutboxSurviveReopening() throws Exception {
    Path file = dir.resolve("history.db");
    CycleRecord a = record("a", CycleOutcome.DONE, null, null);
    CycleRecord b = record("b", CycleOutcome.FAULT, FaultCode.OVER_TEMPERATURE, null);
    try (HistoryDatabase db = HistoryDatabase.open(file, 100, 100)) {
      db.cycles().record(a);
      db.cycles().record(b);
      assertTrue(db.cycles().rate("a", Rating.TOO_LIGHT));
      assertFalse(db.cycles().rate("nope", Rating.TOO_LIGHT));
      db.outbox()
          .append(
              "toaster/kitchen/event",
              seq -> ("{\"seq\":" + seq + "}").getBytes(StandardCharsets.UTF_8));
      db.outbox()
          .append(
              "toaster/kitchen/event",
              seq -> ("{\"seq\":" + seq + "}").getBytes(StandardCharsets.UTF_8));
    }
    try (HistoryDatabase db = HistoryDatabase.open(file, 100, 100)) {
      assertEquals(
          List.of(a.withRating(Rating.TOO_LIGHT), b), db.cycles().all(), "every field round-trips");
      assertEquals(b, db.cycles().last().orElseThrow());
      List<EventOutbox.Entry> pending = db.outbox().pending(0, 10);
      assertEquals(2, pending.size());
      assertArrayEquals(
          ("{\"seq\":" + pending.get(0).seq() + "}").getBytes(StandardCharsets.UTF_8),
          pending.get(0).payload(),
          "the payload carries its own sequence number");
      assertTrue(pending.get(1).seq() > pending.get(0).seq());
      db.outbox().remove(pending.get(0).seq());
      assertEquals(
          List.of(pending.get(1).seq()),
          db.outbox().pending(0, 10).stream().map(EventOutbox.Entry::seq).toList());
      assertEquals(0, db.outbox().pending(pending.get(1).seq(), 10).size());
    }
  }

  @Test
  void theDatabaseUsesWalAndKeepsOnlyTheNewestRecords() throws Exception {
    Path file = dir.resolve("h.db");
    try (HistoryDatabase db = HistoryDatabase.open(file, 3, 2)) {
      for (int i = 0; i < 5; i++) {
        db.cycles().record(record("c" + i, CycleOutcome.DONE, null, null));
        db.outbox().append("t", seq -> new byte[] {1});
      }
      assertEquals(
          List.of("c2", "c3", "c4"), db.cycles().all().stream().map(CycleRecord::cycleId).toList());
      assertEquals(2, db.outbox().size(), "the oldest unsent events are dropped beyond the bound");
      try (var c = DriverManager.getConnection("jdbc:sqlite:" + file);
          ResultSet rs = c.createStatement().executeQuery("PRAGMA journal_mode")) {
        rs.next();
        assertEquals("wal", rs.getString(1));
      }
    }
  }

  @Test
  void aCycleRecordedTwiceIsReplaced() {
    try (HistoryDatabase db = HistoryDatabase.open(dir.resolve("r.db"), 10, 10)) {
      db.cycles().record(record("x", CycleOutcome.DONE, null, null));
      db.cycles().record(record("x", CycleOutcome.CANCELLED, null, null));
      assertEquals(1, db.cycles().size());
      assertEquals(CycleOutcome.CANCELLED, db.cycles().last().orElseThrow().outcome());
    }
  }

  @Test
  void aFileThatIsNotADatabaseGivesAClearError() throws Exception {
    Path junk = dir.resolve("junk.db");
    Files.writeString(
        junk, "this is not a database, just text that is long enough to have a header".repeat(20));
    HistoryException e =
        assertThrows(HistoryException.class, () -> HistoryDatabase.open(junk, 10, 10));
    assertTrue(e.getMessage().contains(junk.toString()), e.getMessage());
    HistoryException missing =
        assertThrows(
            HistoryException.class, () -> HistoryDatabase.openExisting(dir.resolve("missing.db")));
    assertTrue(missing.getMessage().startsWith("no history database at"), missing.getMessage());
  }

  @Test
  void ratedCyclesAreWhatGoesToTraining() {
    CycleHistory h = new InMemoryCycleHistory(10);
    h.record(record("a", CycleOutcome.DONE, null, null));
    h.record(record("b", CycleOutcome.DONE, null, Rating.JUST_RIGHT));
    h.record(record("c", CycleOutcome.CANCELLED, null, Rating.TOO_DARK));
    assertEquals(
        List.of("b", "c"),
        TrainingFeedback.ratedCycles(h).stream().map(CycleRecord::cycleId).toList());
  }
}
