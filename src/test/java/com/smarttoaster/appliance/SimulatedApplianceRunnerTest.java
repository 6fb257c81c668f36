package com.smarttoaster.appliance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.smarttoaster.config.ConfigLoader;
import com.smarttoaster.config.ToasterConfig;
import com.smarttoaster.control.ControllerListener;
import com.smarttoaster.control.CyclePhase;
import com.smarttoaster.predict.Predictors;
import com.smarttoaster.predict.SimulatedTimePredictorRunner;
import com.smarttoaster.safety.SafetyListener;
import com.smarttoaster.safety.SupervisorLoop;
import com.smarttoaster.simulation.SimulatedApplianceKind;
import com.smarttoaster.simulation.SimulatedAppliances;
import com.smarttoaster.toast.ToastSettings;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * {@code run}'s simulated appliance with the real supervisor and controller, on a wall clock that a
 * test steps: however long each step takes on the wall, the software sees 50 ms between its ticks,
 * so a machine far too slow for the factor runs the cycle slower and ends it normally.
 */
class SimulatedApplianceRunnerTest {
  @Test
  void onAMachineFarTooSlowForFactorHundredACycleEndsDoneWithoutAFault() throws Exception {
    ToasterConfig cfg = ConfigLoader.load(Path.of("config/toaster.yaml"));
    ToastSettings initial = cfg.controller().defaultSettings();
    WallClockPacerTest.SteppedWall wall = new WallClockPacerTest.SteppedWall();
    WallClockPacer pacer = new WallClockPacer(100, wall, WallClockPacer.DEFAULT_MAX_LAG_NANOS);
    try (SimulatedApplianceRunner runner =
        new SimulatedApplianceRunner(
            21,
            21,
            230,
            230,
            initial,
            pacer,
            (c, clock) ->
                SimulatedAppliances.create(
                    SimulatedApplianceKind.SIM, c, 1, clock, true, initial, null))) {
      ToasterAssembly assembly =
          new ToasterAssembly(
              runner.appliance().ports(),
              runner.clock(),
              new ToasterAssembly.Settings(
                  cfg.safety(), cfg.controller().controllerSettings(), initial, 230, 0.5, null),
              table -> Predictors.named("fallback", table, null),
              new SimulatedTimePredictorRunner(runner.clock(), () -> 0.0),
              SafetyListener.NONE,
              ControllerListener.NONE);
      SupervisorLoop loop = new SupervisorLoop(assembly.supervisor());
      runner.runSoftware(
          new SimulatedApplianceRunner.Software(
              loop::tickOnce, 0.05, assembly.controller()::tick, 0.05));
      runner.submit(runner.appliance()::pushLever);
      long steps = 0;
      do {
        runner.step();
        wall.nanos +=
            40_000_000L; // each 10 ms step takes 40 ms of wall time: 400 times too slow for 100x
        pacer.pace(runner.clock().nanos());
        steps++;
      } while (steps < 100 || assembly.controller().snapshot().phase().isActive());

      assertEquals(CyclePhase.DONE, assembly.controller().snapshot().phase());
      assertTrue(
          assembly.supervisor().latchedFault().isEmpty(),
          "fault: " + assembly.supervisor().latchedFault());
      assertEquals(
          steps * SimulatedApplianceRunner.STEP_NANOS,
          runner.clock().nanos(),
          "10 ms per step, no jumps");
      assertTrue(pacer.slips() > 0, "the pacer noticed it fell behind");
      assertEquals(0, wall.sleeps.size(), "never slept: it could not keep up");
      loop.close();
      assembly.close();
    }
  }
}
