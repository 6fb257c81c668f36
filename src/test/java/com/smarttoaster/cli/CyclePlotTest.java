package com.smarttoaster.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.smarttoaster.scenario.ScenarioReader;
import com.smarttoaster.simulation.CycleSimulation;
import com.smarttoaster.simulation.SimulationOptions;
import com.smarttoaster.simulation.SimulationResult;
import java.awt.Color;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

/** The cycle plot's content, read from its series rather than its pixels (issue 13). */
class CyclePlotTest {
  private static SimulationResult result;
  private static CyclePlot.Charts charts;

  @BeforeAll
  static void drawTheStuckHeaterCycle() throws Exception {
    CycleSimulation sim =
        new CycleSimulation(
            ScenarioReader.read(Path.of("src/test/resources/scenarios/fault-heater-stuck.json")),
            SimulationOptions.defaults("fallback").withTrace(0.25));
    result = sim.run(null);
    charts = CyclePlot.charts(sim.trace(), result);
  }

  private static XYSeries startingWith(XYChart chart, String prefix) {
    return chart.getSeriesMap().entrySet().stream()
        .filter(e -> e.getKey().startsWith(prefix))
        .map(Map.Entry::getValue)
        .findFirst()
        .orElseThrow(
            () ->
                new AssertionError(
                    "no series '" + prefix + "…' in " + chart.getSeriesMap().keySet()));
  }

  @Test
  void theCutOffAndTheTargetShadeAreHorizontalLines() {
    XYSeries cutoff = startingWith(charts.main(), "cut-off 280 °C");
    assertEquals(280.0, cutoff.getYData()[0]);
    assertEquals(280.0, cutoff.getYData()[1]);
    XYSeries target = startingWith(charts.main(), "target shade 3");
    assertEquals(1, target.getYAxisGroup(), "on the shade axis");
    assertEquals(3.0, target.getYData()[0]);
    assertEquals(1, startingWith(charts.main(), "shade achieved").getYAxisGroup());
  }

  @Test
  void theShadeAxisIsFixedNotAutoscaled() {
    assertEquals(-1.0, charts.main().getStyler().getYAxisMin(1));
    assertEquals(10.0, charts.main().getStyler().getYAxisMax(1));
  }

  @Test
  void faultOnsetTripAndHeatOffAreMarkedWhereTheyHappened() {
    assertEquals(
        5.0, startingWith(charts.main(), "injected heater-stuck-on at 5.0 s").getXData()[0]);
    XYSeries trip = startingWith(charts.main(), "trip HEATER_STUCK_ON");
    double tripS =
        result.events().stream()
            .filter(e -> e.event().startsWith("fault HEATER_STUCK_ON"))
            .findFirst()
            .orElseThrow()
            .atS();
    assertEquals(tripS, trip.getXData()[0]);
    assertEquals(tripS, trip.getXData()[1], "a vertical line");
    assertEquals(result.heatCutS(), startingWith(charts.main(), "heat off at").getXData()[0]);
    assertTrue(
        charts
            .main()
            .getSeriesMap()
            .containsKey(
                String.format(
                    java.util.Locale.ROOT, "heat off at %.1f s (carriage)", result.heatCutS())),
        charts.main().getSeriesMap().keySet().toString());
  }

  @Test
  void theHeaterHasItsOwnStripWithCurrentAndCommand() {
    assertFalse(
        charts.main().getSeriesMap().containsKey(CyclePlot.HEATER_SERIES),
        "not among the temperatures");
    XYSeries current = charts.heater().getSeriesMap().get(CyclePlot.HEATER_SERIES);
    assertNotNull(current);
    double[] y = current.getYData();
    double high = java.util.Arrays.stream(y).max().orElseThrow();
    double low = java.util.Arrays.stream(y).min().orElseThrow();
    assertTrue(high > low, "current both flows and stops");
    assertNotNull(charts.heater().getSeriesMap().get(CyclePlot.COMMAND_SERIES));
    assertEquals(
        charts.main().getStyler().getXAxisMax(),
        charts.heater().getStyler().getXAxisMax(),
        "one time axis");
  }

  @Test
  void everyVisibleLineContrastsWithTheWhiteBackground() {
    for (XYChart chart : new XYChart[] {charts.main(), charts.heater()}) {
      assertEquals(Color.WHITE, chart.getStyler().getPlotBackgroundColor());
      for (XYSeries s : chart.getSeriesMap().values()) {
        Color c = s.getLineColor();
        if (c.getAlpha() == 0) {
          continue;
        }
        double ratio = contrast(c, Color.WHITE);
        assertTrue(ratio >= 4.5, s.getName() + " has contrast " + ratio + ":1, below WCAG's 4.5:1");
      }
    }
  }

  /** WCAG 2 contrast ratio. */
  private static double contrast(Color a, Color b) {
    double la = luminance(a);
    double lb = luminance(b);
    return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
  }

  private static double luminance(Color c) {
    double[] rgb = {c.getRed() / 255.0, c.getGreen() / 255.0, c.getBlue() / 255.0};
    for (int i = 0; i < 3; i++) {
      rgb[i] = rgb[i] <= 0.03928 ? rgb[i] / 12.92 : Math.pow((rgb[i] + 0.055) / 1.055, 2.4);
    }
    return 0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2];
  }
}
