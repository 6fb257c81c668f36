package com.smarttoaster.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SensorStaleCheckTest {

  @Test
  void silentSensorTripsJustAfterOneSecondNotBefore() {
    SafetyBench bench = SafetyBench.create();
    bench.startToasting();
    bench.run(5);
    bench.sensor.failReads("SPI transfer timed out");

    bench.run(1.0);
    bench.assertNoFault();
    assertTrue(bench.heater.isCommandedOn(), "a short dropout alone must not stop the toast");
    bench.step();

    Fault fault = bench.assertTripped(FaultCode.SENSOR_STALE);
    assertEquals(1.05, fault.measured(), 1e-9);
    assertEquals(1.0, fault.limit());
    assertEquals(
        "Temperature sensor silent: no valid chamber reading for 1.05 s, limit 1.0 s (last"
            + " problem: read failed: java.io.IOException: SPI transfer timed out). Heat cut and"
            + " bread released. Unplug the toaster, check the temperature sensor's cable and"
            + " connector, then hold the reset button for 3 s.",
        fault.message());
  }

  @Test
  void dropoutsShorterThanTheLimitAreRidden() {
    SafetyBench bench = SafetyBench.create();
    bench.startToasting();
    for (int i = 0; i < 5; i++) {
      bench.sensor.failReads("bus error");
      bench.run(0.95);
      bench.sensor.failReads(null);
      bench.step();
    }
    bench.assertNoFault();
  }

  @Test
  void staleTripsWhileIdleToo() {
    SafetyBench bench = SafetyBench.create();
    bench.run(1);
    bench.sensor.failReads("unplugged");

    assertEquals(1.05, bench.runUntilFault(3), 1e-9);
    bench.assertTripped(FaultCode.SENSOR_STALE);
  }

  @Test
  void slowStartUpBeforeTheFirstTickDoesNotTrip() {
    SafetyBench bench = SafetyBench.create();
    bench.clock.advanceSeconds(30); // e.g. the application took its time to start the loop

    bench.step();

    bench.assertNoFault();
  }

  @Test
  void stalledLoopIsCaughtByTheControllersRenewal() {
    SafetyBench bench = SafetyBench.create();
    bench.startToasting();
    // the loop thread stops ticking (stuck in a driver, starved), the controller keeps renewing
    for (int i = 0; i < 20; i++) {
      bench.clock.advanceMillis(50);
      bench.supervisor.renewLease();
    }
    bench.assertNoFault();
    assertTrue(bench.heater.isCommandedOn());
    bench.clock.advanceMillis(50);
    bench.supervisor.renewLease();

    Fault fault = bench.assertTripped(FaultCode.SENSOR_STALE);
    assertFalse(bench.heater.isCommandedOn());
    assertEquals(1.05, fault.measured(), 1e-9);
    assertTrue(
        fault
            .message()
            .startsWith("Safety loop stalled: no temperature check for 1.05 s," + " limit 1.0 s."),
        fault.message());
  }

  @Test
  void idleToasterWhoseLoopStopsIsLeftAlone() {
    SafetyBench bench = SafetyBench.create();
    bench.run(1);
    for (int i = 0; i < 100; i++) {
      bench.clock.advanceMillis(50);
      bench.supervisor.renewLease();
    }
    bench.assertNoFault();
  }

  @Test
  void carriageHeldWithoutTheLoopEverRunningIsReleased() {
    SafetyBench bench = SafetyBench.create();
    bench.latch.pressLever();
    assertTrue(bench.supervisor.holdCarriage());
    for (int i = 0; i < 21; i++) {
      bench.clock.advanceMillis(50);
      bench.supervisor.renewLease(); // the controller runs, the loop was never started
    }

    Fault fault = bench.assertTripped(FaultCode.SENSOR_STALE);
    assertEquals(1.05, fault.measured(), 1e-9);
  }
}
