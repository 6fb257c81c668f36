package com.smarttoaster.dataset;

import com.smarttoaster.hal.sim.ToasterPhysics;
import com.smarttoaster.predict.PredictionInput;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import java.util.stream.IntStream;

/**
 * Replays rows on the simulator: for each predictor and row, the shade that the predicted heater-on
 * time actually gives ({@link BackToBackCycles#shadeAfter} from the row's true toaster state: its
 * earlier cycles, the actual mains and the bread's temperature) and how far that is from the
 * target. Predictors see only the row's {@link PredictionInput} (with the heating progress; a
 * predictor for the start ignores it). The oracle (the row's label) is always evaluated too, as the
 * floor no predictor can beat.
 */
public final class PredictorEvaluation {
  /** Name of the built-in predictor that answers with the row's label. */
  public static final String ORACLE = "oracle";

  /**
   * One predictor's answer for one row.
   *
   * @param predictedS predicted heater-on time, s
   * @param achievedShade shade the simulator gives for that time
   * @param shadeError |achieved − target|
   * @param timeError |predicted − label|, s
   */
  public record Outcome(
      double predictedS, double achievedShade, double shadeError, double timeError) {}

  /**
   * Summary over a set of rows.
   *
   * @param n rows
   * @param shadeMae mean |achieved − target shade|
   * @param shadeP95 95th percentile of it
   * @param maeS mean |predicted − oracle time|, s
   * @param p95AbsErrS 95th percentile of it, s
   */
  public record Stats(int n, double shadeMae, double shadeP95, double maeS, double p95AbsErrS) {}

  private final List<DatasetRow> rows;
  private final Map<String, Outcome[]> outcomes;

  private PredictorEvaluation(List<DatasetRow> rows, Map<String, Outcome[]> outcomes) {
    this.rows = rows;
    this.outcomes = outcomes;
  }

  /**
   * Evaluates every predictor, then the oracle, on {@code rows} (which must be simulated rows: they
   * need the bread's true temperature). Rows are replayed in parallel; results do not depend on the
   * order.
   *
   * @param predictors name → heater-on time for an input, s (in table order)
   */
  public static PredictorEvaluation run(
      List<DatasetRow> rows, Map<String, ToDoubleFunction<PredictionInput>> predictors) {
    Map<String, ToDoubleFunction<DatasetRow>> byRow = new LinkedHashMap<>();
    predictors.forEach((name, f) -> byRow.put(name, r -> f.applyAsDouble(r.input())));
    return runOnRows(rows, byRow);
  }

  /**
   * Like {@link #run}, for predictors that need more of the row than its input (evaluation-only
   * references such as an oracle with a nominal bread temperature).
   */
  public static PredictorEvaluation runOnRows(
      List<DatasetRow> rows, Map<String, ToDoubleFunction<DatasetRow>> predictors) {
    List<DatasetRow> copy = List.copyOf(rows);
    ToasterPhysics[] starts = new ToasterPhysics[copy.size()];
    IntStream.range(0, copy.size()).parallel().forEach(i -> starts[i] = copy.get(i).startPhysics());
    Map<String, Outcome[]> out = new LinkedHashMap<>();
    for (Map.Entry<String, ToDoubleFunction<DatasetRow>> p : predictors.entrySet()) {
      if (p.getKey().equals(ORACLE)) {
        throw new IllegalArgumentException(
            "'" + ORACLE + "' is built in; give the other predictors only");
      }
      out.put(p.getKey(), replay(copy, starts, p.getValue()));
    }
    out.put(ORACLE, replay(copy, starts, DatasetRow::heaterOnS));
    return new PredictorEvaluation(copy, out);
  }

  private static Outcome[] replay(
      List<DatasetRow> rows, ToasterPhysics[] starts, ToDoubleFunction<DatasetRow> predict) {
    Outcome[] o = new Outcome[rows.size()];
    IntStream.range(0, rows.size())
        .parallel()
        .forEach(
            i -> {
              DatasetRow r = rows.get(i);
              double t = predict.applyAsDouble(r);
              if (!(t >= 0) || Double.isInfinite(t)) {
                throw new IllegalArgumentException(
                    "row " + r.id() + ": predicted " + t + " s is not a usable time");
              }
              double shade = BackToBackCycles.shadeAfter(starts[i], t);
              o[i] =
                  new Outcome(
                      t,
                      shade,
                      Math.abs(shade - r.settings().shade()),
                      Math.abs(t - r.heaterOnS()));
            });
    return o;
  }

  public List<String> predictors() {
    return List.copyOf(outcomes.keySet());
  }

  public List<DatasetRow> rows() {
    return rows;
  }

  /** The outcome of {@code predictor} for row {@code index} of {@link #rows()}. */
  public Outcome outcome(String predictor, int index) {
    return outcomes(predictor)[index];
  }

  public Stats stats(String predictor, Segment segment) {
    Outcome[] all = outcomes(predictor);
    List<Outcome> in = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      if (segment.contains(rows.get(i))) {
        in.add(all[i]);
      }
    }
    double[] shade = in.stream().mapToDouble(Outcome::shadeError).toArray();
    double[] time = in.stream().mapToDouble(Outcome::timeError).toArray();
    return new Stats(in.size(), mean(shade), p95(shade), mean(time), p95(time));
  }

  public Stats stats(String predictor) {
    return stats(predictor, Segment.all().get(0));
  }

  private Outcome[] outcomes(String predictor) {
    Outcome[] o = outcomes.get(predictor);
    if (o == null) {
      throw new IllegalArgumentException(
          "no predictor '" + predictor + "'; evaluated: " + outcomes.keySet());
    }
    return o;
  }

  static double mean(double[] v) {
    return v.length == 0 ? Double.NaN : Arrays.stream(v).sum() / v.length;
  }

  /** Nearest-rank 95th percentile. */
  static double p95(double[] v) {
    if (v.length == 0) {
      return Double.NaN;
    }
    double[] s = v.clone();
    Arrays.sort(s);
    return s[(int) Math.ceil(0.95 * s.length) - 1];
  }

  /**
   * A markdown table per segment: shade error (mean / p95) of every predictor, and the time error
   * of the first one against the oracle.
   */
  public String toMarkdown() {
    String first = predictors().get(0);
    StringBuilder sb = new StringBuilder();
    sb.append("| segment | rows |");
    for (String p : predictors()) {
      sb.append(' ').append(p).append(" shade err mean / p95 |");
    }
    sb.append(' ').append(first).append(" time err mean / p95 (s) |\n|---|---|");
    sb.append("---|".repeat(predictors().size() + 1)).append('\n');
    for (Segment seg : Segment.all()) {
      Stats head = stats(first, seg);
      if (head.n() == 0) {
        continue;
      }
      sb.append("| ").append(seg.name()).append(" | ").append(head.n()).append(" |");
      for (String p : predictors()) {
        Stats s = stats(p, seg);
        sb.append(String.format(Locale.ROOT, " %.3f / %.3f |", s.shadeMae(), s.shadeP95()));
      }
      sb.append(String.format(Locale.ROOT, " %.2f / %.2f |%n", head.maeS(), head.p95AbsErrS()));
    }
    return sb.toString();
  }
}
