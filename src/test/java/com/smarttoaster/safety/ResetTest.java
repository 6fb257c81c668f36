package com.smarttoaster.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.smarttoaster.hal.ThermocoupleFault;
import org.junit.jupiter.api.Test;

class ResetTest {

  /** A LEASE_EXPIRED fault (user-resettable), chamber read as {@code chamberC} afterwards. */
  private static SafetyBench afterLeaseExpired(double chamberC) {
    SafetyBench bench = SafetyBench.create();
    bench.startToasting();
    bench.controllerHangs();
    bench.run(1);
    bench.assertTripped(FaultCode.LEASE_EXPIRED);
    bench.sensor.setChamberC(chamberC);
    bench.step();
    return bench;
  }

  /** A HEATER_STUCK_ON fault (needs service), chamber read as {@code chamberC} afterwards. */
  private static SafetyBench afterStuckHeater(double chamberC) {
    SafetyBench bench = SafetyBench.create();
    bench.startToasting();
    bench.heater.weld();
    bench.supervisor.endCycle();
    bench.run(0.1);
    bench.assertTripped(FaultCode.HEATER_STUCK_ON);
    bench.sensor.setChamberC(chamberC);
    bench.step();
    return bench;
  }

  @Test
  void userResetClearsAFaultWhenCoolWithTheLeverUp() {
    SafetyBench bench = afterLeaseExpired(59.9);

    ResetResult result = bench.supervisor.reset(ResetKind.USER);

    assertTrue(result.cleared(), result.message());
    assertEquals("Cleared LEASE_EXPIRED (USER reset). The toaster is ready.", result.message());
    assertTrue(bench.supervisor.latchedFault().isEmpty());
    assertEquals(null, bench.supervisor.status().fault());
    bench.assertSafe();
  }

  @Test
  void clearedSupervisorIsIdleAndCanStartAgain() {
    SafetyBench bench = afterLeaseExpired(30.0);
    assertTrue(bench.supervisor.reset(ResetKind.USER).cleared());

    bench.run(5);
    bench.assertNoFault();
    bench.assertSafe();
    bench.latch.pressLever();
    assertTrue(bench.supervisor.holdCarriage());
  }

  @Test
  void userResetIsRefusedWhileHot() {
    SafetyBench bench = afterLeaseExpired(143.0);

    ResetResult result = bench.supervisor.reset(ResetKind.USER);

    assertFalse(result.cleared());
    assertEquals(
        "Reset refused: chamber reads 143.0 °C, reset allowed below 60.0 °C. Let the toaster cool"
            + " and try again.",
        result.message());
    assertEquals(FaultCode.LEASE_EXPIRED, bench.fault().code());
  }

  @Test
  void userResetIsRefusedAtExactlyResetMaxC() {
    SafetyBench bench = afterLeaseExpired(60.0);

    assertFalse(bench.supervisor.reset(ResetKind.USER).cleared());
  }

  @Test
  void userResetIsRefusedWithTheLeverDown() {
    SafetyBench bench = afterLeaseExpired(25.0);
    bench.latch.pressLever();

    ResetResult result = bench.supervisor.reset(ResetKind.USER);

    assertFalse(result.cleared());
    assertEquals(
        "Reset refused: the carriage lever is down. Lift the lever and try again.",
        result.message());
  }

  @Test
  void userResetIsRefusedForFaultsThatNeedService() {
    SafetyBench bench = afterStuckHeater(25.0);

    ResetResult result = bench.supervisor.reset(ResetKind.USER);

    assertFalse(result.cleared());
    assertEquals(
        "Reset refused: HEATER_STUCK_ON needs service and a user reset cannot clear it. Unplug the"
            + " toaster and have it serviced; do not use it until it is repaired.",
        result.message());
    assertEquals(FaultCode.HEATER_STUCK_ON, bench.fault().code());
  }

  @Test
  void serviceResetClearsFaultsThatNeedService() {
    SafetyBench bench = afterStuckHeater(25.0);

    ResetResult result = bench.supervisor.reset(ResetKind.SERVICE);

    assertTrue(result.cleared(), result.message());
    assertTrue(bench.supervisor.latchedFault().isEmpty());
  }

  @Test
  void serviceResetIsRefusedWhileHot() {
    SafetyBench bench = afterStuckHeater(143.0);

    ResetResult result = bench.supervisor.reset(ResetKind.SERVICE);

    assertFalse(result.cleared());
    assertTrue(result.message().startsWith("Reset refused: chamber reads 143.0 °C"));
  }

  @Test
  void resetIsRefusedWithoutAValidReading() {
    SafetyBench bench = afterLeaseExpired(25.0);
    bench.sensor.setFault(ThermocoupleFault.OPEN_CIRCUIT);
    bench.step();

    ResetResult result = bench.supervisor.reset(ResetKind.SERVICE);

    assertFalse(result.cleared());
    assertEquals(
        "Reset refused: the chamber temperature cannot be read (thermocouple open circuit: wire"
            + " broken or unplugged). Check the temperature sensor and try again.",
        result.message());
  }

  @Test
  void resetIsRefusedWithoutARecentReading() {
    SafetyBench bench = afterLeaseExpired(25.0);
    bench.sensor.failReads("bus error");
    bench.run(1.1);

    ResetResult result = bench.supervisor.reset(ResetKind.USER);

    assertFalse(result.cleared());
    assertTrue(result.message().startsWith("Reset refused: no recent chamber temperature reading"));
  }

  @Test
  void resetWithNothingLatchedSaysSo() {
    SafetyBench bench = SafetyBench.create();

    ResetResult result = bench.supervisor.reset(ResetKind.USER);

    assertTrue(result.cleared());
    assertEquals("No fault is latched; nothing to reset.", result.message());
  }

  @Test
  void faultThatPersistsLatchesAgainAfterAReset() {
    SafetyBench bench = afterLeaseExpired(25.0);
    bench.sensor.failReads("unplugged");
    bench.run(0.5);
    assertTrue(bench.supervisor.reset(ResetKind.USER).cleared(), "a recent reading is on file");

    double tripAfter = bench.runUntilFault(3);

    assertEquals(1.05, tripAfter, 1e-9, "the stale clock restarts at the reset");
    assertEquals(FaultCode.SENSOR_STALE, bench.fault().code());
  }
}
