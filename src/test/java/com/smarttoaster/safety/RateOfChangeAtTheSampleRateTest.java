package com.smarttoaster.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The rate-of-change check at the shipped sample rate (a sample every 0.15 s): one spike never
 * trips it, garbage with tens of °C of noise does within 1.5 s.
 */
class RateOfChangeAtTheSampleRateTest {

  @Test
  void aSingleSpikeDoesNotTrip() {
    SafetyBench bench = SafetyBench.sampledAsShipped(SafetyLimits.defaults());
    bench.sensor.setChamberC(150.0);
    bench.startToasting();
    bench.run(3);
    int spikes = 0;
    for (int i = 0; i < 10; i++) {
      // the next read only: +20 °C, 33 °C/s against its reference (a larger spike would move the
      // fall check's 0.5 s mean, four samples, by more than its 8 °C)
      bench.sensor.enqueue(170.0);
      bench.run(2);
      spikes++;
    }

    bench.assertNoFault();
    assertEquals(10, spikes);
  }

  @Test
  void noiseOfThirtyDegreesTripsWithinOneAndAHalfSeconds() {
    double slowest = 0;
    for (long seed = 1; seed <= 30; seed++) {
      SafetyBench bench = SafetyBench.sampledAsShipped(SafetyLimits.defaults());
      bench.sensor.setChamberC(150.0);
      bench.startToasting();
      bench.run(3);
      bench.sensor.setNoise(30.0, seed);

      double tripAfter = bench.runUntilFault(3);

      assertTrue(tripAfter > 0, "seed " + seed + ": no trip");
      assertEquals(FaultCode.SENSOR_IMPLAUSIBLE, bench.fault().code(), bench.fault().message());
      slowest = Math.max(slowest, tripAfter);
    }
    assertTrue(slowest <= 1.5, "slowest trip " + slowest + " s");
  }
}
