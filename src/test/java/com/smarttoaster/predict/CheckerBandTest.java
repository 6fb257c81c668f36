package com.smarttoaster.predict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.smarttoaster.toast.BreadType;
import com.smarttoaster.toast.ToastMode;
import com.smarttoaster.toast.ToastSettings;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/**
 * The band lets 99.5 % of the test split through and no more; a handful of corners does not widen
 * it.
 */
class CheckerBandTest {
  private static CheckerBand.Measurement measure(
      int agreeing, double agreeingBy, int outliers, double outlierBy) {
    double[] model = new double[agreeing + outliers];
    double[] table = new double[model.length];
    Arrays.fill(table, 100.0);
    Arrays.fill(model, 0, agreeing, 100.0 * (1 + agreeingBy));
    Arrays.fill(model, agreeing, model.length, 100.0 * (1 + outlierBy));
    return CheckerBand.measure(model, table);
  }

  @Test
  void fiveCornersInAThousandDoNotWidenTheBand() {
    CheckerBand.Measurement m = measure(995, 0.13, 5, 0.40);
    assertEquals(0.40, m.maxDisagreement(), 1e-9);
    assertEquals(0.13, m.coveredDisagreement(), 1e-9);
    assertEquals(0.13, m.band(), 1e-9);
  }

  @Test
  void tenInAThousandDo() {
    assertEquals(0.40, measure(990, 0.13, 10, 0.40).band(), 1e-9);
  }

  @Test
  void theBandStaysWithinItsLimits() {
    assertEquals(CheckerBand.MIN_BAND, measure(1000, 0.0, 0, 0).band(), 1e-12);
    assertEquals(CheckerBand.MAX_BAND, measure(10, 3.0, 0, 0).band(), 1e-12);
  }

  @Test
  void noRowsOrABadTimeIsRefused() {
    assertThrows(
        IllegalArgumentException.class, () -> CheckerBand.measure(new double[0], new double[0]));
    assertThrows(
        IllegalArgumentException.class,
        () -> CheckerBand.measure(new double[] {1, -1}, new double[] {1, 1}));
  }

  @Test
  void eachInputIsHeldToItsOwnBand() {
    ToastSettings medium = new ToastSettings(4, BreadType.WHITE, 12, 2, ToastMode.TOAST);
    PredictionInput rested = new PredictionInput(medium, 21.0, 21.0, 230.0);
    PredictionInput warm = new PredictionInput(medium, 60.0, 21.0, 230.0, 230.0, 90.0, 100.0, null);
    HeatingProgress rise = new HeatingProgress(new double[] {4.0, 10.0, 17.0});
    OptionalDouble atRest = OptionalDouble.of(0.10);

    assertEquals(
        0.10, new CheckerBand.Limits(0.18, 0.14, atRest, NONE).allowed(rested, true).band());
    assertEquals(
        " for a toaster at rest",
        new CheckerBand.Limits(0.18, 0.14, atRest, NONE).allowed(rested, true).forWhat());
    assertEquals(
        0.10,
        new CheckerBand.Limits(0.18, 0.14, atRest, NONE)
            .allowed(rested.withProgress(rise), true)
            .band());
    assertEquals(0.18, new CheckerBand.Limits(0.18, 0.14, atRest, NONE).allowed(warm, true).band());
    CheckerBand.Allowed warmRePrediction =
        new CheckerBand.Limits(0.18, 0.14, atRest, NONE).allowed(warm.withProgress(rise), true);
    assertEquals(0.14, warmRePrediction.band());
    assertEquals(" for a re-prediction", warmRePrediction.forWhat());
    // a card without a band at rest: the general bands apply at rest too
    assertEquals(
        0.18,
        new CheckerBand.Limits(0.18, 0.14, OptionalDouble.empty(), NONE)
            .allowed(rested, true)
            .band());
    // a table blind to the rise: the re-prediction gets the extra, whichever band it started from
    CheckerBand.Allowed blind =
        new CheckerBand.Limits(0.18, 0.14, atRest, NONE).allowed(warm.withProgress(rise), false);
    assertTrue(blind.tableBlind());
    assertEquals(0.14 + CheckerBand.PROGRESS_BLIND_EXTRA, blind.band(), 1e-12);
    assertFalse(new CheckerBand.Limits(0.18, 0.14, atRest, NONE).allowed(warm, false).tableBlind());
  }

  private static final OptionalDouble NONE = OptionalDouble.empty();

  /**
   * Just after a cycle, or warm with no known cycle, start and re-predictions get the card's band
   * for that; 900 s after a cycle, the general bands; at rest, the band at rest.
   */
  @Test
  void aToasterJustUsedOrWarmWithoutAKnownCycleIsHeldToItsOwnBand() {
    ToastSettings medium = new ToastSettings(4, BreadType.WHITE, 12, 2, ToastMode.TOAST);
    PredictionInput justUsed =
        new PredictionInput(medium, 60.0, 21.0, 230.0, 230.0, 30.0, 100.0, null);
    PredictionInput restarted =
        new PredictionInput(
            medium, 60.0, 21.0, 230.0, 230.0, PredictionInput.NO_RECENT_CYCLE_S, 0.0, null);
    PredictionInput later =
        new PredictionInput(medium, 40.0, 21.0, 230.0, 230.0, 900.0, 100.0, null);
    PredictionInput rested = new PredictionInput(medium, 21.0, 21.0, 230.0);
    HeatingProgress rise = new HeatingProgress(new double[] {4.0, 10.0, 17.0});
    OptionalDouble atRest = OptionalDouble.of(0.10);
    OptionalDouble hot = OptionalDouble.of(0.21);
    for (PredictionInput in : List.of(justUsed, restarted)) {
      assertTrue(ToasterJustUsed.at(in), in.toString());
      CheckerBand.Allowed a = new CheckerBand.Limits(0.14, 0.12, atRest, hot).allowed(in, true);
      assertEquals(0.21, a.band());
      assertEquals(" just after a cycle", a.forWhat());
      assertEquals(
          0.21,
          new CheckerBand.Limits(0.14, 0.12, atRest, hot)
              .allowed(in.withProgress(rise), true)
              .band());
      assertEquals(0.14, new CheckerBand.Limits(0.14, 0.12, atRest, NONE).allowed(in, true).band());
    }
    assertFalse(ToasterJustUsed.at(later));
    assertEquals(0.14, new CheckerBand.Limits(0.14, 0.12, atRest, hot).allowed(later, true).band());
    assertFalse(ToasterJustUsed.at(rested), "a cold toaster with no known cycle is at rest");
    assertEquals(
        0.10, new CheckerBand.Limits(0.14, 0.12, atRest, hot).allowed(rested, true).band());
  }
}
