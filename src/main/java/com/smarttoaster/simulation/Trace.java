package com.smarttoaster.simulation;

import java.util.ArrayList;
import java.util.List;

/** Time series of one simulated cycle, for plots. Temperatures in °C, time in s. */
public final class Trace {
  /** One sample. {@code readingC} is NaN when the sensor gave no valid value. */
  public record Point(
      double atS,
      double chamberC,
      double readingC,
      double elementC,
      double breadSurfaceC,
      double breadCoreC,
      boolean heatFlowing,
      double shade) {}

  private final List<Point> points = new ArrayList<>();

  void add(Point p) {
    points.add(p);
  }

  public List<Point> points() {
    return List.copyOf(points);
  }
}
