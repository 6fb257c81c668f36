package com.smarttoaster.train;

import com.smarttoaster.dataset.PredictorEvaluation;
import com.smarttoaster.dataset.Segment;
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
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Two pictures of a training run: predicted vs oracle time, and shade error by predictor and
 * segment.
 */
final class MetricsPlot {
  private MetricsPlot() {}

  static void write(PredictorEvaluation eval, Path png) throws IOException {
    String base = png.toString().replaceFirst("\\.png$", "");
    XYChart scatter =
        new XYChartBuilder()
            .width(800)
            .height(800)
            .title("Test split: predicted vs oracle heater-on time")
            .xAxisTitle("oracle time (s)")
            .yAxisTitle("predicted time (s)")
            .build();
    scatter.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
    scatter.getStyler().setMarkerSize(3);
    for (String p : List.of("fixed-timer", "fallback", "model")) {
      List<Double> x = new ArrayList<>();
      List<Double> y = new ArrayList<>();
      for (int i = 0; i < eval.rows().size(); i++) {
        x.add(eval.rows().get(i).heaterOnS());
        y.add(eval.outcome(p, i).predictedS());
      }
      scatter.addSeries(p, x, y);
    }
    XYSeries diag = scatter.addSeries("ideal", List.of(30.0, 240.0), List.of(30.0, 240.0));
    diag.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
    diag.setMarker(SeriesMarkers.NONE);
    BitmapEncoder.saveBitmap(scatter, base + "-time.png", BitmapEncoder.BitmapFormat.PNG);

    CategoryChart bars =
        new CategoryChartBuilder()
            .width(1200)
            .height(600)
            .title("Test split: mean |achieved − target shade| by predictor")
            .yAxisTitle("shade error")
            .build();
    bars.getStyler().setXAxisLabelRotation(30);
    List<String> names = new ArrayList<>();
    List<Segment> segments = new ArrayList<>();
    for (Segment s : Segment.all()) {
      if (eval.stats("model", s).n() > 0) {
        segments.add(s);
        names.add(s.name().replaceAll(" \\(.*\\)", ""));
      }
    }
    for (String p : eval.predictors()) {
      List<Double> v = new ArrayList<>();
      for (Segment s : segments) {
        v.add(eval.stats(p, s).shadeMae());
      }
      bars.addSeries(p, names, v);
    }
    BitmapEncoder.saveBitmap(bars, base + "-shade.png", BitmapEncoder.BitmapFormat.PNG);
  }
}
