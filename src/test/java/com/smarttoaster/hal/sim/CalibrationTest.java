package com.smarttoaster.hal.sim;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.smarttoaster.toast.BreadType;
import org.junit.jupiter.api.Test;

/**
 * The simulator's calibration targets: oracle heating times must respond to the conditions the way
 * a real toaster does. The baseline is two 12 mm slices of white bread, shade 4, in a cold toaster
 * (21 °C) on 230 V.
 */
class CalibrationTest {
  private static final ApplianceConditions BASE = ApplianceConditions.typical();
  private static final double MAX_S = 400;

  private static double oracle(ApplianceConditions c, int shade) {
    return ShadeOracle.bestHeatSeconds(c, shade, MAX_S);
  }

  private static double base() {
    return oracle(BASE, 4);
  }

  @Test
  void baselineTakesOneAndAHalfToThreeMinutes() {
    double t = base();
    assertTrue(t >= 90 && t <= 180, "baseline oracle time " + t + " s is outside 90–180 s");
  }

  @Test
  void aWarmToasterNeedsLessTime() {
    double cold = base();
    double second = oracle(BASE.withChamberStartC(120), 4);
    double hot = oracle(BASE.withChamberStartC(200), 4);
    assertTrue(
        second <= 0.85 * cold,
        "second batch (chamber 120 °C) took "
            + second
            + " s vs "
            + cold
            + " s cold: want at least 15 % less");
    assertTrue(
        hot < second,
        "chamber 200 °C took " + hot + " s, not less than " + second + " s at 120 °C");
  }

  @Test
  void mainsVoltageChangesTheTime() {
    double nominal = base();
    double low = oracle(BASE.withMainsVolts(207), 4);
    double high = oracle(BASE.withMainsVolts(250), 4);
    assertTrue(
        low >= 1.10 * nominal,
        "207 V took " + low + " s vs " + nominal + " s at 230 V: want 10 %+ longer");
    assertTrue(
        high < nominal, "250 V took " + high + " s, not less than " + nominal + " s at 230 V");
  }

  @Test
  void frozenBreadTakesClearlyLonger() {
    double fresh = base();
    double frozen = oracle(BASE.withBreadStartC(-18), 4);
    assertTrue(
        frozen >= 1.05 * fresh,
        "frozen bread (−18 °C) took " + frozen + " s vs " + fresh + " s fresh");
  }

  @Test
  void oneSliceIsSomewhatQuicker() {
    double two = base();
    double one = oracle(BASE.withSlices(1), 4);
    assertTrue(one < two, "one slice took " + one + " s, not less than " + two + " s for two");
    assertTrue(
        one > 0.7 * two,
        "one slice took " + one + " s: only somewhat quicker than " + two + " s expected");
  }

  @Test
  void sugarAndDensityOrderTheBreads() {
    double white = base();
    double brioche = oracle(BASE.withBread(BreadType.BRIOCHE), 4);
    double rye = oracle(BASE.withBread(BreadType.RYE), 4);
    assertTrue(
        brioche < white, "brioche took " + brioche + " s, not less than white's " + white + " s");
    assertTrue(rye > white, "rye took " + rye + " s, not more than white's " + white + " s");
  }

  @Test
  void darkerShadesTakeLonger() {
    double previous = 0;
    for (int shade = 1; shade <= 7; shade++) {
      double t = oracle(BASE, shade);
      assertTrue(
          t > previous,
          "shade "
              + shade
              + " took "
              + t
              + " s, not longer than shade "
              + (shade - 1)
              + " ("
              + previous
              + " s)");
      previous = t;
    }
  }

  @Test
  void longestRealisticCycleFitsUnderTheSupervisorsLimit() {
    for (BreadType bread : new BreadType[] {BreadType.RYE, BreadType.BAGEL}) {
      ApplianceConditions longest = new ApplianceConditions(5, 200, 5, 2, bread, 35, -25);
      double t = oracle(longest, 7);
      assertTrue(
          t <= 280,
          "35 mm frozen " + bread + ", shade 7, 200 V, 5 °C took " + t + " s (limit 280 s)");
    }
  }

  @Test
  void surfaceSitsNearBoilingWhileItDries() {
    ToasterPhysics p = new ToasterPhysics(BASE);
    p.setElementPowered(true);
    double plateauS = 0;
    boolean rose = false;
    double dt = 0.01;
    for (int i = 0; i < 200 / dt && !rose; i++) {
      p.update(dt);
      double s = p.breadSurfaceC();
      if (s >= 95 && s <= 105) {
        plateauS += dt;
      }
      rose = s > 120;
    }
    assertTrue(rose, "the surface never rose above 120 °C");
    assertTrue(
        plateauS >= 10,
        "the surface spent only " + plateauS + " s at 95–105 °C before rising (want 10 s or more)");
    assertTrue(
        p.surfaceMoisture() < 0.05,
        "the surface should be dry once it rises, moisture " + p.surfaceMoisture());
  }
}
