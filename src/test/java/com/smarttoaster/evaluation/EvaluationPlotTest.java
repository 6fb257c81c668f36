package com.smarttoaster.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategorySeries;

/** evaluate's chart shows mean and p95 on a log axis, so no predictor's bars vanish (issue 13). */
class EvaluationPlotTest {
  private static final List<String> PREDICTORS = List.of("fallback", "fixed-timer", "oracle");

  @Test
  void meanAndP95BarsAreTheTablesFiguresOnALogAxis() {
    Evaluation e = Evaluation.run(RandomScenarios.draw(12, 3), PREDICTORS);
    EvaluationPlot.Charts charts = EvaluationPlot.charts(e, PREDICTORS);
    check(charts.means(), e, 0);
    check(charts.p95s(), e, 1);
  }

  private static void check(CategoryChart chart, Evaluation e, int which) {
    assertTrue(chart.getStyler().isYAxisLogarithmic(), chart.getTitle());
    assertEquals(PREDICTORS, List.copyOf(chart.getSeriesMap().keySet()));
    for (String p : PREDICTORS) {
      CategorySeries s = chart.getSeriesMap().get(p);
      List<?> values = List.copyOf(s.getYData());
      double all = e.meanAndP95(p, ScenarioSegment.standard().get(0))[which];
      assertEquals(
          Math.max(EvaluationPlot.FLOOR, all),
          ((Number) values.get(0)).doubleValue(),
          1e-12,
          chart.getTitle() + " " + p);
      for (Object v : values) {
        assertTrue(
            ((Number) v).doubleValue() >= EvaluationPlot.FLOOR, "a log axis shows every bar: " + v);
      }
    }
    double oracle =
        ((Number) List.copyOf(chart.getSeriesMap().get("oracle").getYData()).get(0)).doubleValue();
    double timer =
        ((Number) List.copyOf(chart.getSeriesMap().get("fixed-timer").getYData()).get(0))
            .doubleValue();
    assertTrue(
        timer / oracle > 50, "the spread a linear axis could not show: " + timer + " / " + oracle);
  }
}
