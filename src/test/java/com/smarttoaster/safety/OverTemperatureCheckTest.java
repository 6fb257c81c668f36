package com.smarttoaster.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.smarttoaster.hal.ThermocoupleFault;
import org.junit.jupiter.api.Test;

class OverTemperatureCheckTest {

  @Test
  void chamberJustBelowCutoffNeverTrips() {
    SafetyBench bench = SafetyBench.create();
    bench.sensor.setChamberC(279.9);

    bench.run(30);

    bench.assertNoFault();
  }

  @Test
  void chamberAtCutoffTripsOnTheThirdSampleEvenWithTheHeaterOff() {
    SafetyBench bench = SafetyBench.create();
    bench.sensor.setChamberC(279.9);
    bench.run(1);
    bench.sensor.setChamberC(280.0);

    bench.step();
    bench.step();
    bench.assertNoFault();
    bench.step();

    Fault fault = bench.assertTripped(FaultCode.OVER_TEMPERATURE);
    assertEquals(280.0, fault.measured());
    assertEquals(280.0, fault.limit());
    assertEquals(
        "Over-temperature: chamber read 280.0 °C for 3 samples, cut-off 280.0 °C. Heat cut and"
            + " bread released. Unplug the toaster, let it cool, check for crumbs or bread stuck"
            + " near the elements, then hold the reset button for 3 s.",
        fault.message());
  }

  @Test
  void heatingChamberCrossingTheCutoffIsCutWithinOneSecond() {
    SafetyBench bench = SafetyBench.create();
    bench.sensor.setChamberC(270.0);
    bench.startToasting();
    bench.sensor.ramp(270.0, 5.0); // crosses 280 °C after 2 s

    bench.run(2.0 - 0.05);
    bench.assertNoFault();
    double afterCrossing = bench.runUntilFault(5.0);

    assertTrue(afterCrossing <= 1.0, "cut " + afterCrossing + " s after crossing, limit 1 s");
    Fault fault = bench.assertTripped(FaultCode.OVER_TEMPERATURE);
    assertTrue(fault.measured() >= 280.0, "measured " + fault.measured());
    assertTrue(fault.message().contains("cut-off 280.0 °C"), fault.message());
  }

  @Test
  void armedCarriageIsReleasedWhenTheChamberCreepsOverTheCutoff() {
    // a crumb fire while waiting for a remote start: no heat requested, the bread must still pop
    SafetyBench bench = SafetyBench.create();
    bench.sensor.setChamberC(278.0);
    bench.arm();
    bench.sensor.ramp(278.0, 0.4);

    double tripAfter = bench.runUntilFault(10);

    assertTrue(tripAfter > 5.0 && tripAfter <= 5.0 + 3 * 0.05, "tripped after " + tripAfter);
    bench.assertTripped(FaultCode.OVER_TEMPERATURE);
  }

  @Test
  void oneOrTwoHotSamplesAloneNeverTrip() {
    SafetyBench bench = SafetyBench.create();
    bench.sensor.setChamberC(275.0);
    bench.run(1);

    bench.sensor.enqueue(281.0, 275.0, 281.0, 281.0, 275.0, 281.0, 275.0);
    bench.run(2);

    bench.assertNoFault();
  }

  @Test
  void faultySamplesBetweenHotOnesDoNotHideTheHeat() {
    SafetyBench bench = SafetyBench.create();
    bench.sensor.setChamberC(279.0);
    bench.run(1);
    bench.sensor.setChamberC(283.5);

    bench.step();
    bench.sensor.setFault(ThermocoupleFault.OPEN_CIRCUIT);
    bench.step();
    bench.sensor.setFault(ThermocoupleFault.NONE);
    bench.step();
    bench.assertNoFault();
    bench.step();

    Fault fault = bench.assertTripped(FaultCode.OVER_TEMPERATURE);
    assertTrue(fault.message().startsWith("Over-temperature: chamber read 283.5 °C for 3 samples"));
  }

  @Test
  void cutoffIsConfigurable() {
    SafetyBench bench =
        SafetyBench.create(
            com.smarttoaster.safety.fakes.SafetyLimitsBuilder.defaults()
                .set("cutoffC", 250.0)
                .set("overTempSamples", 5)
                .build());
    bench.sensor.setChamberC(250.0);

    double tripAfter = bench.runUntilFault(2);

    assertEquals(5 * 0.05, tripAfter, 1e-9);
    assertEquals(250.0, bench.assertTripped(FaultCode.OVER_TEMPERATURE).limit());
  }
}
