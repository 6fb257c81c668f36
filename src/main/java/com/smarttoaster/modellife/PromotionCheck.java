package com.smarttoaster.modellife;

import com.smarttoaster.dataset.DatasetGenerator;
import com.smarttoaster.dataset.DatasetRow;
import com.smarttoaster.dataset.FeedbackToTrainingRows;
import com.smarttoaster.dataset.PredictorEvaluation;
import com.smarttoaster.dataset.Segment;
import com.smarttoaster.dataset.Split;
import com.smarttoaster.history.CycleRecord;
import com.smarttoaster.predict.CheckerBand;
import com.smarttoaster.predict.FallbackTimeTable;
import com.smarttoaster.predict.PredictionInput;
import com.smarttoaster.predict.ToastTimePredictor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

/**
 * Whether a candidate may replace the active model (issue 14, item 3): both are replayed on the
 * held-out test split on the simulator ({@link PredictorEvaluation}, the trainer's own evaluation:
 * the shade each predicted time actually gives) and compared segment by segment ({@link Segment});
 * the candidate is refused when its mean shade error on any segment with at least {@link
 * #MIN_SEGMENT_ROWS} rows is worse than the active model's by more than the margin (default {@value
 * #DEFAULT_MARGIN_SHADE} of a shade step). On the device's own rated cycles it is refused when its
 * mean relative distance from the time the user wanted (the training label a rating gives, {@link
 * FeedbackToTrainingRows}) is worse by more than the rated margin (default {@value #RATED_MARGIN});
 * real cycles cannot be replayed on the simulator (the bread's temperature is unknown), so they are
 * judged on time, not shade.
 *
 * <p>Each predictor answers as the guard would let it on the device: an answer it declines (an
 * input outside its envelope) or that is no usable time is the non-ML table's.
 */
public final class PromotionCheck {
  /** Largest allowed increase of a segment's mean shade error, in shade steps. */
  public static final double DEFAULT_MARGIN_SHADE = 0.05;

  /**
   * Segments with fewer test rows are shown but not judged: too few to tell a model from chance.
   */
  public static final int MIN_SEGMENT_ROWS = 30;

  /**
   * Default largest increase of the mean relative distance from the wanted time on rated cycles.
   */
  public static final double RATED_MARGIN = 0.02;

  /** Fewer rated cycles than this are shown but not judged. */
  public static final int MIN_RATED_CYCLES = 10;

  private PromotionCheck() {}

  /** One segment's comparison. */
  public record SegmentRow(
      String segment,
      int rows,
      double activeShadeMae,
      double candidateShadeMae,
      boolean judged,
      boolean worse) {}

  /**
   * The outcome.
   *
   * @param ratedCycles rated cycles compared (0 when none were given)
   * @param activeRatedError mean |t − wanted| / wanted of the active model on them (NaN without)
   * @param candidateRatedError the same for the candidate
   */
  public record Result(
      String active,
      String candidate,
      double margin,
      List<SegmentRow> segments,
      int ratedCycles,
      double activeRatedError,
      double candidateRatedError,
      List<String> refusals) {
    public boolean passed() {
      return refusals.isEmpty();
    }

    /** The segment table and the verdict, for {@code model promote}. */
    public String toText() {
      StringBuilder sb = new StringBuilder();
      sb.append(
          String.format(
              Locale.ROOT,
              "Candidate %s against active %s on the held-out test split"
                  + " (mean shade error; refused when worse by more than %.2f on a segment of %d+ rows):%n",
              candidate,
              active,
              margin,
              MIN_SEGMENT_ROWS));
      sb.append(
          String.format(
              Locale.ROOT, "%-56s %6s %8s %9s %s%n", "segment", "rows", "active", "candidate", ""));
      for (SegmentRow r : segments) {
        sb.append(
            String.format(
                Locale.ROOT,
                "%-56s %6d %8.3f %9.3f %s%n",
                r.segment(),
                r.rows(),
                r.activeShadeMae(),
                r.candidateShadeMae(),
                !r.judged() ? "(too few rows)" : r.worse() ? "WORSE" : "ok"));
      }
      if (ratedCycles == 0) {
        sb.append("Rated cycles of this device: none given\n");
      } else {
        sb.append(
            String.format(
                Locale.ROOT,
                "Rated cycles of this device: %d, distance from the wanted time %.1f %%"
                    + " active, %.1f %% candidate%s%n",
                ratedCycles,
                100 * activeRatedError,
                100 * candidateRatedError,
                ratedCycles < MIN_RATED_CYCLES ? " (too few to judge)" : ""));
      }
      sb.append(
          passed()
              ? "PASSED: the candidate is no worse on any segment\n"
              : "REFUSED: " + String.join("; ", refusals) + "\n");
      return sb.toString();
    }
  }

  /**
   * The held-out test split of a generated dataset (the rows the trainer tests on: simulated ones).
   */
  public static List<DatasetRow> testSplit(long seed, int rows) {
    List<DatasetRow> out = new ArrayList<>();
    for (DatasetRow r : DatasetGenerator.generate(seed, rows)) {
      if (r.split() == Split.TEST && r.breadStartC() != null) {
        out.add(r);
      }
    }
    return out;
  }

  /**
   * @param rated the device's cycle records (only rated, usable ones count); empty for none
   */
  public static Result compare(
      String activeName,
      ToastTimePredictor active,
      String candidateName,
      ToastTimePredictor candidate,
      List<DatasetRow> test,
      List<CycleRecord> rated,
      double margin) {
    return compare(activeName, active, candidateName, candidate, test, rated, margin, RATED_MARGIN);
  }

  /**
   * @param ratedMargin largest allowed increase of the mean distance from the wanted time on rated
   *     cycles
   */
  public static Result compare(
      String activeName,
      ToastTimePredictor active,
      String candidateName,
      ToastTimePredictor candidate,
      List<DatasetRow> test,
      List<CycleRecord> rated,
      double margin,
      double ratedMargin) {
    FallbackTimeTable table = new FallbackTimeTable();
    ToDoubleFunction<PredictionInput> a = asOnTheDevice(active, table);
    ToDoubleFunction<PredictionInput> c = asOnTheDevice(candidate, table);
    Map<String, ToDoubleFunction<PredictionInput>> both = new LinkedHashMap<>();
    both.put("active", a);
    both.put("candidate", c);
    PredictorEvaluation e = PredictorEvaluation.run(test, both);
    List<SegmentRow> rows = new ArrayList<>();
    List<String> refusals = new ArrayList<>();
    for (Segment s : Segment.all()) {
      PredictorEvaluation.Stats sa = e.stats("active", s);
      if (sa.n() == 0) {
        continue;
      }
      PredictorEvaluation.Stats sc = e.stats("candidate", s);
      boolean judged = sa.n() >= MIN_SEGMENT_ROWS;
      boolean worse = judged && sc.shadeMae() > sa.shadeMae() + margin;
      rows.add(new SegmentRow(s.name(), sa.n(), sa.shadeMae(), sc.shadeMae(), judged, worse));
      if (worse) {
        refusals.add(
            String.format(
                Locale.ROOT,
                "segment '%s': shade error %.3f against %.3f, worse by more than %.2f",
                s.name(),
                sc.shadeMae(),
                sa.shadeMae(),
                margin));
      }
    }
    int n = 0;
    double ea = 0;
    double ec = 0;
    for (CycleRecord r : rated) {
      Optional<DatasetRow> row = FeedbackToTrainingRows.row(r);
      if (row.isEmpty()) {
        continue;
      }
      double wanted = row.get().heaterOnS();
      ea += Math.abs(a.applyAsDouble(r.input()) - wanted) / wanted;
      ec += Math.abs(c.applyAsDouble(r.input()) - wanted) / wanted;
      n++;
    }
    double ra = n == 0 ? Double.NaN : ea / n;
    double rc = n == 0 ? Double.NaN : ec / n;
    if (n >= MIN_RATED_CYCLES && rc > ra + ratedMargin) {
      refusals.add(
          String.format(
              Locale.ROOT,
              "rated cycles: %.1f %% from the wanted time against %.1f %%, worse by"
                  + " more than %.0f points",
              100 * rc,
              100 * ra,
              100 * ratedMargin));
    }
    return new Result(activeName, candidateName, margin, rows, n, ra, rc, refusals);
  }

  /**
   * The predictor as the guard lets it answer: declined or unusable answers, and answers beyond its
   * card's checker band from the table's estimate, are the table's.
   */
  static ToDoubleFunction<PredictionInput> asOnTheDevice(
      ToastTimePredictor p, FallbackTimeTable table) {
    CheckerBand.Limits bands = CheckerBand.Limits.of(p);
    return in -> {
      double estimate = table.predictSeconds(CheckerBand.referenceInput(in));
      try {
        double s = p.predictSeconds(in);
        double allowed = bands.allowed(in, table.usesProgress()).band();
        if (Double.isFinite(s) && s > 0 && CheckerBand.disagreement(s, estimate) <= allowed) {
          return s;
        }
      } catch (Exception e) {
        // declined (outside its envelope) or failed: the device would use the table
      }
      return table.predictSeconds(in);
    };
  }
}
