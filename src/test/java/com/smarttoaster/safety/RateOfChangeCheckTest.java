package com.smarttoaster.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.smarttoaster.safety.fakes.SafetyLimitsBuilder;
import org.junit.jupiter.api.Test;

class RateOfChangeCheckTest {

  @Test
  void riseJustBelowTheLimitIsBelieved() {
    SafetyBench bench = SafetyBench.create();
    bench.sensor.ramp(21.0, 24.9);

    bench.run(3);

    bench.assertNoFault();
  }

  @Test
  void riseJustAboveTheLimitTripsOnceAWindowIsSeen() {
    SafetyBench bench = SafetyBench.create();
    bench.sensor.ramp(21.0, 25.1);

    double tripAfter = bench.runUntilFault(3);

    // the first full 0.5 s window ends at 0.55 s (the ramp starts at the first tick's sample);
    // the second too-fast sample trips
    assertEquals(0.6, tripAfter, 1e-9);
    Fault fault = bench.assertTripped(FaultCode.SENSOR_IMPLAUSIBLE);
    assertEquals(25.1, fault.measured(), 1e-9);
    assertEquals(25.0, fault.limit());
    assertTrue(fault.message().contains("25.1 °C/s), limit 25.0 °C/s"), fault.message());
    assertTrue(fault.message().contains("something in the toaster is burning"), fault.message());
  }

  @Test
  void suddenDropWhileHeatingTripsWithinAFewTicks() {
    SafetyBench bench = SafetyBench.create();
    bench.sensor.setChamberC(200.0);
    bench.startToasting();
    bench.run(2);
    bench.sensor.setChamberC(25.0); // the thermocouple fell out of its clip

    double tripAfter = bench.runUntilFault(1);

    assertEquals(0.1, tripAfter, 1e-9);
    Fault fault = bench.assertTripped(FaultCode.SENSOR_IMPLAUSIBLE);
    assertEquals(350.0, fault.measured(), 1e-9); // 175 °C in 0.5 s
    assertTrue(
        fault
            .message()
            .startsWith(
                "Implausible temperature reading: chamber changed by -175.0 °C"
                    + " in 0.5 s (from 200.0 °C to 25.0 °C, 350.0 °C/s), limit 25.0 °C/s."),
        fault.message());
  }

  @Test
  void singleSpikeDoesNotTrip() {
    SafetyBench bench = SafetyBench.create();
    bench.sensor.setChamberC(100.0);
    bench.run(2);

    bench.sensor.enqueue(120.0);
    bench.run(2);

    bench.assertNoFault();
  }

  @Test
  void windowAndLimitAreConfigurable() {
    SafetyBench bench =
        SafetyBench.create(
            SafetyLimitsBuilder.defaults()
                .set("maxRateCPerS", 10.0)
                .set("rateWindowS", 1.0)
                .build());
    bench.sensor.ramp(21.0, 10.5);

    assertEquals(1.1, bench.runUntilFault(3), 1e-9);
    assertEquals(10.0, bench.assertTripped(FaultCode.SENSOR_IMPLAUSIBLE).limit());
  }
}
