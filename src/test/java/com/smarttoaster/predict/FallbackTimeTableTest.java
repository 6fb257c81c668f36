package com.smarttoaster.predict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.smarttoaster.toast.BreadType;
import com.smarttoaster.toast.ToastMode;
import com.smarttoaster.toast.ToastSettings;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * The installed fallback table: its file is part of the build (a missing or garbled one fails here,
 * not on a device), and the fitted surface behaves like a time table over the envelope and beyond.
 */
class FallbackTimeTableTest {
  private static final FallbackTimeTable TABLE = new FallbackTimeTable();

  @Test
  void theInstalledCoefficientsLoadAndFitThisBuildsBasis() throws Exception {
    FallbackCoefficients c = FallbackTimeTable.readInstalled();
    assertEquals(FallbackBasis.startTerms(), c.start().terms());
    assertTrue(c.start().rows() >= 10_000, "rows fitted: " + c.start().rows());
    assertTrue(TABLE.isFitted(), "the default table must use the file, not the built-in rule");
  }

  @Test
  void aGarbledOrForeignFileIsRefusedWithItsNameAndTheProblem() {
    InvalidFallbackTableException e =
        assertThrows(
            InvalidFallbackTableException.class,
            () ->
                FallbackTimeTable.parse(
                    "{\"version\": 2, \"start\": ".getBytes(StandardCharsets.UTF_8), "t.json"));
    assertTrue(e.getMessage().startsWith("t.json is not a valid fallback table: "), e.getMessage());

    e =
        assertThrows(
            InvalidFallbackTableException.class,
            () ->
                FallbackTimeTable.parse(
                    "{\"version\": 1}".getBytes(StandardCharsets.UTF_8), "t.json"));
    assertEquals("t.json has version 1, this build reads version 2", e.getMessage());

    e =
        assertThrows(
            InvalidFallbackTableException.class,
            () ->
                FallbackTimeTable.parse(
                    ("{\"version\": 2, \"start\": "
                            + "{\"variables\": [{\"name\": \"shade\", \"min\": -1, \"max\": 1}], \"terms\": [\"1\"], "
                            + "\"coefficients\": [4.6], \"rows\": 1, \"rmsLn\": 0}}")
                        .getBytes(StandardCharsets.UTF_8),
                    "t.json"));
    assertTrue(
        e.getMessage()
            .startsWith("t.json start lists variables [shade], this build computes [shade, thick"),
        e.getMessage());
  }

  @Test
  void theSecondRePredictionUsesTheLateSetAndTheFirstTheProgressSet() throws Exception {
    FallbackCoefficients c = FallbackTimeTable.readInstalled();
    assertNotNull(c.lateProgress(), "the installed table has a set for all six rises");
    FallbackTimeTable early = ConstantTables.of(100.0, 110.0, 130.0);
    ToastSettings s = new ToastSettings(4, BreadType.WHITE, 12, 2, ToastMode.TOAST);
    PredictionInput atStart = new PredictionInput(s, 21.0, 21.0, 230.0);
    PredictionInput late =
        atStart.withProgress(new HeatingProgress(new double[] {10, 25, 35, 43, 50, 56}));
    List<PredictionInput> asked = late.askedInACycle();
    assertEquals(100.0, early.predictSeconds(asked.get(0)), 1e-9);
    assertEquals(110.0, early.predictSeconds(asked.get(1)), 1e-9);
    assertEquals(130.0, early.predictSeconds(asked.get(2)), 1e-9);
    assertTrue(early.usesLateProgress());
    FallbackTimeTable noLate = ConstantTables.of(100.0, 110.0, Double.NaN);
    assertFalse(noLate.usesLateProgress());
    assertEquals(
        110.0, noLate.predictSeconds(asked.get(2)), 1e-9, "without a late set: the first three");
  }

  @Test
  void aLateSetThatDoesNotFitTheBasisOrComesWithoutAProgressSetIsRefused() throws Exception {
    FallbackCoefficients c = FallbackTimeTable.readInstalled();
    InvalidFallbackTableException e =
        assertThrows(
            InvalidFallbackTableException.class,
            () -> withProgressSets(c, c.progress(), c.progress()));
    assertTrue(
        e.getMessage().startsWith("coefficients lateProgress lists variables [shade, "),
        e.getMessage());
    e =
        assertThrows(
            InvalidFallbackTableException.class, () -> withProgressSets(c, null, c.lateProgress()));
    assertEquals("coefficients has a late progress set without a progress set", e.getMessage());
  }

  private static FallbackTimeTable withProgressSets(
      FallbackCoefficients c,
      FallbackCoefficients.Set progress,
      FallbackCoefficients.Set lateProgress)
      throws InvalidFallbackTableException {
    return new FallbackTimeTable(
        new FallbackCoefficients(
            c.version(), c.description(), c.fit(), c.start(), progress, lateProgress, null));
  }

  @Test
  void aNonFiniteCoefficientIsRefusedNamingItsTerm() throws Exception {
    FallbackCoefficients c = FallbackTimeTable.readInstalled();
    double[] coef = c.start().coefficients().clone();
    coef[3] = Double.NaN;
    FallbackCoefficients broken =
        new FallbackCoefficients(
            c.version(),
            c.description(),
            c.fit(),
            new FallbackCoefficients.Set(
                c.start().variables(),
                c.start().terms(),
                coef,
                c.start().rows(),
                c.start().rmsLn()),
            null,
            null,
            null);
    InvalidFallbackTableException e =
        assertThrows(InvalidFallbackTableException.class, () -> new FallbackTimeTable(broken));
    assertEquals(
        "coefficients start gives term "
            + FallbackBasis.startTerms().get(3)
            + " the coefficient NaN",
        e.getMessage());
  }

  @Test
  void theBuiltInRuleIsTheEarlierHandFittedTable() {
    PredictionInput medium =
        new PredictionInput(
            new ToastSettings(4, BreadType.WHITE, 12, 2, ToastMode.TOAST), 21.0, 21.0, 230.0);
    FallbackTimeTable rule = FallbackTimeTable.builtInRule();
    assertFalse(rule.isFitted());
    assertEquals(108.7, rule.predictSeconds(medium), 1e-9);
    assertEquals(108.7, FallbackTimeTable.baseSecondsForShade(4));
  }

  /**
   * The start answer is the fitted surface's minimum over every cooler chamber: a cubic in warmth
   * that rises, falls, or dips and rises again gives a time that only ever falls with warmth.
   */
  @Test
  void aWarmerChamberNeverLengthensTheStartTimeWhateverShapeTheFitHas() throws Exception {
    ToastSettings s = new ToastSettings(4, BreadType.WHITE, 20, 2, ToastMode.TOAST);
    // warm = (chamber − ambient) / 100 °C: 0, 0.5 and 1.0 below.
    FallbackTimeTable rising = tableWith(Map.of("warm", 0.3));
    FallbackTimeTable falling = tableWith(Map.of("warm", -0.3));
    FallbackTimeTable dipping = tableWith(Map.of("warm", -1.0, "warm*warm", 1.0));
    for (double warm : new double[] {0.0, 0.5, 1.0}) {
      PredictionInput in = new PredictionInput(s, 21.0 + 100 * warm, 21.0, 230.0);
      assertEquals(100.0, rising.predictSeconds(in), 1e-9, "rising fit, warm " + warm);
      assertEquals(100.0 * Math.exp(-0.3 * warm), falling.predictSeconds(in), 1e-9);
      // ln t = ln 100 − w + w²: lowest at w = 0.5, where it stays.
      double lowest = Math.min(warm, 0.5);
      assertEquals(
          100.0 * Math.exp(-lowest + lowest * lowest),
          dipping.predictSeconds(in),
          1e-9,
          "dipping fit, warm " + warm);
    }
  }

  /** The installed table's ranges with ln(time) = ln 100 + the given terms, nothing else. */
  private static FallbackTimeTable tableWith(Map<String, Double> terms) throws Exception {
    FallbackCoefficients c = FallbackTimeTable.readInstalled();
    List<String> names = FallbackBasis.startTerms();
    double[] coef = new double[names.size()];
    coef[names.indexOf("1")] = Math.log(100.0);
    terms.forEach((name, value) -> coef[names.indexOf(name)] = value);
    return new FallbackTimeTable(
        new FallbackCoefficients(
            c.version(),
            c.description(),
            c.fit(),
            new FallbackCoefficients.Set(
                c.start().variables(), names, coef, c.start().rows(), c.start().rmsLn()),
            null,
            null,
            null));
  }

  @Test
  void reheatIsTheReheatRule() {
    PredictionInput reheat =
        new PredictionInput(
            new ToastSettings(4, BreadType.WHITE, 12, 2, ToastMode.REHEAT), 60.0, 21.0, 230.0);
    assertEquals(ReheatTime.seconds(reheat), TABLE.predictSeconds(reheat));
  }

  @Property(tries = 300)
  void darkerIsLongerWarmerIsShorterAndNothingJumps(
      @ForAll @IntRange(min = 1, max = 6) int shade,
      @ForAll BreadType bread,
      @ForAll @IntRange(min = 8, max = 35) int thickness,
      @ForAll @IntRange(min = 1, max = 2) int slices,
      @ForAll("browning") ToastMode mode,
      @ForAll @DoubleRange(min = 5, max = 40) double ambient,
      @ForAll @DoubleRange(min = 0, max = 150) double warmth,
      @ForAll @DoubleRange(min = 200, max = 250) double mains) {
    ToastSettings s = new ToastSettings(shade, bread, thickness, slices, mode);
    PredictionInput in = new PredictionInput(s, ambient + warmth, ambient, mains);
    double t = TABLE.predictSeconds(in);
    double darker =
        TABLE.predictSeconds(
            new PredictionInput(s.withShade(shade + 1), ambient + warmth, ambient, mains));
    double warmer =
        TABLE.predictSeconds(new PredictionInput(s, ambient + warmth + 1.0, ambient, mains));
    assertTrue(darker > t, "shade " + shade + " → " + t + " s, one darker → " + darker + " s");
    // Flat stretches of the cubic may turn by a hair: never longer by more than 0.01 % (18 ms).
    assertTrue(warmer <= t * 1.0001, "1 °C warmer chamber: " + t + " s → " + warmer + " s");
    assertTrue(
        Math.abs(Math.log(warmer / t)) < 0.01,
        "a 1 °C step moves the time by under 1 %: " + t + " → " + warmer);
  }

  @net.jqwik.api.Provide
  net.jqwik.api.Arbitrary<ToastMode> browning() {
    return net.jqwik.api.Arbitraries.of(ToastMode.TOAST, ToastMode.BAGEL, ToastMode.DEFROST);
  }

  @Property(tries = 200)
  void outsideTheFittedRangeTheTimeStaysSaneAndFinite(
      @ForAll @IntRange(min = 1, max = 7) int shade,
      @ForAll @DoubleRange(min = 1, max = 80) double thickness,
      @ForAll @DoubleRange(min = -30, max = 60) double ambient,
      @ForAll @DoubleRange(min = 0, max = 300) double warmth,
      @ForAll @DoubleRange(min = 90, max = 280) double mains) {
    PredictionInput in =
        new PredictionInput(
            new ToastSettings(shade, BreadType.RYE, thickness, 2, ToastMode.DEFROST),
            ambient + warmth,
            ambient,
            mains);
    double t = TABLE.predictSeconds(in);
    assertTrue(t >= 30 && t <= 400, in + " → " + t + " s");
  }
}
