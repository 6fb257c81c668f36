package com.smarttoaster.simulation;

import com.smarttoaster.hal.ThermocoupleFault;
import com.smarttoaster.hal.sim.SimulatedAppliance;
import com.smarttoaster.hal.sim.SimulatedThermocouple;
import com.smarttoaster.scenario.ScenarioFault;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** Applies a scenario's injected faults to the simulated appliance at their times. */
final class FaultSchedule {
  private final List<ScenarioFault> pending;
  private final SimulatedAppliance appliance;
  private final FaultyPredictor predictor;
  private final EventLog log;
  private boolean controllerHung;
  private boolean softwareCrashed;

  /** Predictor faults applied, with the predictor's count of predictions asked at that moment. */
  private final List<ScenarioFault> predictorFaults = new ArrayList<>();

  private final List<Integer> askedBefore = new ArrayList<>();

  FaultSchedule(
      List<ScenarioFault> faults,
      SimulatedAppliance appliance,
      FaultyPredictor predictor,
      EventLog log) {
    this.pending = new ArrayList<>(faults);
    this.pending.sort(Comparator.comparingDouble(ScenarioFault::atS));
    this.appliance = appliance;
    this.predictor = predictor;
    this.log = log;
  }

  /** Applies every fault due at or before {@code nowS}. */
  void applyDue(double nowS) {
    while (!pending.isEmpty() && pending.get(0).atS() <= nowS + 1e-9) {
      apply(pending.remove(0));
    }
  }

  /**
   * At the end of the run, says in the event log which faults changed nothing, so a result never
   * reads as if a fault had been tested when it was not: a fault timed after the run ended, and a
   * predictor fault after which no prediction was asked (predictions are asked at the lever press
   * and, for a cycle that re-predicts, 30 s into heating).
   */
  void reportIneffective(double endS) {
    for (ScenarioFault f : pending) {
      log.add(
          String.format(
              Locale.ROOT,
              "%s at %.1f s was never injected: the run ended at %.1f s",
              f.kind().id(),
              f.atS(),
              endS));
    }
    for (int i = 0; i < predictorFaults.size(); i++) {
      if (predictor.asked() == askedBefore.get(i)) {
        ScenarioFault f = predictorFaults.get(i);
        log.add(
            String.format(
                Locale.ROOT,
                "%s at %.1f s had no effect: no prediction was asked after it"
                    + " (predictions are asked at the lever press and, when the cycle re-predicts, 30 s into heating)",
                f.kind().id(),
                f.atS()));
      }
    }
  }

  boolean isControllerHung() {
    return controllerHung;
  }

  /** True once a software-crash fault hit: no software runs any more, the hardware goes on. */
  boolean isSoftwareCrashed() {
    return softwareCrashed;
  }

  private void apply(ScenarioFault f) {
    SimulatedThermocouple tc = appliance.thermocouple();
    if (f.kind().isPredictorFault()) {
      predictorFaults.add(f);
      askedBefore.add(predictor.asked());
    }
    // Each kind with a parameter reads its own (ScenarioFault requires it).
    switch (f.kind()) {
      case SENSOR_OPEN -> tc.setWiringFault(ThermocoupleFault.OPEN_CIRCUIT);
      case SENSOR_SHORT -> tc.setWiringFault(ThermocoupleFault.SHORT_TO_GND);
      case SENSOR_SHORT_VCC -> tc.setWiringFault(ThermocoupleFault.SHORT_TO_VCC);
      case SENSOR_STUCK -> tc.setStuck(true);
      case SENSOR_DRIFT -> tc.setDrift(f.parameter());
      case SENSOR_NOISE -> tc.setExtraNoise(f.parameter());
      case SENSOR_DROPOUT -> tc.startDropout(f.parameter());
      case HEATER_STUCK_ON -> appliance.weldRelay();
      case HEATER_OPEN -> appliance.breakElement();
      case OVERHEAT -> appliance.startCrumbFire(f.parameter());
      case PREDICTOR_NAN -> predictor.misbehave(FaultyPredictor.Misbehaviour.NAN, 0);
      case PREDICTOR_EXTREME ->
          predictor.misbehave(FaultyPredictor.Misbehaviour.EXTREME, f.parameter());
      case PREDICTOR_ERROR -> predictor.misbehave(FaultyPredictor.Misbehaviour.ERROR, 0);
      case PREDICTOR_HANG -> predictor.misbehave(FaultyPredictor.Misbehaviour.HANG, 0);
      case PREDICTOR_SLOW -> predictor.misbehave(FaultyPredictor.Misbehaviour.SLOW, f.parameter());
      case CONTROLLER_HANG -> controllerHung = true;
      case SOFTWARE_CRASH -> softwareCrashed = true;
      case LATCH_STUCK -> appliance.jamLatch();
      case BREAD_THERMOMETER_FAIL -> appliance.breadRadiance().fail(true);
      default -> throw new IllegalStateException("unhandled fault kind " + f.kind());
    }
    log.add(String.format(Locale.ROOT, "injected %s", f.kind().id()));
  }
}
