package com.smarttoaster.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Without a current sensor, a welded relay shows as heat that keeps rising with the heater off. */
class StuckHeaterTemperatureCheckTest {

  @Test
  void weldedRelayKeepsHeatingAndIsFoundAfterTheSettleTime() {
    SafetyBench bench = SafetyBench.withoutCurrentSensor();
    bench.startToasting();
    bench.run(30);
    bench.heater.weld();
    bench.supervisor.requestHeat(false);

    double tripAfter = bench.runUntilFault(30);

    // 5 s settle, 1 s to fill half the 2 s mean, then about 5 °C more at just under 1 °C/s, seen
    // through a mean that lags the reading by 1 s
    assertTrue(tripAfter > 11.0 && tripAfter < 13.0, "tripped after " + tripAfter + " s");
    Fault fault = bench.assertTripped(FaultCode.HEATER_STUCK_ON);
    assertTrue(fault.measured() > 5.0 && fault.measured() < 5.1, "measured " + fault.measured());
    assertEquals(5.0, fault.limit());
    assertTrue(fault.message().contains("while the heater was switched off"), fault.message());
    assertTrue(fault.message().contains("limit 5.0 °C"), fault.message());
    assertTrue(fault.code().needsService());
  }

  @Test
  void riseJustUnderTheLimitWithinTheWindowPasses() {
    SafetyBench bench = SafetyBench.withoutCurrentSensor();
    bench.sensor.setChamberC(100.0);
    bench.arm();
    bench.run(6); // past the settle time since the heater was last switched off
    bench.sensor.ramp(100.0, 0.49); // 4.9 °C per 10 s window

    bench.run(30);

    bench.assertNoFault();
  }

  @Test
  void riseJustOverTheLimitWithinTheWindowTrips() {
    SafetyBench bench = SafetyBench.withoutCurrentSensor();
    bench.sensor.setChamberC(100.0);
    bench.arm();
    bench.run(6);
    bench.sensor.ramp(100.0, 0.51);

    double tripAfter = bench.runUntilFault(30);

    // 5 °C at 0.51 °C/s is 9.8 s, seen through the 2 s mean: its first value (1 s in) is the
    // window's lowest, 1 s behind the ramp, so the rise shows 1.3 s late
    assertEquals(11.15, tripAfter, 0.06, "5 °C at 0.51 °C/s through a 2 s mean");
    Fault fault = bench.assertTripped(FaultCode.HEATER_STUCK_ON);
    assertTrue(fault.message().startsWith("Heater stuck on: chamber rose 5.0"), fault.message());
  }

  @Test
  void heatSoakRightAfterSwitchingOffIsIgnored() {
    SafetyBench bench = SafetyBench.withoutCurrentSensor();
    bench.startToasting();
    bench.run(30);
    bench.supervisor.requestHeat(false);
    // the elements' stored heat raises the reading 4.5 °C over the first 4.9 s, then it cools
    bench.sensor.setProfile(t -> 60.0 + (t < 4.9 ? 4.5 * t / 4.9 : 4.5 - 0.1 * (t - 4.9)));

    bench.run(30);

    bench.assertNoFault();
  }

  @Test
  void doesNotApplyOnceTheCarriageIsReleased() {
    SafetyBench bench = SafetyBench.withoutCurrentSensor();
    bench.sensor.setChamberC(40.0);
    bench.run(6);
    bench.sensor.ramp(40.0, 1.0); // sun on the toaster, a neighbour's oven: not our heater

    bench.run(20);

    bench.assertNoFault();
  }
}
