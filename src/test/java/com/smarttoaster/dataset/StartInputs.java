package com.smarttoaster.dataset;

import com.smarttoaster.control.ControllerListener;
import com.smarttoaster.predict.Prediction;
import com.smarttoaster.predict.PredictionInput;
import com.smarttoaster.remote.ApplianceRemote;
import com.smarttoaster.scenario.Scenario;
import com.smarttoaster.simulation.CycleSimulation;
import com.smarttoaster.simulation.SimulationOptions;
import java.util.ArrayList;
import java.util.List;

/**
 * What the controller handed the predictor at each press of a scenario (its earlier cycles, then
 * the measured one), run on the simulated appliance: the device's side of the dataset's parity
 * tests.
 */
final class StartInputs {
  private StartInputs() {}

  static List<PredictionInput> of(Scenario sc, String predictor) {
    List<PredictionInput> started = new ArrayList<>();
    ControllerListener listener =
        new ControllerListener() {
          @Override
          public void onCycleStarted(PredictionInput input, Prediction prediction, long atNanos) {
            started.add(input);
          }
        };
    new CycleSimulation(
            sc, SimulationOptions.defaults(predictor), ApplianceRemote.listeningOnly(listener))
        .run(null);
    return started;
  }
}
