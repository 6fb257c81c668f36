package com.smarttoaster.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FallWhileHeatingCheckTest {
  private static final double RISE_C_PER_S = 2.0;

  /** Rising at 2 °C/s from 21 °C since heating started, minus {@code dropC} from {@code atS} on. */
  private static void rampWithDrop(SafetyBench bench, double atS, double dropC) {
    bench.sensor.setProfile(t -> 21.0 + RISE_C_PER_S * t - (t >= atS - 1e-9 ? dropC : 0.0));
  }

  @Test
  void fallJustOverTheLimitAfterSettlingTrips() {
    SafetyBench bench = SafetyBench.create();
    bench.startToasting();
    // Averaged over 0.5 s while still rising at 2 °C/s, a 9.2 °C step shows as a 9.2 - 1.0 = 8.2 °C
    // fall.
    rampWithDrop(bench, 30.0, 9.2);

    bench.run(29.95);
    bench.assertNoFault();
    // Readings are averaged over rateWindowS (0.5 s), so the step shows once the average has moved.
    bench.run(0.6);

    Fault fault = bench.assertTripped(FaultCode.SENSOR_IMPLAUSIBLE);
    assertTrue(
        fault.measured() > 8.0 && fault.measured() <= 8.2 + 1e-9, "measured " + fault.measured());
    assertEquals(8.0, fault.limit());
    assertTrue(
        fault.message().startsWith("Implausible temperature reading: chamber fell "),
        fault.message());
    assertTrue(fault.message().contains("averaged over 0.5 s), limit 8.0 °C."), fault.message());
  }

  @Test
  void fallJustUnderTheLimitIsBelieved() {
    SafetyBench bench = SafetyBench.create();
    bench.startToasting();
    rampWithDrop(bench, 30.0, 8.95); // averaged: 8.95 - 1.0 = 7.95 °C

    bench.run(40);

    bench.assertNoFault();
  }

  @Test
  void fallBeforeTheSettleTimeIsIgnored() {
    // cold bread cooling the air near the sensor right after the lever goes down
    SafetyBench bench = SafetyBench.create();
    bench.startToasting();
    rampWithDrop(bench, 5.0, 9.0);

    bench.run(30);

    bench.assertNoFault();
  }

  @Test
  void fallWhileTheHeaterPausesIsNotHeldAgainstTheNextHeatingStretch() {
    SafetyBench bench = SafetyBench.create();
    bench.startToasting();
    bench.sensor.ramp(21.0, RISE_C_PER_S);
    bench.run(20);
    bench.supervisor.requestHeat(false); // the controller pulses the heater
    bench.sensor.setChamberC(50.0); // ... and the air near the sensor cools a lot meanwhile
    bench.run(3);
    bench.supervisor.requestHeat(true);
    bench.sensor.ramp(50.0, RISE_C_PER_S);

    bench.run(20);

    bench.assertNoFault();
  }
}
