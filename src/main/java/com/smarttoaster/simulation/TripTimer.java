package com.smarttoaster.simulation;

import com.smarttoaster.scenario.ScenarioFault;
import java.util.List;

/**
 * Measures trip latency: simulated time from a fault's onset until heat actually stopped flowing.
 * Onset is the injection time, except for a crumb fire (the true chamber temperature first
 * crossing the cut-off) and a welded relay (the first time the relay was commanded off after the
 * weld: until then the weld changes nothing). Predictor faults need no trip (the guard falls back),
 * so they have no latency.
 */
final class TripTimer {
  private final ScenarioFault fault;
  private final double cutoffC;
  private Double onsetS;
  private Double stoppedS;

  TripTimer(List<ScenarioFault> faults, double cutoffC) {
    this.fault = faults.stream()
        .filter(f -> !f.kind().isPredictorFault())
        .min((a, b) -> Double.compare(a.atS(), b.atS()))
        .orElse(null);
    this.cutoffC = cutoffC;
  }

  boolean isActive() {
    return fault != null;
  }

  void observe(double nowS, boolean heatFlowing, boolean relayCommandedOn, double trueChamberC) {
    if (fault == null || stoppedS != null) {
      return;
    }
    if (onsetS == null && nowS >= fault.atS() - 1e-9) {
      boolean onset = switch (fault.kind()) {
        case OVERHEAT -> trueChamberC > cutoffC;
        case HEATER_STUCK_ON -> !relayCommandedOn;
        default -> true;
      };
      if (onset) {
        onsetS = nowS;
      }
    }
    if (onsetS != null && !heatFlowing) {
      stoppedS = nowS;
    }
  }

  /** Latency in ms, or null when no heat-stopping fault was injected or its onset never came. */
  Double latencyMs() {
    if (onsetS == null || stoppedS == null) {
      return null;
    }
    return (double) Math.round((stoppedS - onsetS) * 1000.0);
  }
}
