package com.smarttoaster.bench;

import com.smarttoaster.scenario.Scenario;
import com.smarttoaster.simulation.CycleSimulation;
import com.smarttoaster.simulation.SimulationOptions;

/**
 * Simulated cycles per second on the calling thread (one core): the full path of a {@code simulate}
 * run (physics, sensor model, supervisor, controller, fallback predictor, result), minus JSON
 * output.
 */
public final class CycleThroughputBench {
  /** Result: cycles run, wall seconds, simulated seconds. */
  public record Result(int cycles, double wallS, double simulatedS) {
    public double cyclesPerSecond() {
      return cycles / wallS;
    }
  }

  private CycleThroughputBench() {}

  public static Result run(Scenario scenario, int warmup, int cycles) {
    return run(scenario, warmup, cycles, "sim");
  }

  /**
   * @param appliance "sim" or "pi-emulated" (the Pi hardware layer on emulated chips)
   */
  public static Result run(Scenario scenario, int warmup, int cycles, String appliance) {
    SimulationOptions options = SimulationOptions.defaults("fallback").withAppliance(appliance);
    for (int i = 0; i < warmup; i++) {
      new CycleSimulation(scenario.withSeed(i), options).run(null);
    }
    double simulated = 0;
    long start = System.nanoTime();
    for (int i = 0; i < cycles; i++) {
      simulated += new CycleSimulation(scenario.withSeed(1000 + i), options).run(null).cycleS();
    }
    return new Result(cycles, (System.nanoTime() - start) / 1e9, simulated);
  }
}
