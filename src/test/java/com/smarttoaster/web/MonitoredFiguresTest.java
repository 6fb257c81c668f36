package com.smarttoaster.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.smarttoaster.history.Rating;
import com.smarttoaster.monitoring.RollingFigures;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MonitoredFiguresTest {
  @Test
  void theDevicesRollingFiguresBecomeRowsOfTheModelPage() {
    RollingFigures f =
        new RollingFigures(
            20,
            0.1,
            0.05,
            0.12,
            Map.of(Rating.TOO_LIGHT, 1, Rating.JUST_RIGHT, 3),
            "2027.01.01-data1-train2",
            18,
            2.5,
            Map.of("ambientC", 0.4, "mainsVolts", 1.3));

    List<ModelHealth.Figure> rows = MonitoredFigures.of(f);

    assertEquals(
        List.of(
            "fallback rate",
            "out-of-envelope rate",
            "mean checker disagreement",
            "too light or too dark ratings",
            "candidate 2027.01.01-data1-train2: mean difference from the time used",
            "largest input drift (mainsVolts)"),
        rows.stream().map(ModelHealth.Figure::name).toList());
    assertEquals(10.0, rows.get(0).value(), 1e-9);
    assertEquals(25.0, rows.get(3).value(), 1e-9);
    assertEquals(4, rows.get(3).overCycles());
    assertEquals(1.3, rows.get(5).value(), 1e-9);
  }

  @Test
  void figuresWithoutAValueYetAreLeftOut() {
    RollingFigures f =
        new RollingFigures(
            0, Double.NaN, Double.NaN, Double.NaN, Map.of(), null, 0, Double.NaN, Map.of());

    assertTrue(MonitoredFigures.of(f).isEmpty());
  }
}
