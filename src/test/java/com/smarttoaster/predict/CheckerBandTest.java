package com.smarttoaster.predict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
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
}
