package com.smarttoaster.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class HeatRiseCheckTest {

  @Test
  void riseJustShortOfTheMinimumTripsAfterTwentySecondsOfHeating() {
    SafetyBench bench = SafetyBench.create();
    bench.startToasting(); // sample before heating: 21.0 °C
    bench.sensor.ramp(21.0, 0.095);

    double tripAfter = bench.runUntilFault(30);

    assertEquals(20.0, tripAfter, 1e-9, "decided once the heat time reaches 20 s");
    Fault fault = bench.assertTripped(FaultCode.NO_HEAT_RISE);
    assertEquals(1.9, fault.measured(), 1e-9);
    assertEquals(2.0, fault.limit());
    assertTrue(fault.code().needsService());
    assertEquals(
        "No heat rise: chamber changed by +1.9 °C in 20.0 s of heating (from 21.0 °C to 22.9 °C),"
            + " at least +2.0 °C expected. Heat cut and bread released. A heating element may be"
            + " broken or the temperature sensor detached. Unplug the toaster and have it serviced;"
            + " do not use it until it is repaired.",
        fault.message());
  }

  @Test
  void riseJustOverTheMinimumPasses() {
    SafetyBench bench = SafetyBench.create();
    bench.startToasting();
    bench.sensor.ramp(21.0, 0.105);

    bench.run(60);

    bench.assertNoFault();
  }

  @Test
  void brokenElementWithANoisySensorIsFound() {
    SafetyBench bench = SafetyBench.create();
    bench.chamber.setHeatRateCPerS(0.0);
    bench.sensor.setNoise(0.3, 42).setQuantum(0.25);

    bench.startToasting();
    double tripAfter = bench.runUntilFault(30);

    assertEquals(20.0, tripAfter, 1e-9);
    bench.assertTripped(FaultCode.NO_HEAT_RISE);
  }

  @Test
  void windowCountsHeatingTimeNotWallTime() {
    SafetyBench bench = SafetyBench.create();
    bench.sensor.setQuantum(0.25);
    bench.chamber.setHeatRateCPerS(0.075); // weak: 1.5 °C in 20 s of heating
    bench.startToasting();
    bench.run(10);
    bench.supervisor.requestHeat(false);
    bench.run(15);
    bench.assertNoFault();
    bench.supervisor.requestHeat(true);

    double tripAfter = bench.runUntilFault(20);

    assertEquals(10.0, tripAfter, 0.1, "the remaining 10 s of the 20 s heating window");
    bench.assertTripped(FaultCode.NO_HEAT_RISE);
  }

  @Test
  void eachCycleIsJudgedAfresh() {
    SafetyBench bench = SafetyBench.create();
    bench.startToasting();
    bench.run(60); // a healthy first cycle
    bench.supervisor.endCycle();
    bench.run(1);
    bench.chamber.setHeatRateCPerS(0.0); // the element breaks before the second cycle
    bench.sensor.setNoise(0.3, 7);

    bench.startToasting();
    double tripAfter = bench.runUntilFault(30);

    assertEquals(20.0, tripAfter, 1e-9);
    bench.assertTripped(FaultCode.NO_HEAT_RISE);
  }
}
