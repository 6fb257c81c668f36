package com.smarttoaster.simulation;

import com.smarttoaster.scenario.FaultKind;
import com.smarttoaster.scenario.ScenarioFault;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Measures trip latency (docs/contracts.md §3, tripLatencyMs): from the later of the fault's onset
 * and the first moment heat flows after it, to the moment heat actually stopped flowing. Null only
 * when no fault was injected; a fault whose heat never stopped reports the time to the end of the
 * run, never 0.
 *
 * <p>The onset is the injection time, except where the fault changes nothing until later: a crumb
 * fire counts from the true chamber temperature first crossing the cut-off, and a welded relay from
 * the last moment heat began to flow while the relay was not driven on (a relay welded before the
 * cycle conducts from the lever press until it is driven on anyway; what counts is the uncommanded
 * heat after the heating ends). A fault that hits while no heat flows and after which heat never
 * flows again has nothing to cut: 0 ms.
 *
 * <p>When a scenario injects several faults, the earliest fault that is not a predictor fault is
 * timed (the guard answers predictor faults, the supervisor the others); a scenario with predictor
 * faults only times the earliest of those.
 */
final class TripTimer {
  /** The fault that is timed; null when the scenario injects none. */
  private final @Nullable ScenarioFault fault;

  private final double cutoffC;
  private @Nullable Double onsetS;
  private @Nullable Double heatSinceOnsetS;
  private @Nullable Double stoppedS;

  TripTimer(List<ScenarioFault> faults, double cutoffC) {
    Comparator<ScenarioFault> order =
        Comparator.comparing((ScenarioFault f) -> f.kind().isAdvisoryFault())
            .thenComparingDouble(ScenarioFault::atS);
    this.fault = faults.stream().min(order).orElse(null);
    this.cutoffC = cutoffC;
  }

  /**
   * One physics step.
   *
   * @param heatFlowing current flows through the elements
   * @param relayCommandedOn the SSR's control input is driven on (and the dead-man lets it through)
   * @param trueChamberC the physics' chamber air temperature
   */
  void observe(double nowS, boolean heatFlowing, boolean relayCommandedOn, double trueChamberC) {
    if (fault == null) {
      return;
    }
    if (fault.kind() == FaultKind.HEATER_STUCK_ON && relayCommandedOn) {
      // Commanded heat: the weld changes nothing until the relay is told to open again.
      onsetS = null;
      heatSinceOnsetS = null;
      stoppedS = null;
      return;
    }
    if (onsetS == null && nowS >= fault.atS() - 1e-9) {
      boolean onset =
          switch (fault.kind()) {
            case OVERHEAT -> trueChamberC > cutoffC;
            case HEATER_STUCK_ON -> heatFlowing && !relayCommandedOn;
            default -> true;
          };
      if (onset) {
        onsetS = nowS;
      }
    }
    if (onsetS == null) {
      return;
    }
    if (heatFlowing) {
      if (heatSinceOnsetS == null) {
        heatSinceOnsetS = nowS;
      }
      stoppedS = null;
    } else if (heatSinceOnsetS != null && stoppedS == null) {
      stoppedS = nowS;
    }
  }

  /**
   * Latency in ms at the end of a run that stopped at {@code endS}: null when no fault was
   * injected; 0 when heat never flowed after the onset (or the onset never came); up to {@code
   * endS} when heat was still flowing.
   */
  @Nullable Double latencyMs(double endS) {
    if (fault == null) {
      return null;
    }
    if (heatSinceOnsetS == null) {
      return 0.0;
    }
    double stop = stoppedS != null ? stoppedS : endS;
    return (double) Math.round((stop - heatSinceOnsetS) * 1000.0);
  }

  /** False when the scenario injects no fault: {@link #observe} has nothing to do. */
  boolean timesAFault() {
    return fault != null;
  }

  /** The fault that is timed, or null. */
  @Nullable FaultKind timedKind() {
    return fault == null ? null : fault.kind();
  }
}
