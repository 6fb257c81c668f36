package com.smarttoaster.evaluation;

import com.smarttoaster.scenario.Scenario;
import com.smarttoaster.simulation.CycleSimulation;
import com.smarttoaster.simulation.SimulationOptions;
import com.smarttoaster.simulation.SimulationResult;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * Runs a scenario set with several predictors on the simulated appliance (full cycles, real
 * supervisor and guard) and summarises the shade error per segment.
 */
public final class Evaluation {
  private final List<EvaluationRow> rows;

  private Evaluation(List<EvaluationRow> rows) {
    this.rows = List.copyOf(rows);
  }

  /**
   * Runs every scenario with every predictor. The oracle's time for a scenario comes from a run of
   * the oracle predictor on it without its faults: it searches the physics from the toaster's true
   * state at the lever press, earlier cycles' heat included.
   */
  public static Evaluation run(List<Scenario> scenarios, List<String> predictors) {
    return run(scenarios, predictors, true);
  }

  /**
   * As {@link #run(List, List)}, on appliances with or without the infrared bread thermometer (the
   * oracle's reference does not depend on it).
   */
  public static Evaluation run(
      List<Scenario> scenarios, List<String> predictors, boolean breadThermometer) {
    return run(scenarios, predictors, o -> o.withBreadThermometer(breadThermometer));
  }

  /**
   * As {@link #run(List, List)}, each predictor's run with its default options changed by {@code
   * adjust} (a toaster without the bread thermometer, a software restart before the measured
   * cycle); the oracle's reference is the same physics and does not depend on them.
   */
  public static Evaluation run(
      List<Scenario> scenarios, List<String> predictors, UnaryOperator<SimulationOptions> adjust) {
    List<EvaluationRow> rows = new ArrayList<>();
    for (Scenario s : scenarios) {
      SimulationResult oracle =
          new CycleSimulation(withoutFaults(s), SimulationOptions.defaults("oracle")).run(null);
      double oracleS = oracle.predictedS() == null ? Double.NaN : oracle.predictedS();
      for (String p : predictors) {
        SimulationResult r =
            p.equals("oracle") && s.faults().isEmpty()
                ? oracle
                : new CycleSimulation(s, adjust.apply(SimulationOptions.defaults(p))).run(null);
        rows.add(
            new EvaluationRow(
                s,
                p,
                r.predictor().id(),
                r.predictedS() == null ? 0 : r.predictedS(),
                oracleS,
                r.achievedShade(),
                Math.abs(r.achievedShade() - s.shade())));
      }
    }
    return new Evaluation(rows);
  }

  /** The scenario without injected faults or scripted actions, earlier cycles and mains kept. */
  public static Scenario withoutFaults(Scenario s) {
    return new Scenario(
        s.version(),
        s.name(),
        s.seed(),
        s.ambientC(),
        s.mainsVolts(),
        s.chamberStartC(),
        s.slices(),
        s.bread(),
        s.shade(),
        s.mode(),
        List.of(),
        List.of(),
        s.before(),
        s.configuredMainsVolts(),
        s.nominalMainsVolts());
  }

  /** Largest shade error of one predictor in one segment (NaN if empty). */
  public double max(String predictor, ScenarioSegment segment) {
    return rows.stream()
        .filter(r -> r.predictor().equals(predictor) && segment.includes().test(r.scenario()))
        .mapToDouble(EvaluationRow::shadeError)
        .max()
        .orElse(Double.NaN);
  }

  /** How many of one predictor's cycles used another predictor's time (the guard fell back). */
  public long fellBack(String predictor) {
    return rows.stream()
        .filter(r -> r.predictor().equals(predictor) && !r.usedPredictor().equals(predictor))
        .count();
  }

  public List<EvaluationRow> rows() {
    return rows;
  }

  /**
   * Mean and 95th percentile of the shade error for one predictor in one segment (NaN if empty).
   */
  public double[] meanAndP95(String predictor, ScenarioSegment segment) {
    double[] e =
        rows.stream()
            .filter(r -> r.predictor().equals(predictor) && segment.includes().test(r.scenario()))
            .mapToDouble(EvaluationRow::shadeError)
            .sorted()
            .toArray();
    if (e.length == 0) {
      return new double[] {Double.NaN, Double.NaN};
    }
    int p95 = Math.max(0, (int) Math.ceil(0.95 * e.length) - 1);
    return new double[] {Arrays.stream(e).average().orElse(Double.NaN), e[p95]};
  }

  public long count(ScenarioSegment segment, String predictor) {
    return rows.stream()
        .filter(r -> r.predictor().equals(predictor) && segment.includes().test(r.scenario()))
        .count();
  }

  /** The per-segment table: mean |achieved − target shade| (p95 in brackets) per predictor. */
  public String table(List<String> predictors) {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "%-14s %6s", "segment", "n"));
    for (String p : predictors) {
      sb.append(String.format(Locale.ROOT, " %20s", p));
    }
    sb.append("\n");
    for (ScenarioSegment seg : ScenarioSegment.standard()) {
      long n = count(seg, predictors.get(0));
      if (n == 0) {
        continue;
      }
      sb.append(String.format(Locale.ROOT, "%-14s %6d", seg.name(), n));
      for (String p : predictors) {
        double[] m = meanAndP95(p, seg);
        sb.append(String.format(Locale.ROOT, " %11.3f (%6.3f)", m[0], m[1]));
      }
      sb.append("\n");
    }
    sb.append("shade error: mean |achieved - target| (95th percentile), on the 1-7 scale\n");
    return sb.toString();
  }
}
