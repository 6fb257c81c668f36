package com.smarttoaster.dataset;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.smarttoaster.predict.FallbackBasis;
import com.smarttoaster.predict.FallbackCoefficients;
import com.smarttoaster.predict.FallbackTimeTable;
import com.smarttoaster.toast.ToastMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("slow")
class FallbackFitTest {
  private static final long SEED = 11;
  private static List<DatasetRow> rows;

  @BeforeAll
  static void generate() {
    // Enough that the train rows with the bread the mode says (about 70 %) fill every term three
    // times.
    rows = DatasetGenerator.generate(SEED, 4500);
  }

  @Test
  void theSameRowsGiveTheSameCoefficientsBitForBit(@TempDir Path dir) throws Exception {
    FallbackCoefficients a = FallbackFit.fit(rows, SEED);
    FallbackCoefficients b = FallbackFit.fit(new ArrayList<>(rows), SEED);
    assertArrayEquals(a.start().coefficients(), b.start().coefficients());
    assertNotNull(
        a.progress(), "the rows carry the heating progress, so there is a re-prediction set");
    assertArrayEquals(a.progress().coefficients(), b.progress().coefficients());
    assertEquals(
        rows.stream()
            .filter(
                r ->
                    r.split() == Split.TRAIN
                        && FallbackFit.breadIsAsTheModeSays(r)
                        && FallbackFit.supplyIsNearConfigured(r))
            .count(),
        a.start().rows(),
        "start set: train split only, bread as the mode says, supply near the configured voltage");
    assertTrue(
        a.start().rows() < a.progress().rows(),
        "the generator draws supplies up to 10 % off, which the start set leaves out");
    assertEquals(
        rows.stream()
            .filter(r -> r.split() == Split.TRAIN && FallbackFit.breadIsAsTheModeSays(r))
            .count(),
        a.progress().rows(),
        "progress set: train split only, bread as the mode says, any supply (the rise shows it)");
    FallbackFit.fitAndWrite(rows, SEED, dir.resolve("one.json"));
    FallbackFit.fitAndWrite(rows, SEED, dir.resolve("two.json"));
    assertEquals(
        Files.readString(dir.resolve("one.json")), Files.readString(dir.resolve("two.json")));
    FallbackCoefficients read =
        FallbackTimeTable.parse(Files.readAllBytes(dir.resolve("one.json")), "one.json");
    assertArrayEquals(
        a.start().coefficients(), read.start().coefficients(), "the file round-trips exactly");
  }

  @Test
  void termsTheDataNeverExerciseGetZeroAndTheHistoryIsUsed() {
    FallbackCoefficients c = FallbackFit.fit(rows, SEED);
    int twoModes = FallbackBasis.startTerms().indexOf("defrost*bagelMode"); // one mode at a time
    assertEquals(0.0, c.start().coefficients()[twoModes]);
    int fast = FallbackBasis.startTerms().indexOf("heldFast");
    int slow = FallbackBasis.startTerms().indexOf("heldSlow");
    assertTrue(
        c.start().coefficients()[fast] != 0.0 && c.start().coefficients()[slow] != 0.0,
        "back-to-back rows exercise the stored heat's terms");
  }

  /**
   * Frozen bread forgotten in toast mode, fridge bread and room bread in defrost mode are hidden
   * from the table; fitting them would lengthen every cycle's time by their share of the mean.
   */
  @Test
  void onlyRowsWithTheBreadTheModeSaysAreFitted() {
    long hidden =
        rows.stream()
            .filter(r -> r.split() == Split.TRAIN && !FallbackFit.breadIsAsTheModeSays(r))
            .count();
    assertTrue(hidden > 100, hidden + " train rows with other bread than the mode says");
    assertTrue(
        rows.stream()
            .filter(r -> r.split() == Split.TRAIN && !FallbackFit.breadIsAsTheModeSays(r))
            .allMatch(
                r ->
                    r.settings().mode() == ToastMode.DEFROST
                        ? r.breadStorage() != BreadStorage.FREEZER
                        : r.breadStorage() != BreadStorage.ROOM),
        "a row is left out only when its bread differs from what its mode assumes");
  }

  @Test
  void tooFewRowsAreRefused() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> FallbackFit.fit(rows.subList(0, 1500), SEED));
    assertTrue(e.getMessage().endsWith("terms; need at least 3 per term"), e.getMessage());
  }

  /**
   * Re-predictions: the generator's rows carry the chamber's rise at 10/20/30 s, which shows a
   * supply off its configured voltage and the heat left by earlier cycles. On the test split the
   * table's re-prediction set must be clearly closer to the oracle's time than its start set.
   */
  @Test
  void theProgressSetUsesTheRise() throws Exception {
    FallbackTimeTable table = new FallbackTimeTable(FallbackFit.fit(rows, SEED));
    assertTrue(table.usesProgress());
    double start = 0;
    double again = 0;
    int n = 0;
    for (DatasetRow r : rows) {
      if (r.split() != Split.TEST || r.input().progress() == null) {
        continue;
      }
      start +=
          Math.abs(Math.log(table.predictSeconds(r.input().withProgress(null)) / r.heaterOnS()));
      again += Math.abs(Math.log(table.predictSeconds(r.input()) / r.heaterOnS()));
      n++;
    }
    assertTrue(n > 100, n + " test rows with progress");
    assertTrue(
        again < 0.6 * start,
        "mean |ln error| with the rise " + again / n + ", from the start " + start / n);
  }
}
