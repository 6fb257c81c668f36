package com.smarttoaster.hal.emulated;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.smarttoaster.control.CyclePhase;
import com.smarttoaster.hal.pi.ThermocoupleInterface;
import com.smarttoaster.hal.sim.ApplianceConditions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Second, third, ... batches with no pause, through the Pi code on the emulated MAX31855 with a
 * noisy sensor (σ 1.5 °C in all): the chamber starts every cycle hotter than the last, fresh slices
 * go in at room temperature, and no check may trip. (Heavier back-to-back use can open the thermal
 * cut-out: hardware/README.md, "Thermal cut-out".)
 */
class BackToBackThroughThePiTest {
  private static final int CYCLES = 8;

  @ParameterizedTest(name = "{0} V, {1}")
  @CsvSource({"230, SPI", "207, IIO", "245, SPI"})
  void eightBatchesInARowNeverTrip(double volts, ThermocoupleInterface tc) throws Exception {
    try (EmulatedToaster t =
        new EmulatedToaster(
            EmulatedPiApplianceTest.wiring(tc),
            ApplianceConditions.typical().withMainsVolts(volts))) {
      t.world.thermocouple().setExtraNoise(Math.sqrt(1.5 * 1.5 - 0.3 * 0.3));
      int done = 0;
      double firstS = 0;
      double lastS = 0;
      for (int cycle = 1; cycle <= CYCLES; cycle++) {
        if (cycle > 1) {
          t.world.loadFreshBread();
        }
        t.stepped.pushLever();
        t.runUntil(CyclePhase.TOASTING, 2.0);
        double predicted = t.controller.snapshot().prediction().seconds();
        t.runUntil(CyclePhase.DONE, predicted + 5);
        done++;
        if (cycle == 1) {
          firstS = predicted;
        }
        lastS = predicted;
        t.run(0.5); // the current check, the carriage pops, the user reaches for new slices
        assertNull(t.world.openProtector(), "the cut-out stays closed in cycle " + cycle);
      }
      assertEquals(CYCLES, done);
      assertTrue(t.faults.isEmpty(), () -> "no fault expected: " + t.faults);
      assertTrue(
          lastS < firstS * 0.9,
          "a hot toaster got shorter times: " + firstS + " s then " + lastS + " s");
    }
  }
}
