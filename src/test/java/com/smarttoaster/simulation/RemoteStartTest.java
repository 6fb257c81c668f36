package com.smarttoaster.simulation;

import static com.smarttoaster.simulation.Scenarios.action;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.smarttoaster.history.CycleOutcome;
import com.smarttoaster.scenario.ActionKind;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Remote start exactly as the design brief says: only after a local arm; cancel disarms. */
class RemoteStartTest {

  @Test
  void anArmedToasterWaitsWithoutHeatAndStartsOnTheRemoteCommand() {
    SimulationResult r =
        Scenarios.run(
            Scenarios.normal(
                List.of(),
                List.of(
                    action(0, ActionKind.ARM_REMOTE_START), action(60, ActionKind.REMOTE_START))),
            "fallback");
    assertEquals(CycleOutcome.DONE, r.outcome());
    double heatStart =
        r.events().stream()
            .filter(e -> e.event().equals("heater on"))
            .findFirst()
            .orElseThrow()
            .atS();
    assertTrue(
        heatStart >= 60.0 && heatStart <= 60.3,
        "heat started at " + heatStart + " s, remote start at 60 s");
    assertTrue(
        r.events().stream().anyMatch(e -> e.event().startsWith("armed")), r.events().toString());
  }

  @Test
  void aRemoteStartThatWasNotArmedIsRefusedAndChangesNothing() {
    SimulationResult plain = Scenarios.run(Scenarios.normal(), "fallback");
    SimulationResult r =
        Scenarios.run(
            Scenarios.normal(List.of(), List.of(action(30, ActionKind.REMOTE_START))), "fallback");
    assertEquals(CycleOutcome.DONE, r.outcome());
    assertEquals(
        plain.heaterOnS(), r.heaterOnS(), 0.11, "the refused command must not change the cycle");
    assertTrue(
        r.events().stream().anyMatch(e -> e.event().contains("not armed locally")),
        r.events().toString());
  }

  @Test
  void aRemoteStartWithNothingInTheToasterIsRefused() {
    SimulationResult r =
        Scenarios.run(
            Scenarios.normal(
                List.of(),
                List.of(
                    action(0, ActionKind.ARM_REMOTE_START),
                    action(10, ActionKind.REMOTE_CANCEL),
                    action(20, ActionKind.REMOTE_START))),
            "fallback");
    assertEquals(CycleOutcome.CANCELLED, r.outcome(), "remote cancel disarms");
    assertEquals(0.0, r.heaterOnS(), 1e-9, "no heat at all");
    assertTrue(
        r.events().stream().anyMatch(e -> e.event().contains("not armed locally")),
        r.events().toString());
  }

  @Test
  void localCancelDisarms() {
    SimulationResult r =
        Scenarios.run(
            Scenarios.normal(
                List.of(),
                List.of(action(0, ActionKind.ARM_REMOTE_START), action(5, ActionKind.CANCEL))),
            "fallback");
    assertEquals(CycleOutcome.CANCELLED, r.outcome());
    assertEquals(0.0, r.heaterOnS(), 1e-9);
    assertTrue(r.cycleS() <= 5.3, "bread popped at " + r.cycleS() + " s");
  }

  @Test
  void liftingTheLeverMidCycleCutsHeatAtOnce() {
    SimulationResult r =
        Scenarios.run(
            Scenarios.normal(List.of(), List.of(action(40, ActionKind.LEVER_UP))), "fallback");
    assertEquals(CycleOutcome.CANCELLED, r.outcome());
    assertTrue(r.heatCutS() <= 40.05, "heat cut at " + r.heatCutS());
  }
}
