package com.smarttoaster.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.smarttoaster.predict.FixedTimerPredictor;
import com.smarttoaster.predict.PredictionInput;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

class PredictorEvaluationTest {
  private static final List<DatasetRow> ROWS = DatasetGenerator.generate(4, 60);

  @Test
  void theOracleHitsTheTargetAndTheFixedTimerBurnsASecondBatch() {
    Map<String, ToDoubleFunction<PredictionInput>> p = new LinkedHashMap<>();
    FixedTimerPredictor fixed = new FixedTimerPredictor();
    p.put("fixed-timer", fixed::predictSeconds);
    PredictorEvaluation eval = PredictorEvaluation.run(ROWS, p);
    assertEquals(List.of("fixed-timer", PredictorEvaluation.ORACLE), eval.predictors());
    assertTrue(
        eval.stats(PredictorEvaluation.ORACLE).shadeMae() < 0.01,
        "oracle " + eval.stats(PredictorEvaluation.ORACLE));
    Segment warm = Segment.all().get(2);
    assertTrue(warm.name().startsWith("warm"), warm.name());
    double warmAchievedMinusTarget = 0;
    double coldAchievedMinusTarget = 0;
    int n = 0;
    for (int i = 0; i < ROWS.size(); i++) {
      double over = eval.outcome("fixed-timer", i).achievedShade() - ROWS.get(i).settings().shade();
      if (warm.contains(ROWS.get(i))) {
        warmAchievedMinusTarget += over;
        n++;
      } else {
        coldAchievedMinusTarget += over;
      }
    }
    double warmMean = warmAchievedMinusTarget / n;
    double coldMean = coldAchievedMinusTarget / (ROWS.size() - n);
    assertTrue(
        n > 5 && warmMean > coldMean + 0.1,
        "a warm toaster with a fixed time should over-brown: "
            + warmMean
            + " (cold "
            + coldMean
            + ")");
    assertTrue(eval.toMarkdown().contains("| all | 60 |"), eval.toMarkdown());
  }

  @Test
  void percentileIsNearestRank() {
    double[] v = new double[100];
    for (int i = 0; i < v.length; i++) {
      v[i] = 100 - i;
    }
    assertEquals(95.0, PredictorEvaluation.p95(v));
    assertEquals(2.0, PredictorEvaluation.p95(new double[] {1, 2}));
  }

  @Test
  void theOracleNameIsReserved() {
    Map<String, ToDoubleFunction<PredictionInput>> p =
        Map.of(PredictorEvaluation.ORACLE, in -> 100);
    assertThrows(IllegalArgumentException.class, () -> PredictorEvaluation.run(ROWS, p));
  }
}
