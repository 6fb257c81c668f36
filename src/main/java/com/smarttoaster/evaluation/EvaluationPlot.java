package com.smarttoaster.evaluation;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** Two charts side by side: predicted vs oracle time, and shade error by predictor per segment. */
public final class EvaluationPlot {
  private EvaluationPlot() {}

  public static void write(Evaluation evaluation, List<String> predictors, Path png) throws IOException {
    XYChart times = new XYChartBuilder().width(800).height(600).title("Predicted vs oracle heater time")
        .xAxisTitle("oracle time (s)").yAxisTitle("predicted time (s)").build();
    times.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
    times.getStyler().setMarkerSize(4);
    double lo = Double.MAX_VALUE;
    double hi = 0;
    for (String p : predictors) {
      List<Double> x = new ArrayList<>();
      List<Double> y = new ArrayList<>();
      for (EvaluationRow r : evaluation.rows()) {
        if (r.predictor().equals(p)) {
          x.add(r.oracleS());
          y.add(r.predictedS());
          lo = Math.min(lo, Math.min(r.oracleS(), r.predictedS()));
          hi = Math.max(hi, Math.max(r.oracleS(), r.predictedS()));
        }
      }
      if (!x.isEmpty()) {
        times.addSeries(p, x, y);
      }
    }
    XYSeries ideal = times.addSeries("ideal", new double[] {lo, hi}, new double[] {lo, hi});
    ideal.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
    ideal.setMarker(SeriesMarkers.NONE);

    CategoryChart errors = new CategoryChartBuilder().width(800).height(600)
        .title("Mean shade error by segment").xAxisTitle("segment").yAxisTitle("mean |achieved - target|").build();
    errors.getStyler().setXAxisLabelRotation(45);
    List<String> names = new ArrayList<>();
    for (Segment s : Segment.standard()) {
      if (evaluation.count(s, predictors.get(0)) > 0) {
        names.add(s.name());
      }
    }
    for (String p : predictors) {
      List<Double> means = new ArrayList<>();
      for (Segment s : Segment.standard()) {
        if (evaluation.count(s, predictors.get(0)) > 0) {
          means.add(evaluation.meanAndP95(p, s)[0]);
        }
      }
      errors.addSeries(p, names, means);
    }
    List<Chart<?, ?>> charts = List.of(times, errors);
    BitmapEncoder.saveBitmap(charts, 1, 2, png.toString(), BitmapEncoder.BitmapFormat.PNG);
  }
}
