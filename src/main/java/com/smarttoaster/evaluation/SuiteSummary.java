package com.smarttoaster.evaluation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** One line per kitchen suite: each predictor's mean, 95th percentile and worst shade error. */
public final class SuiteSummary {
  private final List<String> predictors;
  private final StringBuilder lines = new StringBuilder();
  private final List<String> suites = new ArrayList<>();

  public SuiteSummary(List<String> predictors) {
    this.predictors = List.copyOf(predictors);
  }

  public void add(String suite, Evaluation e) {
    ScenarioSegment all = ScenarioSegment.standard().get(0);
    suites.add(suite);
    lines.append(String.format(Locale.ROOT, "| %s | %d |", suite, e.count(all, predictors.get(0))));
    for (String p : predictors) {
      double[] m = e.meanAndP95(p, all);
      lines.append(String.format(Locale.ROOT, " %.3f / %.2f / %.2f |", m[0], m[1], e.max(p, all)));
    }
    if (predictors.contains("model")) {
      lines.append(String.format(Locale.ROOT, " %d |", e.fellBack("model")));
    }
    lines.append('\n');
  }

  /**
   * A Markdown table: suite, n, then mean / p95 / max per predictor (and the model's fallbacks).
   */
  public String table() {
    StringBuilder sb = new StringBuilder("| suite | n |");
    for (String p : predictors) {
      sb.append(' ').append(p).append(" mean / p95 / max |");
    }
    if (predictors.contains("model")) {
      sb.append(" model cycles on the fallback |");
    }
    sb.append("\n|---|---|");
    sb.append("---|".repeat(predictors.size() + (predictors.contains("model") ? 1 : 0)));
    sb.append('\n').append(lines);
    sb.append("shade error |achieved - target| on the 1-7 scale\n");
    return sb.toString();
  }
}
