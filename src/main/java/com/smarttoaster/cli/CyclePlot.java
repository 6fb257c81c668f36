package com.smarttoaster.cli;

import com.smarttoaster.predict.PredictorName;
import com.smarttoaster.simulation.SimulationResult;
import com.smarttoaster.simulation.Trace;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Draws one simulated cycle so that what happened can be seen: temperatures against the cut-off,
 * the achieved shade against the target on a fixed shade axis, vertical markers where a fault was
 * injected, where the supervisor tripped, where the heater was commanded off and where current
 * actually stopped, and the heater's current on its own strip on top, on the same time axis (both
 * charts get the same axes on each side, so their plot areas line up to within a few pixels).
 */
final class CyclePlot {
  static final int WIDTH = 1000;
  static final int STRIP_HEIGHT = 190;
  static final int MAIN_HEIGHT = 800;

  /** The shade axis: untoasted bread is −1, burnt about 9.4 (README, shade scale). */
  static final double SHADE_MIN = -1;

  static final double SHADE_MAX = 10;
  static final String SHADE_AXIS = "shade (−1 raw … 7 darkest)";

  // Colours chosen for at least 4.5:1 contrast on white (CyclePlotTest checks it) and apart in hue.
  static final Color CHAMBER = new Color(0xB2182B);
  static final Color SENSOR = new Color(0x9A3D00);
  static final Color SURFACE = new Color(0x6B4226);
  static final Color CORE = new Color(0x1B7837);
  static final Color SHADE = new Color(0x2166AC);
  static final Color CUTOFF = Color.BLACK;
  static final Color FAULT = new Color(0x762A83);
  static final Color TRIP = new Color(0xC51B7D);
  static final Color HEAT_OFF = new Color(0x404040);
  static final Color HEATER = new Color(0xB35806);

  /**
   * The heater strip's series: the strip's full height while current flows, its bottom while not.
   */
  static final String HEATER_SERIES = "heater current (high: flows, low: off)";

  static final String COMMAND_SERIES = "relay commanded on (middle) / off";

  /**
   * The two charts: the heater strip goes on top, the main chart under it; tests read their series.
   */
  record Charts(XYChart main, XYChart heater) {}

  private CyclePlot() {}

  static void write(Trace trace, SimulationResult result, Path png) throws IOException {
    Charts charts = charts(trace, result);
    BufferedImage image =
        new BufferedImage(WIDTH, STRIP_HEIGHT + MAIN_HEIGHT, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.drawImage(BitmapEncoder.getBufferedImage(charts.heater()), 0, 0, null);
    g.drawImage(BitmapEncoder.getBufferedImage(charts.main()), 0, STRIP_HEIGHT, null);
    g.dispose();
    if (!ImageIO.write(image, "png", png.toFile())) {
      throw new IOException("no PNG writer in this Java runtime");
    }
  }

  static Charts charts(Trace trace, SimulationResult result) {
    List<Trace.Point> points = trace.points();
    int n = points.size();
    double[] t = new double[n];
    double[] chamber = new double[n];
    double[] reading = new double[n];
    double[] surface = new double[n];
    double[] core = new double[n];
    double[] heat = new double[n];
    double[] shade = new double[n];
    double lowC = 0;
    double highC = result.limits().cutoffC() + 20;
    for (int i = 0; i < n; i++) {
      Trace.Point p = points.get(i);
      t[i] = p.atS();
      chamber[i] = p.chamberC();
      reading[i] = p.readingC();
      surface[i] = p.breadSurfaceC();
      core[i] = p.breadCoreC();
      heat[i] = p.heatFlowing() ? 1.0 : 0.0;
      shade[i] = p.shade();
      lowC = Math.min(lowC, Math.min(core[i], surface[i]));
      highC =
          Math.max(
              highC,
              Math.max(
                  chamber[i], Math.max(surface[i], Double.isNaN(reading[i]) ? 0 : reading[i])));
    }
    double endS = n == 0 ? 1 : t[n - 1];
    lowC = Math.floor(lowC / 20) * 20;
    highC = Math.ceil(highC * 1.05 / 20) * 20;

    XYChart main =
        new XYChartBuilder()
            .width(WIDTH)
            .height(MAIN_HEIGHT)
            .xAxisTitle("time (s)")
            .yAxisTitle("temperature (°C)")
            .build();
    style(main, endS);
    main.getStyler().setChartTitleVisible(false);
    main.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
    main.getStyler().setYAxisGroupPosition(1, Styler.YAxisPosition.Right);
    main.setYAxisGroupTitle(1, SHADE_AXIS);
    main.getStyler().setYAxisMin(0, lowC).setYAxisMax(0, highC);
    main.getStyler().setYAxisMin(1, SHADE_MIN).setYAxisMax(1, SHADE_MAX);
    line(main, "chamber (true)", t, chamber, 0, CHAMBER, SeriesLines.SOLID);
    line(main, "chamber (sensor)", t, reading, 0, SENSOR, SeriesLines.DOT_DOT);
    line(main, "bread surface", t, surface, 0, SURFACE, SeriesLines.SOLID);
    line(main, "bread core", t, core, 0, CORE, SeriesLines.SOLID);
    line(
        main,
        String.format(Locale.ROOT, "cut-off %.0f °C", result.limits().cutoffC()),
        new double[] {0, endS},
        new double[] {result.limits().cutoffC(), result.limits().cutoffC()},
        0,
        CUTOFF,
        SeriesLines.DASH_DASH);
    line(main, "shade achieved", t, shade, 1, SHADE, SeriesLines.SOLID);
    if (result.predictor() != PredictorName.REHEAT_RULE) {
      line(
          main,
          "target shade " + result.targetShade(),
          new double[] {0, endS},
          new double[] {result.targetShade(), result.targetShade()},
          1,
          SHADE,
          SeriesLines.DASH_DASH);
    }
    for (Marker m : markers(result)) {
      line(
          main,
          m.label(),
          new double[] {m.atS(), m.atS()},
          new double[] {lowC, highC},
          0,
          m.color(),
          m.stroke());
    }

    XYChart strip =
        new XYChartBuilder()
            .width(WIDTH)
            .height(STRIP_HEIGHT)
            .title(title(result))
            .xAxisTitle("time (s)")
            .yAxisTitle("heater")
            .build();
    style(strip, endS);
    strip.getStyler().setLegendPosition(Styler.LegendPosition.InsideS);
    strip.getStyler().setLegendLayout(Styler.LegendLayout.Horizontal);
    strip.getStyler().setXAxisTitleVisible(false);
    // The strip copies the main chart's two y axes with their labels drawn invisible, so XChart
    // gives
    // both plots the same left and right margins and the time axes line up.
    strip.getStyler().setYAxisMin(0, lowC).setYAxisMax(0, highC);
    strip.getStyler().setYAxisGroupPosition(1, Styler.YAxisPosition.Right);
    strip.setYAxisGroupTitle(1, "current");
    strip.getStyler().setYAxisMin(1, SHADE_MIN).setYAxisMax(1, SHADE_MAX);
    strip.getStyler().setYAxisGroupTickLabelsColorMap(0, Color.WHITE);
    strip.getStyler().setYAxisGroupTickLabelsColorMap(1, Color.WHITE);
    double onLevel = highC - (highC - lowC) * 0.1;
    double[] band = new double[n];
    for (int i = 0; i < n; i++) {
      band[i] = heat[i] > 0 ? onLevel : lowC;
    }
    XYSeries current = line(strip, HEATER_SERIES, t, band, 0, HEATER, SeriesLines.SOLID);
    current.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.StepArea);
    // What the relay was told, from the event log: a welded relay shows as current without a
    // command.
    double commandedLevel = lowC + (onLevel - lowC) * 0.5;
    double[][] commanded = commandedSteps(result, endS, lowC, commandedLevel);
    XYSeries command =
        line(strip, COMMAND_SERIES, commanded[0], commanded[1], 0, HEAT_OFF, SeriesLines.DASH_DASH);
    command.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Step);
    line(
            strip,
            "axis",
            new double[] {0, endS},
            new double[] {SHADE_MIN, SHADE_MIN},
            1,
            new Color(0, 0, 0, 0),
            SeriesLines.SOLID)
        .setShowInLegend(false);
    return new Charts(main, strip);
  }

  /** A vertical line at a moment of the cycle. */
  record Marker(String label, double atS, Color color, BasicStroke stroke) {}

  /** Fault onsets (from the event log), the supervisor's trip, heater commanded off, heat cut. */
  static List<Marker> markers(SimulationResult result) {
    List<Marker> markers = new ArrayList<>();
    boolean commandedOff = false;
    for (SimulationResult.Event e : result.events()) {
      String text = e.event();
      if (text.startsWith("injected ")) {
        markers.add(
            new Marker(
                String.format(Locale.ROOT, "%s at %.1f s", text, e.atS()),
                e.atS(),
                FAULT,
                SeriesLines.DASH_DOT));
      } else if (text.startsWith("fault ")) {
        String code = text.substring("fault ".length()).split(":", 2)[0];
        markers.add(
            new Marker(
                String.format(Locale.ROOT, "trip %s at %.1f s", code, e.atS()),
                e.atS(),
                TRIP,
                SeriesLines.SOLID));
      } else if (text.equals("heater off") && !commandedOff) {
        commandedOff = true;
        markers.add(
            new Marker(
                String.format(Locale.ROOT, "heater commanded off at %.1f s", e.atS()),
                e.atS(),
                HEAT_OFF,
                SeriesLines.DOT_DOT));
      }
    }
    if (result.heatCutS() != null) {
      markers.add(
          new Marker(
              String.format(
                  Locale.ROOT,
                  "heat off at %.1f s%s",
                  result.heatCutS(),
                  result.heatCutBy() == null ? "" : " (" + result.heatCutBy() + ")"),
              result.heatCutS(),
              HEAT_OFF,
              SeriesLines.SOLID));
    }
    return markers;
  }

  /** A step series from the "heater on" and "heater off" events: {times, levels}. */
  private static double[][] commandedSteps(
      SimulationResult result, double endS, double off, double on) {
    List<double[]> steps = new ArrayList<>();
    steps.add(new double[] {0, off});
    for (SimulationResult.Event e : result.events()) {
      if (e.event().equals("heater on") || e.event().equals("heater off")) {
        steps.add(new double[] {e.atS(), e.event().equals("heater on") ? on : off});
      }
    }
    steps.add(new double[] {endS, steps.get(steps.size() - 1)[1]});
    double[][] xy = new double[2][steps.size()];
    for (int i = 0; i < steps.size(); i++) {
      xy[0][i] = steps.get(i)[0];
      xy[1][i] = steps.get(i)[1];
    }
    return xy;
  }

  private static String title(SimulationResult result) {
    return PrintableText.of(result.scenario())
        + " — "
        + result.outcome().id()
        + (result.fault() == null ? "" : " " + result.fault());
  }

  private static void style(XYChart chart, double endS) {
    org.knowm.xchart.style.XYStyler s = chart.getStyler();
    s.setXAxisMin(0.0).setXAxisMax(endS);
    s.setChartBackgroundColor(Color.WHITE);
    s.setPlotBackgroundColor(Color.WHITE);
    s.setLegendBackgroundColor(Color.WHITE);
    s.setChartFontColor(Color.BLACK);
    s.setPlotGridLinesColor(new Color(0xDDDDDD));
  }

  private static XYSeries line(
      XYChart chart,
      String name,
      double[] x,
      double[] y,
      int axisGroup,
      Color color,
      BasicStroke stroke) {
    XYSeries s = chart.addSeries(name, x, y);
    s.setMarker(SeriesMarkers.NONE);
    s.setYAxisGroup(axisGroup);
    s.setLineColor(color);
    s.setFillColor(new Color(color.getRed(), color.getGreen(), color.getBlue(), 90));
    s.setLineStyle(
        stroke == SeriesLines.NONE
            ? stroke
            : new BasicStroke(
                2.0f,
                stroke.getEndCap(),
                stroke.getLineJoin(),
                stroke.getMiterLimit(),
                stroke.getDashArray(),
                stroke.getDashPhase()));
    return s;
  }
}
