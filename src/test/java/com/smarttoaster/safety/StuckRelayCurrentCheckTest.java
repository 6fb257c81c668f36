package com.smarttoaster.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class StuckRelayCurrentCheckTest {

  @Test
  void weldedRelayIsFoundOnTheSecondSampleFromReleaseVerifyS() {
    SafetyBench bench = SafetyBench.create();
    bench.startToasting();
    bench.run(30);
    bench.heater.weld();
    bench.supervisor.requestHeat(false); // a pause inside the cycle: carriage stays held

    double tripAfter = bench.runUntilFault(1);

    assertEquals(0.15, tripAfter, 1e-9, "samples at 0.10 s and 0.15 s after the off command");
    Fault fault = bench.assertTripped(FaultCode.HEATER_STUCK_ON);
    assertTrue(fault.code().needsService());
    assertEquals(0.15, fault.measured(), 1e-9);
    assertEquals(0.1, fault.limit());
    assertEquals(
        "Heater stuck on: current still flows 0.15 s after the heater was switched off (2 samples"
            + " in a row), limit 0.1 s. The heater relay may be welded. Bread released, which opens"
            + " the carriage's mains contacts. Unplug the toaster and have it serviced; do not use"
            + " it until it is repaired.",
        fault.message());
  }

  @Test
  void healthyRelayPasses() {
    SafetyBench bench = SafetyBench.create();
    bench.startToasting();
    bench.run(30);
    bench.supervisor.requestHeat(false);

    bench.run(10);

    bench.assertNoFault();
  }

  @Test
  void currentThatStopsBeforeReleaseVerifySIsAllowed() {
    // a zero-cross relay opens at the next zero crossing; the sensor lags a little
    SafetyBench bench = SafetyBench.create();
    bench.startToasting();
    bench.run(30);
    bench.current.force(true);
    bench.supervisor.requestHeat(false);
    bench.step(); // 0.05 s after off: still flowing, not counted yet
    bench.current.force(null);

    bench.run(5);

    bench.assertNoFault();
  }

  @Test
  void singleGlitchOfCurrentDoesNotTrip() {
    SafetyBench bench = SafetyBench.create();
    bench.arm();
    bench.run(1);
    bench.current.force(true);
    bench.step();
    bench.current.force(null);

    bench.run(5);

    bench.assertNoFault();
  }

  @Test
  void currentWithTheCarriageReleasedIsFoundToo() {
    SafetyBench bench = SafetyBench.create();
    bench.run(1);
    bench.current.force(true); // nothing should conduct at all when idle

    assertEquals(0.1, bench.runUntilFault(1), 1e-9);
    bench.assertTripped(FaultCode.HEATER_STUCK_ON);
  }

  @Test
  void unreadableCurrentSensorNeitherTripsNorBreaksTheRun() {
    SafetyBench bench = SafetyBench.create();
    bench.startToasting();
    bench.run(30);
    bench.heater.weld();
    bench.supervisor.requestHeat(false);
    bench.step();
    bench.step(); // first counted sample: flowing
    bench.current.setFailing(true);
    bench.step(); // unreadable: no information
    bench.assertNoFault();
    bench.current.setFailing(false);

    bench.step(); // second flowing sample

    bench.assertTripped(FaultCode.HEATER_STUCK_ON);
  }
}
