package com.smarttoaster.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class FrozenReadingCheckTest {

  @Test
  void readingStuckWhileHeatingTripsAfterFiveSeconds() {
    SafetyBench bench = SafetyBench.create();
    bench.sensor.setChamberC(150.25);
    bench.startToasting(); // the heater came on at this tick; the next sample is the first while
    // heating

    double tripAfter = bench.runUntilFault(10);

    assertEquals(5.05, tripAfter, 1e-9);
    Fault fault = bench.assertTripped(FaultCode.SENSOR_IMPLAUSIBLE);
    assertEquals(5.0, fault.measured(), 1e-9);
    assertEquals(5.0, fault.limit());
    assertEquals(
        "Implausible temperature reading: chamber stuck at exactly 150.25 °C for 5.0 s while"
            + " heating, limit 5.0 s. Heat cut and bread released. The sensor or its converter may"
            + " be stuck: unplug the toaster, check the sensor, then hold the reset button for 3 s.",
        fault.message());
  }

  @Test
  void readingThatMovesJustInsideTheLimitIsBelieved() {
    SafetyBench bench = SafetyBench.create();
    bench.sensor.setChamberC(100.0);
    bench.startToasting();
    // a coarse converter: +1 °C every 4.95 s while heating
    bench.sensor.setProfile(t -> 100.0 + Math.floor((t + 0.001) / 4.95));

    bench.run(40);

    bench.assertNoFault();
  }

  @Test
  void constantReadingWhileNotHeatingIsFine() {
    SafetyBench bench = SafetyBench.create();
    bench.sensor.setChamberC(21.0);
    bench.arm();

    bench.run(30);

    bench.assertNoFault();
  }
}
