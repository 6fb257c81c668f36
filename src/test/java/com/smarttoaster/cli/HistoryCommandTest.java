package com.smarttoaster.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.smarttoaster.history.CycleOutcome;
import com.smarttoaster.history.CycleRecord;
import com.smarttoaster.history.CycleRecordCsv;
import com.smarttoaster.history.HistoryDatabase;
import com.smarttoaster.history.Rating;
import com.smarttoaster.predict.Prediction;
import com.smarttoaster.predict.PredictionInput;
import com.smarttoaster.predict.PredictorName;
import com.smarttoaster.toast.BreadType;
import com.smarttoaster.toast.ToastMode;
import com.smarttoaster.toast.ToastSettings;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class HistoryCommandTest {
  @TempDir Path dir;

  private static CycleRecord record(String id, Rating rating) {
    ToastSettings s = new ToastSettings(4, BreadType.WHITE, 12, 2, ToastMode.TOAST);
    return new CycleRecord(
        id,
        "kitchen",
        Instant.parse("2026-11-27T08:00:00Z"),
        new PredictionInput(s, 21, 21, 230),
        new Prediction(108.2, PredictorName.FALLBACK, null),
        CycleOutcome.DONE,
        null,
        108.3,
        null,
        rating);
  }

  private static int run(StringWriter err, String... args) {
    CommandLine cl = Main.commandLine();
    cl.setOut(new PrintWriter(new StringWriter()));
    cl.setErr(new PrintWriter(err));
    return cl.execute(args);
  }

  @Test
  void exportWritesEveryRecordedCycleWithItsRatingAsCsv() throws Exception {
    Path db = dir.resolve("history.db");
    try (HistoryDatabase h = HistoryDatabase.open(db, 100, 100)) {
      h.cycles().record(record("one", null));
      h.cycles().record(record("two", Rating.JUST_RIGHT));
    }
    Path csv = dir.resolve("cycles.csv");
    StringWriter err = new StringWriter();
    assertEquals(
        0,
        run(err, "history", "export", "--db", db.toString(), "--out", csv.toString()),
        err.toString());
    assertEquals(
        List.of(record("one", null), record("two", Rating.JUST_RIGHT)), CycleRecordCsv.read(csv));
    assertTrue(err.toString().contains("Wrote 2 cycles (1 rated)"), err.toString());

    Path rated = dir.resolve("rated.csv");
    assertEquals(
        0,
        run(
            new StringWriter(),
            "history",
            "export",
            "--db",
            db.toString(),
            "--out",
            rated.toString(),
            "--rated-only"));
    assertEquals(List.of(record("two", Rating.JUST_RIGHT)), CycleRecordCsv.read(rated));
  }

  @Test
  void exportWritesRunningAndInterruptedCyclesAndReadsThemBack() throws Exception {
    Path db = dir.resolve("history.db");
    CycleRecord r = record("x", null);
    CycleRecord cut =
        new CycleRecord(
            "cut",
            "kitchen",
            r.startTime(),
            r.input(),
            r.prediction(),
            CycleOutcome.RUNNING,
            null,
            0,
            null,
            null);
    CycleRecord now =
        new CycleRecord(
            "now",
            "kitchen",
            r.startTime(),
            r.input(),
            r.prediction(),
            CycleOutcome.RUNNING,
            null,
            0,
            null,
            null);
    try (HistoryDatabase h = HistoryDatabase.open(db, 100, 100)) {
      h.cycles().record(cut);
      h.cycles().closeInterrupted();
      h.cycles().record(record("done", Rating.TOO_LIGHT));
      h.cycles().record(now);
    }
    Path csv = dir.resolve("cycles.csv");
    StringWriter err = new StringWriter();
    assertEquals(
        0,
        run(err, "history", "export", "--db", db.toString(), "--out", csv.toString()),
        err.toString());
    assertEquals(
        List.of(cut.interrupted(), record("done", Rating.TOO_LIGHT), now),
        CycleRecordCsv.read(csv));
  }

  @Test
  void aMissingDatabaseIsBadInput() {
    StringWriter err = new StringWriter();
    assertEquals(
        2,
        run(
            err,
            "history",
            "export",
            "--db",
            dir.resolve("none.db").toString(),
            "--out",
            dir.resolve("x.csv").toString()));
    assertTrue(err.toString().startsWith("no history database at"), err.toString());
  }
}
