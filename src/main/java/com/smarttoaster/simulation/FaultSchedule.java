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

  FaultSchedule(List<ScenarioFault> faults, SimulatedAppliance appliance, FaultyPredictor predictor, EventLog log) {
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

  boolean isControllerHung() {
    return controllerHung;
  }

  /** True once a software-crash fault hit: no software runs any more, the hardware goes on. */
  boolean isSoftwareCrashed() {
    return softwareCrashed;
  }

  private void apply(ScenarioFault f) {
    SimulatedThermocouple tc = appliance.thermocouple();
    switch (f.kind()) {
      case SENSOR_OPEN -> tc.setWiringFault(ThermocoupleFault.OPEN_CIRCUIT);
      case SENSOR_SHORT -> tc.setWiringFault(ThermocoupleFault.SHORT_TO_GND);
      case SENSOR_SHORT_VCC -> tc.setWiringFault(ThermocoupleFault.SHORT_TO_VCC);
      case SENSOR_STUCK -> tc.setStuck(true);
      case SENSOR_DRIFT -> tc.setDrift(f.rateCPerS());
      case SENSOR_NOISE -> tc.setExtraNoise(f.sigmaC());
      case SENSOR_DROPOUT -> tc.startDropout(f.durationS());
      case HEATER_STUCK_ON -> appliance.weldRelay();
      case HEATER_OPEN -> appliance.breakElement();
      case OVERHEAT -> appliance.startCrumbFire(f.rateCPerS());
      case PREDICTOR_NAN -> predictor.misbehave(FaultyPredictor.Misbehaviour.NAN, 0);
      case PREDICTOR_EXTREME -> predictor.misbehave(FaultyPredictor.Misbehaviour.EXTREME, f.seconds());
      case PREDICTOR_ERROR -> predictor.misbehave(FaultyPredictor.Misbehaviour.ERROR, 0);
      case PREDICTOR_HANG -> predictor.misbehave(FaultyPredictor.Misbehaviour.HANG, 0);
      case PREDICTOR_SLOW -> predictor.misbehave(FaultyPredictor.Misbehaviour.SLOW, f.seconds());
      case CONTROLLER_HANG -> controllerHung = true;
      case SOFTWARE_CRASH -> softwareCrashed = true;
      case LATCH_STUCK -> appliance.jamLatch();
      default -> throw new IllegalStateException("unhandled fault kind " + f.kind());
    }
    log.add(String.format(Locale.ROOT, "injected %s", f.kind().id()));
  }
}
