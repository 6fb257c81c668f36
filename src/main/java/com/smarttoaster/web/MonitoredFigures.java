package com.smarttoaster.web;

import com.smarttoaster.monitoring.RollingFigures;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The device's rolling model figures as rows of the model page; a figure with no value yet is left
 * out.
 */
final class MonitoredFigures {
  private MonitoredFigures() {}

  static List<ModelHealth.Figure> of(RollingFigures f) {
    List<ModelHealth.Figure> rows = new ArrayList<>();
    int n = f.cycles();
    add(rows, "fallback rate", 100 * f.fallbackRate(), "%", n);
    add(rows, "out-of-envelope rate", 100 * f.outOfEnvelopeRate(), "%", n);
    add(rows, "mean checker disagreement", 100 * f.meanCheckerDisagreement(), "%", n);
    add(rows, "too light or too dark ratings", 100 * f.unhappyRatingShare(), "%", f.rated());
    if (f.candidateVersion() != null) {
      add(
          rows,
          "candidate " + f.candidateVersion() + ": mean difference from the time used",
          f.candidateMeanDifference(),
          "s",
          f.candidateAnswered());
    }
    Map.Entry<String, Double> drift = f.largestDrift();
    if (drift != null) {
      add(rows, "largest input drift (" + drift.getKey() + ")", drift.getValue(), "σ", n);
    }
    return rows;
  }

  private static void add(
      List<ModelHealth.Figure> rows, String name, double value, String unit, int over) {
    if (Double.isFinite(value)) {
      rows.add(new ModelHealth.Figure(name, value, unit, over));
    }
  }
}
