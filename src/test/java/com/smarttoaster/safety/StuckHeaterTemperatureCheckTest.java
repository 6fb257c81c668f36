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

    // 5 s settle, then about 5 °C more at just under 1 °C/s
    assertTrue(tripAfter > 10.0 && tripAfter < 12.0, "tripped after " + tripAfter + " s");
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

    assertEquals(9.85, tripAfter, 0.06, "5 °C at 0.51 °C/s");
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
