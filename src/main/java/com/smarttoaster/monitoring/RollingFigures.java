package com.smarttoaster.monitoring;

import com.smarttoaster.history.CycleOutcome;
import com.smarttoaster.history.CycleRecord;
import com.smarttoaster.history.Rating;
import com.smarttoaster.model.ModelCard;
import com.smarttoaster.predict.CheckerBand;
import com.smarttoaster.predict.ModelFeatures;
import com.smarttoaster.toast.ToastMode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The model's rolling figures over the latest cycles of the history: fallback rate, out-of-envelope
 * rate, rating mix, the shadow candidate's agreement, and input drift against the model card's
 * training distribution.
 *
 * <p>Eligible cycles are those a model decides: ended (done, cancelled or fault), not reheat (a
 * fixed rule), not refused. Drift is the shift of each continuous input's mean over the window from
 * its training mean, in training standard deviations (|mean − μ| / σ, both from the card). Not a
 * population stability index: that needs the training distribution's bin shares, and the card
 * records only each input's min, max, mean and standard deviation; a mean shift of one σ is the
 * kind of change (a colder kitchen, a new bread habit) worth a look.
 *
 * @param cycles eligible cycles in the window
 * @param fallbackRate share of eligible cycles that used the non-ML table; NaN with no cycles
 * @param outOfEnvelopeRate share whose inputs lay outside the training envelope (NaN with none)
 * @param meanCheckerDisagreement mean checker disagreement where the model answered (NaN: none)
 * @param ratings ratings in the window, by kind
 * @param candidateVersion the latest cycle's shadow candidate, or null
 * @param candidateAnswered cycles in which that candidate answered
 * @param candidateMeanDifference mean relative difference of its answers from the times used (NaN:
 *     none)
 * @param driftSd per input, |recent mean − training mean| / training σ; empty without a card
 */
public record RollingFigures(
    int cycles,
    double fallbackRate,
    double outOfEnvelopeRate,
    double meanCheckerDisagreement,
    Map<Rating, Integer> ratings,
    String candidateVersion,
    int candidateAnswered,
    double candidateMeanDifference,
    Map<String, Double> driftSd) {

  /** Inputs whose drift is measured: the continuous and count ones a kitchen can shift. */
  static final List<String> DRIFT_INPUTS =
      List.of("shade", "thicknessMm", "slices", "chamberStartC", "ambientC", "mainsVolts");

  /**
   * @param history cycle records, oldest first (only the latest {@code window} eligible ones count)
   * @param card the active model's card, or null (then no drift)
   */
  public static RollingFigures of(List<CycleRecord> history, int window, @Nullable ModelCard card) {
    List<CycleRecord> recent = new ArrayList<>();
    for (int i = history.size() - 1; i >= 0 && recent.size() < window; i--) {
      CycleRecord r = history.get(i);
      if (eligible(r)) {
        recent.add(0, r);
      }
    }
    int n = recent.size();
    int fallbacks = 0;
    int outside = 0;
    double disagreementSum = 0;
    int disagreements = 0;
    Map<Rating, Integer> ratings = new EnumMap<>(Rating.class);
    String candidate = n == 0 ? null : recent.get(n - 1).watch().candidateVersion();
    int answered = 0;
    double differenceSum = 0;
    for (CycleRecord r : recent) {
      if (r.prediction().isFallback()) {
        fallbacks++;
      }
      if (r.watch().outOfEnvelope()
          || (r.watch().envelopeDistance() == null
              && r.prediction().fallbackReason() != null
              && r.prediction().fallbackReason().contains("outside the training range"))) {
        outside++;
      }
      if (r.watch().checkerDisagreement() != null) {
        disagreementSum += r.watch().checkerDisagreement();
        disagreements++;
      }
      if (r.rating() != null) {
        ratings.merge(r.rating(), 1, Integer::sum);
      }
      if (candidate != null
          && candidate.equals(r.watch().candidateVersion())
          && r.watch().candidateS() != null) {
        answered++;
        differenceSum += CheckerBand.disagreement(r.watch().candidateS(), r.prediction().seconds());
      }
    }
    return new RollingFigures(
        n,
        share(fallbacks, n),
        share(outside, n),
        disagreements == 0 ? Double.NaN : disagreementSum / disagreements,
        ratings,
        candidate,
        answered,
        answered == 0 ? Double.NaN : differenceSum / answered,
        drift(recent, card));
  }

  static boolean eligible(CycleRecord r) {
    CycleOutcome o = r.outcome();
    return (o == CycleOutcome.DONE || o == CycleOutcome.CANCELLED || o == CycleOutcome.FAULT)
        && r.input().settings().mode() != ToastMode.REHEAT;
  }

  private static Map<String, Double> drift(List<CycleRecord> recent, @Nullable ModelCard card) {
    Map<String, Double> out = new LinkedHashMap<>();
    if (card == null || recent.isEmpty() || card.features().size() != ModelFeatures.COUNT) {
      return out;
    }
    for (String name : DRIFT_INPUTS) {
      int i = ModelFeatures.NAMES.indexOf(name);
      ModelCard.Feature f = card.features().get(i);
      if (!(f.std() > 0)) {
        continue;
      }
      double sum = 0;
      for (CycleRecord r : recent) {
        sum += ModelFeatures.encode(r.input())[i];
      }
      out.put(name, Math.abs(sum / recent.size() - f.mean()) / f.std());
    }
    return out;
  }

  private static double share(int k, int n) {
    return n == 0 ? Double.NaN : (double) k / n;
  }

  /** Ratings in the window. */
  public int rated() {
    return ratings.values().stream().mapToInt(Integer::intValue).sum();
  }

  /** Share of ratings that were too light or too dark; NaN without ratings. */
  public double unhappyRatingShare() {
    int rated = rated();
    return rated == 0
        ? Double.NaN
        : (double)
                (ratings.getOrDefault(Rating.TOO_LIGHT, 0)
                    + ratings.getOrDefault(Rating.TOO_DARK, 0))
            / rated;
  }

  /** The input that drifted most, or null. */
  public Map.Entry<String, Double> largestDrift() {
    return driftSd.entrySet().stream().max(Map.Entry.comparingByValue()).orElse(null);
  }

  /** The figures as aligned lines for {@code monitor}. */
  public String toText() {
    StringBuilder sb = new StringBuilder();
    line(sb, "cycles in the window", Integer.toString(cycles));
    line(sb, "fallback rate", percent(fallbackRate));
    line(sb, "out-of-envelope rate", percent(outOfEnvelopeRate));
    line(sb, "mean checker disagreement", percent(meanCheckerDisagreement));
    line(
        sb,
        "ratings",
        rated() == 0
            ? "none"
            : String.format(
                Locale.ROOT,
                "%d too light, %d just right, %d too dark",
                ratings.getOrDefault(Rating.TOO_LIGHT, 0),
                ratings.getOrDefault(Rating.JUST_RIGHT, 0),
                ratings.getOrDefault(Rating.TOO_DARK, 0)));
    line(
        sb,
        "shadow candidate",
        candidateVersion == null
            ? "none"
            : String.format(
                Locale.ROOT,
                "%s, answered %d of %d cycles, differs from the time used by %s on average",
                candidateVersion,
                candidateAnswered,
                cycles,
                percent(candidateMeanDifference)));
    if (driftSd.isEmpty()) {
      line(sb, "input drift", "unknown (no model card to compare with)");
    } else {
      StringBuilder d = new StringBuilder();
      driftSd.forEach(
          (k, v) ->
              d.append(d.length() == 0 ? "" : ", ")
                  .append(k)
                  .append(String.format(Locale.ROOT, " %.2f", v)));
      line(sb, "input drift (σ of training)", d.toString());
    }
    return sb.toString();
  }

  private static void line(StringBuilder sb, String name, String value) {
    sb.append(String.format(Locale.ROOT, "%-28s %s%n", name, value));
  }

  static String percent(double share) {
    return Double.isNaN(share) ? "n/a" : String.format(Locale.ROOT, "%.1f %%", 100 * share);
  }
}
