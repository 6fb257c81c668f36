package com.smarttoaster.simulation;

import com.smarttoaster.safety.SafetyLimits;

/**
 * How to run a simulated cycle.
 *
 * @param predictor model, fallback, fixed-timer or oracle
 * @param limits supervisor limits
 * @param predictorTimeoutS deadline for the predictor, real seconds
 * @param realtimeFactor 0 runs as fast as possible; 1 paces simulated time with the wall clock
 * @param traceEveryS sample the trace (for plots) every this many simulated seconds; 0 for none
 * @param appliance "sim" (default) or "pi-emulated" (see {@link SimulatedAppliances})
 */
public record SimulationOptions(
    String predictor,
    SafetyLimits limits,
    double predictorTimeoutS,
    double realtimeFactor,
    double traceEveryS,
    String appliance) {

  public SimulationOptions(
      String predictor,
      SafetyLimits limits,
      double predictorTimeoutS,
      double realtimeFactor,
      double traceEveryS) {
    this(predictor, limits, predictorTimeoutS, realtimeFactor, traceEveryS, "sim");
  }

  public static SimulationOptions defaults(String predictor) {
    return new SimulationOptions(predictor, SafetyLimits.defaults(), 0.5, 0.0, 0.0);
  }

  public SimulationOptions withRealtime(double factor) {
    return new SimulationOptions(
        predictor, limits, predictorTimeoutS, factor, traceEveryS, appliance);
  }

  public SimulationOptions withTrace(double everyS) {
    return new SimulationOptions(
        predictor, limits, predictorTimeoutS, realtimeFactor, everyS, appliance);
  }

  public SimulationOptions withAppliance(String kind) {
    return new SimulationOptions(
        predictor, limits, predictorTimeoutS, realtimeFactor, traceEveryS, kind);
  }
}
