package com.smarttoaster.hal.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.smarttoaster.toast.BreadType;
import org.junit.jupiter.api.Test;

class ShadeOracleTest {
  private static final ApplianceConditions BASE = ApplianceConditions.typical();

  @Test
  void theTimeFoundGivesTheTargetShade() {
    for (int shade = 1; shade <= 7; shade++) {
      double t = ShadeOracle.bestHeatSeconds(BASE, shade, 300);
      double achieved = ShadeOracle.shadeAfter(BASE, t);
      assertTrue(achieved >= shade, "shade " + shade + " after " + t + " s was " + achieved);
      double justShort = ShadeOracle.shadeAfter(BASE, t - 0.02);
      assertTrue(
          justShort < shade, "0.02 s less should miss shade " + shade + " but gave " + justShort);
    }
  }

  @Test
  void agreesWithAPlainBisectionOnFullRuns() {
    ApplianceConditions c = new ApplianceConditions(12, 215, 90, 1, BreadType.SOURDOUGH, 18, -5);
    double lo = 0;
    double hi = 300;
    while (hi - lo > 0.01) {
      double m = 0.5 * (lo + hi);
      if (ShadeOracle.shadeAfter(c, m) >= 5) {
        hi = m;
      } else {
        lo = m;
      }
    }
    assertEquals(
        hi, ShadeOracle.bestHeatSeconds(c, 5, 300), 0.03, "snapshot search vs plain bisection");
  }

  @Test
  void returnsMaxWhenEvenMaxIsNotEnough() {
    assertEquals(30.0, ShadeOracle.bestHeatSeconds(BASE, 7, 30.0), 0.0);
    assertEquals(0.0, ShadeOracle.bestHeatSeconds(BASE, 4, 0.0), 0.0);
  }

  @Test
  void deterministic() {
    ApplianceConditions c = BASE.withBread(BreadType.BAGEL).withBreadStartC(-18);
    assertEquals(
        ShadeOracle.bestHeatSeconds(c, 4, 300), ShadeOracle.bestHeatSeconds(c, 4, 300), 0.0);
  }

  @Test
  void rejectsNegativeTimes() {
    assertThrows(IllegalArgumentException.class, () -> ShadeOracle.shadeAfter(BASE, -1));
    assertThrows(
        IllegalArgumentException.class, () -> ShadeOracle.bestHeatSeconds(BASE, 4, Double.NaN));
  }
}
