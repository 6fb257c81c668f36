package com.smarttoaster.simulation;

import com.smarttoaster.predict.PredictorName;
import com.smarttoaster.predict.Predictors;
import com.smarttoaster.safety.SafetyLimits;
import java.util.Objects;

/**
 * How to run a simulated cycle.
 *
 * @param predictor one the user can choose: model, fallback, fixed-timer or oracle
 * @param limits supervisor limits
 * @param predictorTimeoutS deadline for the predictor, real seconds
 * @param realtimeFactor 0 runs as fast as possible; 1 paces simulated time with the wall clock
 * @param traceEveryS sample the trace (for plots) every this many simulated seconds; 0 for none
 * @param appliance the simulated appliance itself (default) or the Pi code on emulated chips
 * @param breadThermometerFitted whether the appliance has its infrared bread thermometer (as the
 *     shipped Pi config and the simulated appliance do); false runs a toaster without one
 * @param restart whether the software restarts as the last earlier cycle ends, and whether it then
 *     has its heat record
 */
public record SimulationOptions(
    PredictorName predictor,
    SafetyLimits limits,
    double predictorTimeoutS,
    double realtimeFactor,
    double traceEveryS,
    SimulatedApplianceKind appliance,
    boolean breadThermometerFitted,
    ControllerRestart restart) {

  public SimulationOptions {
    Objects.requireNonNull(predictor, "predictor");
    Objects.requireNonNull(appliance, "appliance");
    Objects.requireNonNull(restart, "restart");
    if (!predictor.choosable()) {
      throw new IllegalArgumentException(
          "predictor " + predictor + " is not one of " + Predictors.NAMES);
    }
  }

  public SimulationOptions(
      PredictorName predictor,
      SafetyLimits limits,
      double predictorTimeoutS,
      double realtimeFactor,
      double traceEveryS) {
    this(
        predictor,
        limits,
        predictorTimeoutS,
        realtimeFactor,
        traceEveryS,
        SimulatedApplianceKind.SIM,
        true,
        ControllerRestart.NONE);
  }

  public static SimulationOptions defaults(PredictorName predictor) {
    return new SimulationOptions(predictor, SafetyLimits.defaults(), 0.5, 0.0, 0.0);
  }

  /**
   * {@link #defaults(PredictorName)} for a predictor given by its id.
   *
   * @throws IllegalArgumentException for an id that is not a choosable predictor, naming it
   */
  public static SimulationOptions defaults(String predictorId) {
    return defaults(Predictors.choosable(predictorId));
  }

  public SimulationOptions withRealtime(double factor) {
    return new SimulationOptions(
        predictor,
        limits,
        predictorTimeoutS,
        factor,
        traceEveryS,
        appliance,
        breadThermometerFitted,
        restart);
  }

  public SimulationOptions withTrace(double everyS) {
    return new SimulationOptions(
        predictor,
        limits,
        predictorTimeoutS,
        realtimeFactor,
        everyS,
        appliance,
        breadThermometerFitted,
        restart);
  }

  public SimulationOptions withAppliance(SimulatedApplianceKind kind) {
    return new SimulationOptions(
        predictor,
        limits,
        predictorTimeoutS,
        realtimeFactor,
        traceEveryS,
        kind,
        breadThermometerFitted,
        restart);
  }

  /** The same run on an appliance with ({@code fitted}) or without the bread thermometer. */
  public SimulationOptions withBreadThermometer(boolean fitted) {
    return new SimulationOptions(
        predictor,
        limits,
        predictorTimeoutS,
        realtimeFactor,
        traceEveryS,
        appliance,
        fitted,
        restart);
  }

  /** The same run with the software restarted as the last earlier cycle ends ({@code how}). */
  public SimulationOptions withRestart(ControllerRestart how) {
    return new SimulationOptions(
        predictor,
        limits,
        predictorTimeoutS,
        realtimeFactor,
        traceEveryS,
        appliance,
        breadThermometerFitted,
        how);
  }
}
