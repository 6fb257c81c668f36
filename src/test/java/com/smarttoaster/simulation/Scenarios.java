package com.smarttoaster.simulation;

import com.smarttoaster.scenario.ActionKind;
import com.smarttoaster.scenario.BreadSpec;
import com.smarttoaster.scenario.Scenario;
import com.smarttoaster.scenario.ScenarioAction;
import com.smarttoaster.scenario.ScenarioFault;
import com.smarttoaster.scenario.ScenarioReader;
import com.smarttoaster.toast.BreadType;
import com.smarttoaster.toast.ToastMode;
import java.nio.file.Path;
import java.util.List;

/** Scenarios for tests: the shipped examples and small variations built in code. */
final class Scenarios {
  static final Path EXAMPLES = Path.of("src/test/resources/scenarios");

  private Scenarios() {}

  static Scenario example(String name) throws Exception {
    return ScenarioReader.read(EXAMPLES.resolve(name + ".json"));
  }

  /** White bread, 12 mm, two slices, shade 4, cold toaster at 21 °C and 230 V. */
  static Scenario normal() {
    return normal(List.of(), List.of());
  }

  static Scenario normal(List<ScenarioFault> faults, List<ScenarioAction> actions) {
    return new Scenario(
        1,
        "test",
        11,
        21.0,
        230.0,
        21.0,
        2,
        new BreadSpec(BreadType.WHITE, 12, 21.0),
        4,
        ToastMode.TOAST,
        faults,
        actions);
  }

  static Scenario withFault(ScenarioFault fault) {
    return normal(List.of(fault), List.of());
  }

  static ScenarioAction action(double atS, ActionKind kind) {
    return new ScenarioAction(atS, kind);
  }

  /**
   * With the default options (0.5 s predictor deadline) on the named appliance, "sim" or
   * "pi-emulated".
   */
  static SimulationResult runOn(String appliance, Scenario s, String predictor) {
    return new CycleSimulation(
            s,
            SimulationOptions.defaults(predictor)
                .withAppliance(SimulatedApplianceKind.of(appliance)))
        .run(null);
  }

  static SimulationResult run(Scenario s, String predictor) {
    SimulationOptions options = SimulationOptions.defaults(predictor);
    // A hung predictor costs real time; keep the deadline short in tests.
    options = new SimulationOptions(options.predictor(), options.limits(), 0.1, 0.0, 0.0);
    return new CycleSimulation(s, options).run(null);
  }
}
