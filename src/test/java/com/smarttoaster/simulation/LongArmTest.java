package com.smarttoaster.simulation;

import static com.smarttoaster.simulation.Scenarios.runOn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.smarttoaster.history.CycleOutcome;
import com.smarttoaster.scenario.ActionKind;
import com.smarttoaster.scenario.BreadSpec;
import com.smarttoaster.scenario.FaultKind;
import com.smarttoaster.scenario.Scenario;
import com.smarttoaster.scenario.ScenarioAction;
import com.smarttoaster.scenario.ScenarioFault;
import com.smarttoaster.toast.BreadType;
import com.smarttoaster.toast.ToastMode;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A toaster armed for remote start and then left alone for the whole 30 minutes the arm lasts: the
 * carriage held, no heat, a noisy sensor (σ 1.5 °C, five times the converter's own), from a cold
 * and from a hot chamber that cools meanwhile. The stuck-heater-by-temperature check used to latch
 * HEATER_STUCK_ON (a service fault) here within 6-135 s; through both appliances it must not trip.
 */
class LongArmTest {
  @ParameterizedTest(name = "{0}: armed 30 min, chamber {1} °C, noise σ {2} °C")
  @CsvSource({
    "sim, 21, 1.5", "sim, 200, 1.5", "sim, 120, 0.7",
    "pi-emulated, 21, 1.5", "pi-emulated, 200, 1.5", "pi-emulated, 120, 0.7",
  })
  void aNoisyThirtyMinuteArmExpiresWithoutAFault(String appliance, double chamberC, double sigmaC) {
    Scenario s =
        new Scenario(
            1,
            "long arm",
            5,
            21.0,
            230.0,
            chamberC,
            2,
            new BreadSpec(BreadType.WHITE, 12, 21.0),
            4,
            ToastMode.TOAST,
            List.of(ScenarioFault.of(FaultKind.SENSOR_NOISE, 0.0, sigmaC)),
            List.of(new ScenarioAction(0.0, ActionKind.ARM_REMOTE_START)));

    SimulationResult r = runOn(appliance, s, "fallback");

    assertNull(r.fault(), () -> "events: " + r.events());
    assertEquals(CycleOutcome.CANCELLED, r.outcome(), "the arm expired");
    assertEquals(0.0, r.heaterOnS(), "never heated");
    assertTrue(
        r.cycleS() >= 1800.0 && r.cycleS() < 1801.0,
        "held for the whole arm: " + r.cycleS() + " s");
  }
}
