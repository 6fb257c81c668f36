package com.smarttoaster.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.smarttoaster.predict.Prediction;
import com.smarttoaster.predict.PredictionInput;
import com.smarttoaster.predict.PredictorName;
import com.smarttoaster.safety.FaultCode;
import com.smarttoaster.toast.BreadType;
import com.smarttoaster.toast.ToastMode;
import com.smarttoaster.toast.ToastSettings;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A cycle is recorded as running from its start; a power cut leaves that record behind, and the
 * next start closes it as interrupted. "Power cut" here: the database is closed with the cycle
 * still running and opened again ({@code OutboxCrashTest} does it with kill -9).
 */
class InterruptedCyclesTest {
  @TempDir Path dir;

  static CycleRecord running(String id) {
    ToastSettings s = new ToastSettings(5, BreadType.RYE, 13, 2, ToastMode.TOAST);
    return new CycleRecord(
        id,
        "kitchen",
        Instant.parse("2026-11-27T07:30:00Z"),
        new PredictionInput(s, 22, 21, 230),
        new Prediction(118.4, PredictorName.MODEL, null),
        CycleOutcome.RUNNING,
        null,
        0,
        null,
        null);
  }

  static CycleRecord finished(String id, CycleOutcome outcome, FaultCode fault) {
    CycleRecord r = running(id);
    return new CycleRecord(
        id,
        r.deviceId(),
        r.startTime(),
        r.input(),
        r.prediction(),
        outcome,
        fault,
        61.5,
        null,
        null);
  }

  @Test
  void aCycleRecordedAtItsStartSurvivesAPowerCutAndIsClosedAsInterruptedOnce() {
    Path file = dir.resolve("history.db");
    try (HistoryDatabase db = HistoryDatabase.open(file, 100, 100)) {
      db.cycles().record(running("cut"));
    } // the power goes; nothing records an end

    CycleRecord expected =
        new CycleRecord(
            "cut",
            "kitchen",
            running("cut").startTime(),
            running("cut").input(),
            running("cut").prediction(),
            CycleOutcome.INTERRUPTED,
            null,
            0,
            null,
            null);
    try (HistoryDatabase db = HistoryDatabase.open(file, 100, 100)) {
      assertEquals(List.of(running("cut")), db.cycles().all(), "the start left a trace");
      assertEquals(List.of(expected), db.cycles().closeInterrupted());
      assertEquals(List.of(expected), db.cycles().all());
      assertEquals(
          List.of(), db.cycles().closeInterrupted(), "a second start finds nothing to close");
    }
    try (HistoryDatabase db = HistoryDatabase.open(file, 100, 100)) {
      assertEquals(List.of(expected), db.cycles().all(), "the closing was committed");
    }
  }

  @Test
  void finishedCyclesAreNeverTouchedAndEveryRunningOneIsClosedInOrder() {
    List<CycleRecord> ended =
        List.of(
            finished("d", CycleOutcome.DONE, null),
            finished("c", CycleOutcome.CANCELLED, null).withRating(Rating.TOO_LIGHT),
            finished("f", CycleOutcome.FAULT, FaultCode.OVER_TEMPERATURE));
    try (HistoryDatabase db = HistoryDatabase.open(dir.resolve("h.db"), 100, 100)) {
      assertClosesOnlyTheRunningOnes(db.cycles(), ended);
    }
    assertClosesOnlyTheRunningOnes(new InMemoryCycleHistory(100), ended);
  }

  private static void assertClosesOnlyTheRunningOnes(CycleHistory h, List<CycleRecord> ended) {
    h.record(running("r1"));
    ended.forEach(h::record);
    h.record(running("r2"));
    List<CycleRecord> closed = h.closeInterrupted();
    assertEquals(
        List.of("r1", "r2"),
        closed.stream().map(CycleRecord::cycleId).toList(),
        h.getClass().getName());
    assertTrue(
        closed.stream()
            .allMatch(r -> r.outcome() == CycleOutcome.INTERRUPTED && r.heaterOnS() == 0),
        closed.toString());
    assertEquals(
        ended,
        h.all().stream().filter(r -> r.outcome() != CycleOutcome.INTERRUPTED).toList(),
        "finished cycles keep every field: " + h.getClass().getName());
    assertEquals(
        List.of("r1", "d", "c", "f", "r2"),
        h.all().stream().map(CycleRecord::cycleId).toList(),
        "closing keeps the order");
    assertEquals(List.of(), h.closeInterrupted());
  }

  @Test
  void theEndOfACycleReplacesItsRunningRecord() {
    try (HistoryDatabase db = HistoryDatabase.open(dir.resolve("e.db"), 100, 100)) {
      db.cycles().record(running("x"));
      db.cycles().record(finished("x", CycleOutcome.DONE, null));
      assertEquals(List.of(finished("x", CycleOutcome.DONE, null)), db.cycles().all());
      assertEquals(List.of(), db.cycles().closeInterrupted());
    }
  }

  @Test
  void aRunningOrInterruptedCycleHasNoMeasuredHeaterTime() {
    CycleRecord r = running("h");
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                new CycleRecord(
                    "h",
                    "kitchen",
                    r.startTime(),
                    r.input(),
                    r.prediction(),
                    CycleOutcome.INTERRUPTED,
                    null,
                    30,
                    null,
                    null));
    assertEquals(
        "cycle h: heaterOnS 30.0 must be 0 for outcome interrupted (the heater time of a cycle that did not"
            + " end is unknown)",
        e.getMessage());
    IllegalStateException notRunning =
        assertThrows(
            IllegalStateException.class,
            () -> finished("d", CycleOutcome.DONE, null).interrupted());
    assertEquals(
        "cycle d is done, not running; only a running cycle can be closed as interrupted",
        notRunning.getMessage());
  }
}
