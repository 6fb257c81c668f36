package com.smarttoaster.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.smarttoaster.scenario.BreadSpec;
import com.smarttoaster.scenario.Scenario;
import com.smarttoaster.toast.BreadType;
import com.smarttoaster.toast.ToastMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvaluationTest {
  private static Scenario warm(BreadType bread, double chamberC) {
    return new Scenario(
        1,
        "warm " + bread.id(),
        3,
        21,
        230,
        chamberC,
        2,
        new BreadSpec(bread, 12, 21),
        5,
        ToastMode.TOAST,
        List.of(),
        List.of());
  }

  @Test
  void theOracleHitsTheShadeAndTheFixedTimerMissesInAWarmToaster() {
    List<String> predictors = List.of("fixed-timer", "oracle");
    Evaluation e =
        Evaluation.run(
            List.of(warm(BreadType.WHITE, 150), warm(BreadType.BRIOCHE, 180)), predictors);
    assertEquals(4, e.rows().size());
    ScenarioSegment warmSegment =
        ScenarioSegment.standard().stream()
            .filter(s -> s.name().equals("warm toaster"))
            .findFirst()
            .get();
    double oracle = e.meanAndP95("oracle", warmSegment)[0];
    double fixed = e.meanAndP95("fixed-timer", warmSegment)[0];
    assertTrue(oracle < 0.1, "oracle error " + oracle);
    assertTrue(fixed > 1.0, "a mechanical timer should overtoast in a warm toaster: " + fixed);
    String table = e.table(predictors);
    assertTrue(table.contains("warm toaster") && table.contains("brioche"), table);
    assertTrue(!table.contains("frozen"), "empty segments are left out: " + table);
  }

  /**
   * The same frozen-bread-in-toast-mode cycle on an appliance with the bread thermometer (whose
   * rule predicts it as defrost) and on one without (predicted as room bread, so it comes out
   * pale).
   */
  @Test
  void aToasterWithoutTheBreadThermometerIsEvaluatedAsOne() {
    Scenario frozen =
        new Scenario(
            1,
            "frozen in toast mode",
            5,
            21,
            230,
            21,
            2,
            new BreadSpec(BreadType.WHITE, 12, -18),
            4,
            ToastMode.TOAST,
            List.of(),
            List.of());
    List<String> fallback = List.of("fallback");
    double with = Evaluation.run(List.of(frozen), fallback, true).rows().get(0).shadeError();
    double without = Evaluation.run(List.of(frozen), fallback, false).rows().get(0).shadeError();
    assertTrue(with < 1.0, "with the thermometer: " + with);
    assertTrue(without > with + 1.0, "without: " + without + ", with: " + with);
  }

  @Test
  void thePlotIsAPng(@TempDir Path dir) throws Exception {
    List<String> predictors = List.of("fallback", "oracle");
    Evaluation e = Evaluation.run(List.of(warm(BreadType.RYE, 21)), predictors);
    Path png = dir.resolve("eval.png");
    EvaluationPlot.write(e, predictors, png);
    assertTrue(Files.size(png) > 10_000);
  }

  @Test
  void randomScenariosAreReproducibleAndRealistic() {
    List<Scenario> a = RandomScenarios.draw(50, 3);
    assertEquals(a, RandomScenarios.draw(50, 3));
    for (Scenario s : a) {
      assertTrue(
          s.ambientC() >= 5 && s.ambientC() <= 40 && s.mainsVolts() >= 200 && s.mainsVolts() <= 250,
          s.toString());
      assertTrue(s.chamberStartC() >= s.ambientC() - 1 && s.chamberStartC() <= 200, s.toString());
      assertTrue(s.faults().isEmpty() && s.actions().isEmpty());
    }
  }

  @Test
  void theInstalledModelBeatsTheFixedTimerByFarThroughWholeCycles() {
    List<String> predictors = List.of("model", "fixed-timer");
    Evaluation e = Evaluation.run(RandomScenarios.draw(60, 11), predictors);
    ScenarioSegment all = ScenarioSegment.standard().get(0);
    double model = e.meanAndP95("model", all)[0];
    double fixed = e.meanAndP95("fixed-timer", all)[0];
    assertTrue(
        e.rows().stream()
            .filter(r -> r.predictor().equals("model"))
            .allMatch(r -> r.usedPredictor().equals("model")),
        "the model should answer every realistic scenario itself");
    // Issue 11: the model is trained for a ±10 % supply it cannot see at the start, and re-predicts
    // from a
    // noisy thermocouple; 0.25 was the target of the issue 3 model, trained with the supply known.
    assertTrue(model <= 0.4, "model shade error " + model);
    assertTrue(model <= 0.5 * fixed, "model " + model + " vs fixed timer " + fixed);
  }
}
