package com.smarttoaster.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.smarttoaster.history.CycleOutcome;
import com.smarttoaster.predict.ModelPredictor;
import com.smarttoaster.predict.PredictorName;
import org.junit.jupiter.api.Test;

/** The six example scenarios of the design brief, end to end, with their results checked. */
class ExampleScenariosTest {

  @Test
  void normalWhiteMediumToastsToTheTargetShade() throws Exception {
    SimulationResult r = Scenarios.run(Scenarios.example("normal-white-medium"), "oracle");
    assertEquals(CycleOutcome.DONE, r.outcome());
    assertNull(r.fault());
    assertEquals(PredictorName.ORACLE, r.predictor());
    assertTrue(
        r.predictedS() >= 90 && r.predictedS() <= 180,
        "medium white in a cold toaster took " + r.predictedS() + " s");
    assertEquals(4.0, r.achievedShade(), 0.15, "oracle time should hit the target shade");
    assertEquals(r.predictedS(), r.heaterOnS(), 0.2, "heater-on time should follow the prediction");
    assertTrue(r.maxChamberC() < r.limits().cutoffC() - 20, "max chamber " + r.maxChamberC());
    assertNull(r.tripLatencyMs());
  }

  @Test
  void theCommittedModelAnswersTheExample() throws Exception {
    // The model is part of the build (src/main/resources/model); a build without it is broken, not
    // a
    // second behaviour to accept. A predictor that declines is GuardedPredictorTest's and
    // ToastControllerTest's.
    assertNotNull(
        getClass().getClassLoader().getResource(ModelPredictor.MODEL_RESOURCE),
        ModelPredictor.MODEL_RESOURCE + " is missing from the build");
    SimulationResult r = Scenarios.run(Scenarios.example("normal-white-medium"), "model");
    assertEquals(CycleOutcome.DONE, r.outcome());
    assertEquals(
        PredictorName.MODEL,
        r.predictor(),
        "the installed model should answer: " + r.fallbackReason());
    assertNull(r.fallbackReason());
    assertEquals(
        4.0,
        r.achievedShade(),
        1.0,
        "the model's time toasts within one shade step of the one asked for");
  }

  @Test
  void cancelMidwayStopsHeatAtFiftySeconds() throws Exception {
    SimulationResult r = Scenarios.run(Scenarios.example("cancel-midway"), "fallback");
    assertEquals(CycleOutcome.CANCELLED, r.outcome());
    assertNull(r.fault());
    assertTrue(
        r.heatCutS() >= 50.0 && r.heatCutS() <= 50.2,
        "heat cut at " + r.heatCutS() + " s, cancel at 50 s");
    assertTrue(
        r.achievedShade() < 4.0,
        "a cancelled cycle leaves the bread lighter: " + r.achievedShade());
  }

  @Test
  void aWeldedRelayIsCaughtWhenTheCycleEndsAndTheCarriageCutsTheHeat() throws Exception {
    SimulationResult r = Scenarios.run(Scenarios.example("fault-heater-stuck"), "fallback");
    assertEquals(CycleOutcome.FAULT, r.outcome());
    assertEquals("HEATER_STUCK_ON", r.fault());
    assertNotNull(r.tripLatencyMs());
    assertTrue(
        r.tripLatencyMs() <= 200,
        "heat flowed " + r.tripLatencyMs() + " ms after the relay was switched off");
    assertTrue(
        r.heaterOnS() <= r.predictedS() + 0.3,
        "heater on " + r.heaterOnS() + " s, predicted " + r.predictedS());
  }

  @Test
  void anOpenThermocoupleCutsHeatWithinOneSecond() throws Exception {
    SimulationResult r = Scenarios.run(Scenarios.example("fault-sensor-open"), "fallback");
    assertEquals(CycleOutcome.FAULT, r.outcome());
    assertEquals("SENSOR_FAULT", r.fault());
    assertTrue(r.tripLatencyMs() <= 1000, "trip latency " + r.tripLatencyMs() + " ms");
    assertTrue(r.heatCutS() >= 40.0 && r.heatCutS() <= 41.0, "heat cut at " + r.heatCutS());
  }

  @Test
  void frozenWholegrainInDefrostModeTakesLongerThanTheSameBreadThawed() throws Exception {
    SimulationResult frozen =
        Scenarios.run(Scenarios.example("frozen-wholegrain-defrost"), "oracle");
    assertEquals(CycleOutcome.DONE, frozen.outcome());
    assertEquals(3.0, frozen.achievedShade(), 0.15);
    SimulationResult fallback =
        Scenarios.run(Scenarios.example("frozen-wholegrain-defrost"), "fallback");
    assertEquals(CycleOutcome.DONE, fallback.outcome());
    assertTrue(fallback.predictedS() > 0);
  }

  @Test
  void aSecondBatchInAWarmToasterNeedsLessTimeThanACold() throws Exception {
    var warm = Scenarios.example("second-batch-sourdough");
    SimulationResult warmResult = Scenarios.run(warm, "oracle");
    var cold =
        new com.smarttoaster.scenario.Scenario(
            1,
            "cold",
            warm.seed(),
            warm.ambientC(),
            warm.mainsVolts(),
            warm.ambientC(),
            warm.slices(),
            warm.bread(),
            warm.shade(),
            warm.mode(),
            warm.faults(),
            warm.actions());
    SimulationResult coldResult = Scenarios.run(cold, "oracle");
    assertEquals(CycleOutcome.DONE, warmResult.outcome());
    assertNull(warmResult.fault(), "no false trip in a warm toaster");
    assertTrue(
        warmResult.predictedS() < coldResult.predictedS() * 0.85,
        "warm " + warmResult.predictedS() + " s vs cold " + coldResult.predictedS() + " s");
    assertEquals(6.0, warmResult.achievedShade(), 0.15);
  }
}
