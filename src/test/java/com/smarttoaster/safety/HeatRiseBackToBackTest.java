package com.smarttoaster.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.smarttoaster.hal.sim.ApplianceConditions;
import com.smarttoaster.remote.ApplianceRemote;
import com.smarttoaster.safety.fakes.SafetyLimitsBuilder;
import com.smarttoaster.testkit.SimToaster;
import com.smarttoaster.toast.BreadType;
import com.smarttoaster.toast.ToastMode;
import com.smarttoaster.toast.ToastSettings;
import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * NO_HEAT_RISE on the simulated appliance with the real supervisor and controller and the default
 * limits: a user toasting back to back (fresh bread in and the lever down again as soon as the
 * toast pops) brings the chamber to its hot steady state, where a working element barely moves it
 * in the first 20 s; that must not trip, while a broken element must still be caught there.
 */
class HeatRiseBackToBackTest {
  private static final int CYCLES = 25;

  /** Longest cycle of these breads (frozen, thick, defrost, 200 V) with margin, s. */
  private static final double MAX_CYCLE_S = 320;

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    // name,                                  roomC, volts, bread,      mm, breadC, slices, mode,
    // shade
    "'white, 12 mm',                          21,    230,   WHITE,      12, 21,     2,      TOAST,   4",
    "'white, 3 mm, lightest (worst measured)', 21,   230,   WHITE,      3,  21,     2,      TOAST,   1",
    "'frozen bagel, 35 mm, defrost',          21,    230,   BAGEL,      35, -18,    2,      DEFROST, 4",
    "'frozen wholegrain, 28 mm, 200 V',       21,    200,   WHOLEGRAIN, 28, -18,    2,      DEFROST, 7",
    "'frozen bagel, 200 V, 40 °C room',       40,    200,   BAGEL,      35, -18,    2,      DEFROST, 4",
    "'white, 40 °C room',                     40,    230,   WHITE,      12, 40,     2,      TOAST,   4",
  })
  void backToBackCyclesWithNoPauseAllFinish(
      String name,
      double roomC,
      double volts,
      BreadType bread,
      double mm,
      double breadC,
      int slices,
      ToastMode mode,
      int shade) {
    try (SimToaster toaster = toaster(roomC, volts, bread, mm, breadC, slices, mode, shade, true)) {
      double hottestStartC = 0;
      for (int cycle = 1; cycle <= CYCLES; cycle++) {
        double startC = toastOnce(toaster, cycle);
        hottestStartC = Math.max(hottestStartC, startC);
        assertEquals(
            "done",
            toaster.phase(),
            () ->
                "cycle ended with "
                    + toaster.supervisor.latchedFault().map(Fault::message).orElse("no fault"));
      }
      assertTrue(toaster.refusals.isEmpty(), () -> "refused: " + toaster.refusals);
      // Coverage, not safety: the run must reach a hot chamber. Since the model knows the previous
      // cycle it heats second batches less, so a 40 °C room reaches about 85 °C above the room.
      assertTrue(
          hottestStartC > roomC + 80,
          "the run reached a hot chamber: a cycle started at " + hottestStartC + " °C");
    }
  }

  @ParameterizedTest(name = "element breaks before cycle {0}, with the current sensor")
  @CsvSource({"1", "2", "5", "12", "25"})
  void aBrokenElementIsCaughtByItsCurrentAtAnyStartTemperature(int brokenFrom) {
    try (SimToaster toaster =
        toaster(21, 230, BreadType.WHITE, 12, 21, 2, ToastMode.TOAST, 4, true)) {
      for (int cycle = 1; cycle < brokenFrom; cycle++) {
        toastOnce(toaster, cycle);
        assertEquals("done", toaster.phase(), "healthy cycle " + cycle);
      }
      toaster.appliance.breakElement();

      toastOnce(toaster, brokenFrom);

      Fault fault =
          toaster
              .supervisor
              .latchedFault()
              .orElseThrow(() -> new AssertionError("no fault in cycle " + brokenFrom));
      assertEquals(FaultCode.HEATER_NO_CURRENT, fault.code(), fault.message());
      assertFalse(toaster.appliance.isCarriageDown(), "bread released");
      // noCurrentS (0.5 s) counted from the first tick without current, plus the tick that trips
      assertTrue(
          toaster.supervisor.status().heatOnSThisCycle() < 1.0,
          "heat stopped within 1 s: " + toaster.supervisor.status().heatOnSThisCycle() + " s");
    }
  }

  @ParameterizedTest(name = "element breaks before cycle {0}, no current sensor: the observer")
  @CsvSource({"1", "2", "5", "12", "25"})
  void aBrokenElementIsCaughtByTheEnergyBalanceAtAnyStartTemperature(int brokenFrom) {
    try (SimToaster toaster =
        toaster(21, 230, BreadType.WHITE, 12, 21, 2, ToastMode.TOAST, 4, false)) {
      for (int cycle = 1; cycle < brokenFrom; cycle++) {
        toastOnce(toaster, cycle);
        assertEquals("done", toaster.phase(), "healthy cycle " + cycle);
      }
      toaster.appliance.breakElement();

      toastOnce(toaster, brokenFrom);

      Fault fault =
          toaster
              .supervisor
              .latchedFault()
              .orElseThrow(() -> new AssertionError("no fault in cycle " + brokenFrom));
      assertEquals(FaultCode.SENSOR_DRIFT, fault.code(), fault.message());
      assertTrue(fault.measured() < 0, "the reading stayed below every model: " + fault.measured());
      assertFalse(toaster.appliance.isCarriageDown(), "bread released");
      assertTrue(
          toaster.supervisor.status().heatOnSThisCycle() < 15,
          "found before NO_HEAT_RISE would judge: "
              + toaster.supervisor.status().heatOnSThisCycle()
              + " s");
    }
  }

  /**
   * NO_HEAT_RISE on its own (the energy-balance observer switched off): the last line behind it.
   */
  @ParameterizedTest(name = "element breaks before cycle {0}, no current sensor, no observer")
  @CsvSource({"1", "2", "5", "12", "25"})
  void aBrokenElementIsCaughtAtAnyStartTemperature(int brokenFrom) {
    try (SimToaster toaster =
        toaster(
            21,
            230,
            BreadType.WHITE,
            12,
            21,
            2,
            ToastMode.TOAST,
            4,
            SafetyLimitsBuilder.defaults()
                .set("currentSensorFitted", false)
                .set("energyBalanceTripC", Double.POSITIVE_INFINITY)
                .build())) {
      for (int cycle = 1; cycle < brokenFrom; cycle++) {
        toastOnce(toaster, cycle);
        assertEquals("done", toaster.phase(), "healthy cycle " + cycle);
      }
      toaster.appliance.breakElement();

      double startC = toastOnce(toaster, brokenFrom);

      Fault fault =
          toaster
              .supervisor
              .latchedFault()
              .orElseThrow(
                  () ->
                      new AssertionError(
                          "no fault in cycle " + brokenFrom + ", started at " + startC + " °C"));
      assertEquals(FaultCode.NO_HEAT_RISE, fault.code(), fault.message());
      assertEquals("fault", toaster.phase());
      assertFalse(toaster.appliance.isCarriageDown(), "bread released");
      assertTrue(
          fault.measured() < fault.limit() - 1.0,
          String.format(
              Locale.ROOT,
              "a clear miss: changed %.2f °C, demand %.2f °C, from %.1f °C",
              fault.measured(),
              fault.limit(),
              startC));
      // judged on the first sample after 20 s of heat: samples come every 0.15 s
      assertEquals(
          20.1, toaster.supervisor.status().heatOnSThisCycle(), 0.1, "heat stopped once judged");
    }
  }

  private static SimToaster toaster(
      double roomC,
      double volts,
      BreadType bread,
      double mm,
      double breadC,
      int slices,
      ToastMode mode,
      int shade,
      boolean currentSensor) {
    return toaster(
        roomC,
        volts,
        bread,
        mm,
        breadC,
        slices,
        mode,
        shade,
        currentSensor
            ? SafetyLimits.defaults()
            : SafetyLimitsBuilder.defaults().set("currentSensorFitted", false).build());
  }

  private static SimToaster toaster(
      double roomC,
      double volts,
      BreadType bread,
      double mm,
      double breadC,
      int slices,
      ToastMode mode,
      int shade,
      SafetyLimits limits) {
    ApplianceConditions conditions =
        new ApplianceConditions(roomC, volts, roomC, slices, bread, mm, breadC);
    ToastSettings settings = new ToastSettings(shade, bread, mm, slices, mode);
    return new SimToaster(conditions, settings, limits, 1, ApplianceRemote.NONE, false).run(0.5);
  }

  /**
   * Fresh bread in, lever down the moment the carriage is free (after the first cycle), and run
   * until the cycle has ended and released the carriage. Returns the chamber reading at the lever
   * push.
   */
  private static double toastOnce(SimToaster toaster, int cycle) {
    if (cycle > 1) {
      toaster.appliance.loadFreshBread();
    }
    double startC = toaster.supervisor.status().lastReading().chamberC();
    toaster.lever().run(0.1);
    assertEquals(
        "toasting", toaster.phase(), "cycle " + cycle + " started, from " + startC + " °C");
    toaster.runUntil("done", MAX_CYCLE_S);
    for (double s = 0; s < 1 && toaster.supervisor.status().carriageHeld(); s += 0.05) {
      toaster.run(0.05);
    }
    return startC;
  }
}
