package com.smarttoaster.simulation;

import static com.smarttoaster.simulation.Scenarios.runOn;
import static com.smarttoaster.simulation.Scenarios.withFault;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.smarttoaster.history.CycleOutcome;
import com.smarttoaster.predict.PredictorName;
import com.smarttoaster.scenario.FaultKind;
import com.smarttoaster.scenario.ScenarioFault;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The controller holds the carriage while the predictor works; waiting is simulated time, so the
 * supervisor's lease and hung-controller checks run meanwhile, as on a real toaster. A predictor
 * answering just inside its 0.5 s deadline used to end in LEASE_EXPIRED; now every wait ends in a
 * completed cycle: the predictor's answer inside the deadline, the fallback table's after it.
 */
class PredictorWaitTest {
  @ParameterizedTest(name = "{0}: predictor answers after {1} s")
  @CsvSource({
    "sim, 0.45, true",
    "sim, 0.49, true",
    "sim, 0.6, false",
    "sim, 2.0, false",
    "pi-emulated, 0.45, true",
    "pi-emulated, 0.49, true",
    "pi-emulated, 0.6, false",
    "pi-emulated, 2.0, false",
  })
  void aSlowPredictorNeverTripsTheLease(String appliance, double seconds, boolean inTime) {
    SimulationResult r =
        runOn(
            appliance,
            withFault(ScenarioFault.of(FaultKind.PREDICTOR_SLOW, 0.0, seconds)),
            "oracle");

    assertEquals(CycleOutcome.DONE, r.outcome(), () -> "events: " + r.events());
    assertNull(r.fault());
    if (inTime) {
      assertEquals(PredictorName.ORACLE, r.predictor());
      assertNull(r.fallbackReason());
    } else {
      assertEquals(PredictorName.FALLBACK, r.predictor());
      assertTrue(r.fallbackReason().contains("did not answer within 500 ms"), r.fallbackReason());
    }
    // The answer is seen on the next controller tick, heat follows on the next supervisor tick.
    double answeredS = Math.min(seconds, 0.5);
    double heatStartS = heatStartS(r);
    assertTrue(
        heatStartS >= answeredS && heatStartS <= answeredS + 0.11,
        "heat starts at "
            + heatStartS
            + " s, once the answer (or the deadline) came at "
            + answeredS
            + " s");
  }

  @ParameterizedTest(name = "{0}: a hung predictor")
  @CsvSource({"sim", "pi-emulated"})
  void aHungPredictorFallsBackAtTheDeadline(String appliance) {
    SimulationResult r =
        runOn(appliance, withFault(ScenarioFault.of(FaultKind.PREDICTOR_HANG, 0.0)), "oracle");

    assertEquals(CycleOutcome.DONE, r.outcome(), () -> "events: " + r.events());
    assertEquals(PredictorName.FALLBACK, r.predictor());
    assertTrue(heatStartS(r) >= 0.5 && heatStartS(r) <= 0.61, "heat at " + heatStartS(r) + " s");
  }

  private static double heatStartS(SimulationResult r) {
    return r.events().stream()
        .filter(e -> e.event().equals("heater on"))
        .findFirst()
        .orElseThrow(() -> new AssertionError("heat never came on: " + r.events()))
        .atS();
  }
}
