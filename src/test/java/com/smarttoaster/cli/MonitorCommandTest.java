package com.smarttoaster.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.smarttoaster.history.CycleOutcome;
import com.smarttoaster.history.CycleRecord;
import com.smarttoaster.history.HistoryDatabase;
import com.smarttoaster.history.ModelWatch;
import com.smarttoaster.history.Rating;
import com.smarttoaster.predict.Prediction;
import com.smarttoaster.predict.PredictionInput;
import com.smarttoaster.predict.PredictorName;
import com.smarttoaster.testkit.CliRun;
import com.smarttoaster.toast.BreadType;
import com.smarttoaster.toast.ToastMode;
import com.smarttoaster.toast.ToastSettings;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code monitor}: the rolling figures of a history database and their verdict. */
class MonitorCommandTest {
  @TempDir Path dir;

  private Path history(int cycles, int fallbacks) {
    Path db = dir.resolve("history.db");
    try (HistoryDatabase h = HistoryDatabase.open(db, 1000, 1000)) {
      PredictionInput in =
          new PredictionInput(
              new ToastSettings(4, BreadType.WHITE, 12, 2, ToastMode.TOAST), 21, 21, 230);
      for (int i = 0; i < cycles; i++) {
        Prediction p =
            i < fallbacks
                ? new Prediction(
                    100, PredictorName.FALLBACK, "model predictor did not answer within 1000 ms")
                : new Prediction(100, PredictorName.MODEL, null, 100);
        h.cycles()
            .record(
                new CycleRecord(
                    "c" + i,
                    "kitchen",
                    Instant.EPOCH.plusSeconds(600L * i),
                    in,
                    p,
                    CycleOutcome.DONE,
                    null,
                    100,
                    null,
                    i % 2 == 0 ? Rating.JUST_RIGHT : null,
                    "2026.12.04-data1-train1",
                    new ModelWatch(null, null, null, 0.04, 0.0)));
      }
    }
    return db;
  }

  private static CliRun run(String... args) {
    return CliRun.of(args);
  }

  @Test
  void aHealthyHistoryPrintsItsFiguresAndExitsZero() {
    CliRun r = run("monitor", "--db", history(20, 1).toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("fallback rate                5.0 %"), r.out());
    assertTrue(
        r.out().contains("ratings                      0 too light, 10 just right, 0 too dark"),
        r.out());
    assertTrue(r.out().contains("input drift (σ of training)  shade "), r.out());
    assertTrue(r.out().contains("Health: OK, every figure within model.health"), r.out());
  }

  @Test
  void aFigureBeyondItsThresholdIsNamedAndExitsThree() {
    CliRun r = run("monitor", "--db", history(20, 8).toString(), "--window", "20");
    assertEquals(MonitorCommand.EXIT_UNHEALTHY, r.code(), r.out());
    assertTrue(
        r.out()
            .contains(
                "HEALTH: fallback rate 40.0 % over the last 20 cycles is above the 20.0 % of"
                    + " model.health.maxFallbackRate"),
        r.out());
  }

  @Test
  void aMissingDatabaseIsOneLineAndExitTwo() {
    CliRun r = run("monitor", "--db", dir.resolve("none.db").toString());
    assertEquals(Main.EXIT_BAD_INPUT, r.code());
    assertEquals(1, r.err().strip().lines().count(), r.err());
    assertTrue(r.err().startsWith("no history database at "), r.err());
  }

  @Test
  void theHouseholdsTasteIsShownBesideTheFiguresWithAStateDirectory() throws Exception {
    Path state = dir.resolve("state");
    java.nio.file.Files.createDirectories(state);
    com.smarttoaster.taste.TasteFile file = com.smarttoaster.taste.TasteFile.in(state);
    file.write(
        java.util.Map.of(
            BreadType.WHITE,
            new com.smarttoaster.taste.TasteEntry(1, 0),
            BreadType.RYE,
            new com.smarttoaster.taste.TasteEntry(-1, 1)));
    CliRun r = run("monitor", "--db", history(20, 1).toString(), "--state-dir", state.toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(
        r.out()
            .contains(
                "Taste: white +1 shade, rye -1 shade (learned from ratings; taste reset forgets them)"),
        r.out());

    CliRun none = run("monitor", "--db", history(20, 1).toString());
    assertTrue(!none.out().contains("Taste:"), "no state directory, no taste line: " + none.out());
  }
}
