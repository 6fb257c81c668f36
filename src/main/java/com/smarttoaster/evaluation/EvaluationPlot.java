package com.smarttoaster.evaluation;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Predicted against oracle time on the left; on the right the shade error per segment, mean above
 * and p95 below, on a logarithmic axis: the fixed timer misses by about 3 shades and the oracle by
 * 0.005, and on a linear axis the timer's bars left the model's and the oracle's invisible.
 */
public final class EvaluationPlot {
  /**
   * Errors below this are drawn at it: a log axis has no zero, and 0.001 shade is beyond anyone's
   * eye.
   */
  public static final double FLOOR = 0.001;

  static final int SIDE = 800;

  /** The three charts; tests read their series. */
  public record Charts(XYChart times, CategoryChart means, CategoryChart p95s) {}

  private EvaluationPlot() {}

  public static void write(Evaluation evaluation, List<String> predictors, Path png)
      throws IOException {
    Charts c = charts(evaluation, predictors);
    BufferedImage image = new BufferedImage(2 * SIDE, SIDE, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.drawImage(BitmapEncoder.getBufferedImage(c.times()), 0, 0, null);
    g.drawImage(BitmapEncoder.getBufferedImage(c.means()), SIDE, 0, null);
    g.drawImage(BitmapEncoder.getBufferedImage(c.p95s()), SIDE, SIDE / 2, null);
    g.dispose();
    if (!ImageIO.write(image, "png", png.toFile())) {
      throw new IOException("no PNG writer in this Java runtime");
    }
  }

  public static Charts charts(Evaluation evaluation, List<String> predictors) {
    return new Charts(
        times(evaluation, predictors),
        errors(evaluation, predictors, 0, "Mean shade error by segment"),
        errors(evaluation, predictors, 1, "p95 shade error by segment"));
  }

  private static XYChart times(Evaluation evaluation, List<String> predictors) {
    XYChart times =
        new XYChartBuilder()
            .width(SIDE)
            .height(SIDE)
            .title("Predicted vs oracle heater time")
            .xAxisTitle("oracle time (s)")
            .yAxisTitle("predicted time (s)")
            .build();
    white(times.getStyler());
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
    ideal.setLineColor(Color.BLACK);
    return times;
  }

  /** One bar per predictor and segment: {@code which} 0 the mean, 1 the p95, on a log axis. */
  private static CategoryChart errors(
      Evaluation evaluation, List<String> predictors, int which, String title) {
    CategoryChart chart =
        new CategoryChartBuilder()
            .width(SIDE)
            .height(SIDE / 2)
            .title(title + " (log scale)")
            .yAxisTitle("|achieved - target| (shades)")
            .build();
    white(chart.getStyler());
    chart.getStyler().setXAxisLabelRotation(30);
    chart.getStyler().setYAxisLogarithmic(true);
    chart.getStyler().setYAxisMin(FLOOR);
    chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
    List<String> names = new ArrayList<>();
    for (ScenarioSegment s : ScenarioSegment.standard()) {
      if (evaluation.count(s, predictors.get(0)) > 0) {
        names.add(s.name());
      }
    }
    for (String p : predictors) {
      List<Double> values = new ArrayList<>();
      for (ScenarioSegment s : ScenarioSegment.standard()) {
        if (evaluation.count(s, predictors.get(0)) > 0) {
          values.add(Math.max(FLOOR, evaluation.meanAndP95(p, s)[which]));
        }
      }
      chart.addSeries(p, names, values);
    }
    return chart;
  }

  private static void white(Styler s) {
    s.setChartBackgroundColor(Color.WHITE);
    s.setPlotBackgroundColor(Color.WHITE);
    s.setLegendBackgroundColor(Color.WHITE);
  }
}
