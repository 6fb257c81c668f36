package com.smarttoaster.hal.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.smarttoaster.toast.BreadType;
import org.junit.jupiter.api.Test;

/**
 * Thermal history across cycles: a toaster used back to back keeps heat in its ribbons, boards and
 * walls. The thermocouple sits in the air between the outer board and the reflector (see the
 * package documentation), which follows the reflector and cools within seconds, so its reading
 * understates the heat still stored next to the bread.
 *
 * <p>Cycle: two 12 mm white slices in a cold toaster (21 °C, 230 V) toasted to shade 4 at the
 * oracle time, popped, a pause with the elements off and the slots empty, fresh slices in.
 */
class BackToBackTest {
  private static final double DT = ShadeOracle.DT_S;
  private static final ApplianceConditions COLD = ApplianceConditions.typical();
  private static final double MAX_S = 300;

  /** The toaster {@code pauseS} after a first shade-4 cycle, with fresh slices just put in. */
  private static ToasterPhysics afterFirstCycle(ApplianceConditions c, int shade, double pauseS) {
    ToasterPhysics p = new ToasterPhysics(c);
    run(p, ShadeOracle.bestHeatSeconds(c, shade, MAX_S), true, true);
    run(p, pauseS, false, false);
    p.loadFreshBread();
    p.setBreadInChamber(true);
    return p;
  }

  private static void run(ToasterPhysics p, double seconds, boolean heat, boolean breadIn) {
    p.setElementPowered(heat);
    p.setBreadInChamber(breadIn);
    for (long i = 0; i < Math.round(seconds / DT); i++) {
      p.update(DT);
    }
  }

  /** Heat stored above the room in ribbons, boards, air and walls, J. */
  private static double storedJ(ToasterPhysics p, double roomC) {
    return ElementModel.HEAT_CAPACITY_J_PER_K * (p.elementC() - roomC)
        + ChamberModel.BOARD_HEAT_CAPACITY_J_PER_K * (p.boardC() - roomC)
        + ChamberModel.AIR_HEAT_CAPACITY_J_PER_K * (p.chamberC() - roomC)
        + ChamberModel.WALL_HEAT_CAPACITY_J_PER_K * (p.wallC() - roomC);
  }

  @Test
  void aSecondBatchNeedsClearlyLessTimeTheSoonerItFollows() {
    double cold = ShadeOracle.bestHeatSeconds(COLD, 4, MAX_S);
    double[] pauses = {5, 60, 120, 300};
    // Largest share of the cold time each pause may need (measured 0.55, 0.74, 0.85, 0.96 when
    // this test was written): the stored heat is worth a lot at first and fades over minutes.
    double[] atMost = {0.70, 0.85, 0.92, 0.98};
    double previous = 0;
    for (int i = 0; i < pauses.length; i++) {
      double second = ShadeOracle.bestHeatSeconds(afterFirstCycle(COLD, 4, pauses[i]), 4, MAX_S);
      assertTrue(
          second <= atMost[i] * cold,
          "second batch "
              + pauses[i]
              + " s after the first took "
              + second
              + " s, more than "
              + atMost[i]
              + " × the cold "
              + cold
              + " s");
      assertTrue(
          second > previous,
          "a longer pause ("
              + pauses[i]
              + " s) must leave less heat: "
              + second
              + " s vs "
              + previous
              + " s");
      previous = second;
    }
  }

  @Test
  void theSensorUnderstatesTheHeatStillStoredNextToTheBread() {
    for (double pauseS : new double[] {5, 60, 120}) {
      ToasterPhysics warm = afterFirstCycle(COLD, 4, pauseS);
      double sensorC = warm.chamberC();
      double actual = ShadeOracle.bestHeatSeconds(warm, 4, MAX_S);
      double asIfUniform = ShadeOracle.bestHeatSeconds(COLD.withChamberStartC(sensorC), 4, MAX_S);
      assertTrue(
          actual <= 0.92 * asIfUniform,
          pauseS
              + " s after a cycle the sensor reads "
              + sensorC
              + " °C; a toaster evenly at that temperature needs "
              + asIfUniform
              + " s, the real one "
              + actual
              + " s: the boards ("
              + warm.boardC()
              + " °C) should hold clearly more heat than the reading shows");
      assertTrue(
          warm.boardC() > sensorC + 40 && warm.elementC() > sensorC + 40,
          pauseS
              + " s after a cycle: boards "
              + warm.boardC()
              + " °C, ribbons "
              + warm.elementC()
              + " °C, sensor "
              + sensorC
              + " °C");
    }
  }

  @Test
  void afterHalfAnHourTheToasterIsColdAgain() {
    double cold = ShadeOracle.bestHeatSeconds(COLD, 4, MAX_S);
    ToasterPhysics rested = afterFirstCycle(COLD, 4, 1800);
    assertEquals(cold, ShadeOracle.bestHeatSeconds(rested, 4, MAX_S), 0.5, "rested 30 min");
    assertEquals(COLD.ambientC(), rested.wallC(), 1.0, "walls back at room temperature");
  }

  @Test
  void withTheHeatOffAndTheSlotsEmptyTheStoredHeatOnlyFalls() {
    ToasterPhysics p = new ToasterPhysics(COLD);
    run(p, 110, true, true);
    p.setElementPowered(false);
    p.setBreadInChamber(false);
    double previous = storedJ(p, COLD.ambientC());
    for (int s = 0; s < 600; s++) {
      for (int i = 0; i < Math.round(1 / DT); i++) {
        p.update(DT);
      }
      double now = storedJ(p, COLD.ambientC());
      assertTrue(
          now < previous,
          "stored heat rose from " + previous + " J to " + now + " J at " + s + " s");
      previous = now;
    }
  }

  @Test
  void backToBackDarkCyclesStayClearlyBelowTheCutoffAtTheSensor() {
    double peak = 0;
    String at = "";
    for (ApplianceConditions c :
        new ApplianceConditions[] {
          new ApplianceConditions(40, 253, 40, 1, BreadType.RYE, 35, -25),
          new ApplianceConditions(40, 253, 40, 2, BreadType.BAGEL, 35, 30),
          new ApplianceConditions(40, 253, 40, 1, BreadType.BRIOCHE, 8, 30),
          new ApplianceConditions(5, 200, 5, 2, BreadType.RYE, 35, -25)
        }) {
      ToasterPhysics p = new ToasterPhysics(c);
      for (int cycle = 0; cycle < 8; cycle++) {
        double heatS = ShadeOracle.bestHeatSeconds(p, 7, MAX_S);
        p.setElementPowered(true);
        p.setBreadInChamber(true);
        for (long i = 0; i < Math.round(heatS / DT); i++) {
          p.update(DT);
          if (p.chamberC() > peak) {
            peak = p.chamberC();
            at = c + ", cycle " + (cycle + 1);
          }
        }
        run(p, 5, false, false);
        p.loadFreshBread();
      }
    }
    assertTrue(
        peak < ChamberSafetyTest.NORMAL_PEAK_LIMIT_C,
        "eight shade-7 cycles 5 s apart took the sensor to "
            + peak
            + " °C (limit "
            + ChamberSafetyTest.NORMAL_PEAK_LIMIT_C
            + ", cut-off "
            + ChamberSafetyTest.CUTOFF_C
            + ") in "
            + at);
  }
}
