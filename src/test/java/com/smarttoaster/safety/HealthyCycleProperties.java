package com.smarttoaster.safety;

import com.smarttoaster.safety.fakes.FakeChamber;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;

/** False trips annoy; a healthy toaster with a noisy, coarse sensor must never trip. */
class HealthyCycleProperties {
  private static final double CYCLE_S = 300.0;
  private static final double PEAK_C = 255.0; // below the cut-off with room for noise

  @Property(tries = 300)
  void healthyNoisyCycleNeverTrips(
      @ForAll long seed,
      @ForAll @DoubleRange(min = 5.0, max = 150.0) double startC,
      @ForAll @DoubleRange(min = 0.3, max = 3.0) double riseCPerS,
      @ForAll @DoubleRange(min = 0.0, max = 30.0) double armedS,
      @ForAll @DoubleRange(min = 20.0, max = 280.0) double wantedHeatS,
      @ForAll @DoubleRange(min = 0.0, max = 20.0) double heldAfterS) {
    double heatS = Math.min(wantedHeatS, (PEAK_C - startC) / riseCPerS);
    // flat when no heat flows, rising at riseCPerS while it does
    SafetyBench bench =
        SafetyBench.create(SafetyLimits.defaults(), new FakeChamber(startC, riseCPerS, 0.0));
    bench.sensor.setNoise(0.3, seed).setQuantum(0.25);

    bench.run(2.0);
    bench.arm();
    bench.run(armedS);
    bench.supervisor.requestHeat(true);
    bench.run(heatS);
    bench.supervisor.requestHeat(false);
    bench.run(heldAfterS);
    bench.supervisor.endCycle();
    bench.run(CYCLE_S - 2.0 - armedS - heatS - heldAfterS);

    bench.assertNoFault();
  }

  /**
   * A controller that pulses the heater (defrost, reheat) must not trip the plausibility checks.
   */
  @Property(tries = 150)
  void healthyPulsedHeatingNeverTrips(
      @ForAll long seed,
      @ForAll @DoubleRange(min = 5.0, max = 100.0) double startC,
      @ForAll @DoubleRange(min = 0.3, max = 3.0) double riseCPerS,
      @ForAll @DoubleRange(min = 1.0, max = 15.0) double onS,
      @ForAll @DoubleRange(min = 0.5, max = 15.0) double offS) {
    SafetyBench bench =
        SafetyBench.create(SafetyLimits.defaults(), new FakeChamber(startC, riseCPerS, 0.0));
    bench.sensor.setNoise(0.3, seed).setQuantum(0.25);
    bench.arm();
    double heatedS = 0;
    double elapsedS = 0;
    while (elapsedS + onS + offS < CYCLE_S
        && heatedS + onS < 280.0
        && startC + riseCPerS * (heatedS + onS) < PEAK_C) {
      bench.supervisor.requestHeat(true);
      bench.run(onS);
      bench.supervisor.requestHeat(false);
      bench.run(offS);
      heatedS += onS;
      elapsedS += onS + offS;
    }
    bench.supervisor.endCycle();
    bench.run(5);

    bench.assertNoFault();
  }
}
