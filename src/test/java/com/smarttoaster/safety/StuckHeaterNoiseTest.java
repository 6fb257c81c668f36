package com.smarttoaster.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.smarttoaster.safety.fakes.SafetyLimitsBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * HEATER_STUCK_ON by temperature must not trip on sensor noise while the toaster is armed (carriage
 * held, no heat), for as long as an arm lasts (30 minutes, remoteArmExpiryS), from a cold or a hot
 * chamber; it once compared one raw sample with a window's minimum and tripped within 6-135 s. It
 * runs only without a current sensor or while that sensor does not say "no current", so these arms
 * have none fitted: the check runs on every sample.
 */
class StuckHeaterNoiseTest {
  private static final double ARM_S = 1800;

  private static SafetyBench armedBench(double chamberC, double sigmaC, long seed) {
    SafetyBench bench =
        SafetyBench.sampledAsShipped(
            SafetyLimitsBuilder.defaults().set("currentSensorFitted", false).build());
    bench.chamber.setTemperatureC(chamberC);
    bench.sensor.setNoise(sigmaC, seed).setQuantum(0.25);
    bench.arm();
    return bench;
  }

  @ParameterizedTest(name = "chamber {0} °C, noise σ {1} °C, seed {2}")
  @CsvSource({
    "21,  0.7, 1",
    "21,  1.0, 2",
    "21,  1.5, 3",
    "21,  1.5, 4",
    "120, 0.7, 5",
    "120, 1.5, 6",
    "200, 1.0, 7",
    "200, 1.5, 8",
    "200, 1.5, 9",
  })
  void noiseWhileArmedForThirtyMinutesNeverTrips(double chamberC, double sigmaC, long seed) {
    SafetyBench bench = armedBench(chamberC, sigmaC, seed);

    bench.run(ARM_S);

    bench.assertNoFault();
    assertTrue(bench.supervisor.status().carriageHeld(), "still armed after 30 minutes");
    assertTrue(
        bench.sensor.reads() > 11_000, "sampled throughout: " + bench.sensor.reads() + " reads");
  }

  @Test
  void theSameArmWithAWeldedRelayDoesTrip() {
    // The control for the test above: the same noisy, armed bench, but heat flows.
    SafetyBench bench = armedBench(21, 1.5, 3);
    bench.run(60);
    bench.heater.weld();

    double tripAfter = bench.runUntilFault(60);

    assertTrue(tripAfter < 15, "a welded relay (1 °C/s) is found within 15 s: " + tripAfter);
    bench.assertTripped(FaultCode.HEATER_STUCK_ON);
  }

  @Test
  void aCurrentSensorThatReadsNoCurrentKeepsTheTemperatureCheckQuiet() {
    SafetyBench bench = SafetyBench.create(); // current sensor fitted
    bench.sensor.setChamberC(100.0);
    bench.arm();
    bench.run(6);
    bench.current.force(false);
    bench.sensor.ramp(100.0, 1.0); // the reading rises, but the sensor proves no current flows

    bench.run(30);

    bench.assertNoFault();
    bench.current.force(null); // back to following the relay: still no current, so no trip either
    bench.current.setFailing(
        true); // an unreadable current sensor no longer vouches for "no current"
    double tripAfter = bench.runUntilFault(30);
    assertTrue(tripAfter > 0, "with the current unknown the rise is judged by temperature");
    assertEquals(FaultCode.HEATER_STUCK_ON, bench.fault().code());
  }
}
