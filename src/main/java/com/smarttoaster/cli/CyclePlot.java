package com.smarttoaster.cli;

import com.smarttoaster.simulation.SimulationResult;
import com.smarttoaster.simulation.Trace;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** Draws one simulated cycle: temperatures on the left axis, heater state and shade on the right. */
final class CyclePlot {
  private CyclePlot() {}

  static void write(Trace trace, SimulationResult result, Path png) throws IOException {
    List<Trace.Point> points = trace.points();
    int n = points.size();
    double[] t = new double[n];
    double[] chamber = new double[n];
    double[] reading = new double[n];
    double[] surface = new double[n];
    double[] core = new double[n];
    double[] heat = new double[n];
    double[] shade = new double[n];
    for (int i = 0; i < n; i++) {
      Trace.Point p = points.get(i);
      t[i] = p.atS();
      chamber[i] = p.chamberC();
      reading[i] = Double.isNaN(p.readingC()) ? Double.NaN : p.readingC();
      surface[i] = p.breadSurfaceC();
      core[i] = p.breadCoreC();
      heat[i] = p.heatFlowing() ? 1.0 : 0.0;
      shade[i] = p.shade();
    }
    XYChart chart = new XYChartBuilder().width(1000).height(600)
        .title(result.scenario() + " — " + result.outcome() + (result.fault() == null ? "" : " " + result.fault()))
        .xAxisTitle("time (s)").yAxisTitle("temperature (°C)").build();
    chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideNW);
    chart.getStyler().setYAxisGroupPosition(1, org.knowm.xchart.style.Styler.YAxisPosition.Right);
    chart.setYAxisGroupTitle(1, "heater on (0/1), shade (1–7)");
    add(chart, "chamber (true)", t, chamber, 0);
    add(chart, "chamber (sensor)", t, reading, 0);
    add(chart, "bread surface", t, surface, 0);
    add(chart, "bread core", t, core, 0);
    add(chart, "heater", t, heat, 1);
    add(chart, "shade", t, shade, 1);
    BitmapEncoder.saveBitmap(chart, png.toString(), BitmapEncoder.BitmapFormat.PNG);
  }

  private static void add(XYChart chart, String name, double[] x, double[] y, int axisGroup) {
    XYSeries s = chart.addSeries(name, x, y);
    s.setMarker(SeriesMarkers.NONE);
    s.setYAxisGroup(axisGroup);
  }
}
