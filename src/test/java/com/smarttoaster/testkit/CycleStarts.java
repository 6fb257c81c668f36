package com.smarttoaster.testkit;

import com.smarttoaster.control.ControllerListener;
import com.smarttoaster.predict.Prediction;
import com.smarttoaster.predict.PredictionInput;
import com.smarttoaster.remote.ApplianceRemote;
import com.smarttoaster.scenario.Scenario;
import com.smarttoaster.simulation.CycleSimulation;
import com.smarttoaster.simulation.SimulationOptions;
import com.smarttoaster.simulation.SimulationResult;
import java.util.ArrayList;
import java.util.List;

/**
 * A scenario run on the simulated appliance with what the controller handed the predictor at each
 * press (its earlier cycles, then the measured one): the device's side of the dataset's parity
 * tests, and what a restarted controller is asked.
 *
 * @param result the measured cycle's result
 * @param inputs every press's start input, in order
 */
public record CycleStarts(SimulationResult result, List<PredictionInput> inputs) {

  public static CycleStarts of(Scenario sc, SimulationOptions options) {
    List<PredictionInput> started = new ArrayList<>();
    ControllerListener listener =
        new ControllerListener() {
          @Override
          public void onCycleStarted(PredictionInput input, Prediction prediction, long atNanos) {
            started.add(input);
          }
        };
    SimulationResult r =
        new CycleSimulation(sc, options, ApplianceRemote.listeningOnly(listener)).run(null);
    return new CycleStarts(r, List.copyOf(started));
  }

  /** The measured cycle's start input (the last press). */
  public PredictionInput measured() {
    return inputs.get(inputs.size() - 1);
  }
}
