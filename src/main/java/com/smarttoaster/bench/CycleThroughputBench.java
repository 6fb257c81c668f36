package com.smarttoaster.bench;

import com.smarttoaster.scenario.Scenario;
import com.smarttoaster.simulation.CycleSimulation;
import com.smarttoaster.simulation.SimulatedApplianceKind;
import com.smarttoaster.simulation.SimulationOptions;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * Simulated cycles per second on the calling thread (one core): the full path of a {@code simulate}
 * run (physics, sensor model, supervisor, controller, fallback predictor, result), minus JSON
 * output. Besides the wall time it takes the thread's CPU time, which other processes on a shared
 * machine disturb far less (they take the core away, which wall time counts and CPU time does not).
 */
public final class CycleThroughputBench {
  /**
   * Result: cycles run, wall seconds, simulated seconds, and the thread's CPU seconds (NaN where
   * the JVM cannot measure thread CPU time).
   */
  public record Result(int cycles, double wallS, double simulatedS, double cpuS) {
    public double cyclesPerSecond() {
      return cycles / wallS;
    }

    /** Cycles per second of the thread's own CPU time; NaN when it could not be measured. */
    public double cyclesPerCpuSecond() {
      return cycles / cpuS;
    }
  }

  private CycleThroughputBench() {}

  public static Result run(Scenario scenario, int warmup, int cycles) {
    return run(scenario, warmup, cycles, SimulatedApplianceKind.SIM);
  }

  /**
   * @param appliance the simulated appliance or the Pi hardware layer on emulated chips
   */
  public static Result run(
      Scenario scenario, int warmup, int cycles, SimulatedApplianceKind appliance) {
    SimulationOptions options = SimulationOptions.defaults("fallback").withAppliance(appliance);
    for (int i = 0; i < warmup; i++) {
      new CycleSimulation(scenario.withSeed(i), options).run(null);
    }
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    boolean cpuTimed = threads.isCurrentThreadCpuTimeSupported();
    double simulated = 0;
    long cpuStart = cpuTimed ? threads.getCurrentThreadCpuTime() : 0;
    long start = System.nanoTime();
    for (int i = 0; i < cycles; i++) {
      simulated += new CycleSimulation(scenario.withSeed(1000 + i), options).run(null).cycleS();
    }
    double wallS = (System.nanoTime() - start) / 1e9;
    double cpuS = cpuTimed ? (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9 : Double.NaN;
    return new Result(cycles, wallS, simulated, cpuS);
  }
}
