package com.smarttoaster.monitoring;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.smarttoaster.history.CycleRecord;
import com.smarttoaster.model.ModelCard;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * After each recorded cycle: the rolling figures over the latest cycles, the threshold crossings
 * since the last cycle (each one a {@code model-health} event), and the figures as the JSON of the
 * retained monitor topic that the Home Assistant sensors read. One caller at a time (the recorder's
 * worker).
 */
public final class ModelHealth {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HealthCheck check;
  private final Supplier<@Nullable ModelCard> activeCard;

  /** What one cycle's look gave. */
  public record Report(
      RollingFigures figures, List<String> crossings, List<String> problems, byte[] json) {}

  /**
   * @param activeCard the active model's card (null when the active predictor has none)
   */
  public ModelHealth(HealthThresholds limits, Supplier<@Nullable ModelCard> activeCard) {
    this.check = new HealthCheck(limits);
    this.activeCard = activeCard;
  }

  /**
   * How many records {@link #afterCycle} wants: enough for the window after non-eligible cycles are
   * skipped.
   */
  public int recordsWanted() {
    return 2 * check.limits().window();
  }

  /**
   * @param latest the latest cycle records, oldest first
   */
  public Report afterCycle(List<CycleRecord> latest) {
    ModelCard card = activeCard.get();
    RollingFigures f = RollingFigures.of(latest, check.limits().window(), card);
    List<String> crossings = check.crossings(f);
    List<String> problems = HealthCheck.problems(f, check.limits());
    return new Report(f, crossings, problems, json(f, problems, card));
  }

  static byte[] json(RollingFigures f, List<String> problems, ModelCard card) {
    ObjectNode n = JSON.createObjectNode();
    n.put("modelVersion", card == null ? null : card.modelVersion());
    n.put("cycles", f.cycles());
    number(n, "fallbackRate", f.fallbackRate());
    number(n, "outOfEnvelopeRate", f.outOfEnvelopeRate());
    number(n, "meanCheckerDisagreement", f.meanCheckerDisagreement());
    number(n, "unhappyRatingShare", f.unhappyRatingShare());
    ObjectNode ratings = n.putObject("ratings");
    f.ratings().forEach((r, k) -> ratings.put(r.id(), k));
    n.put("candidateVersion", f.candidateVersion());
    n.put("candidateAnswered", f.candidateAnswered());
    number(n, "candidateMeanDifference", f.candidateMeanDifference());
    ObjectNode drift = n.putObject("driftSd");
    f.driftSd().forEach(drift::put);
    var largest = f.largestDrift();
    number(n, "largestDriftSd", largest == null ? Double.NaN : largest.getValue());
    var list = n.putArray("problems");
    problems.forEach(list::add);
    return n.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static void number(ObjectNode n, String key, double v) {
    if (Double.isFinite(v)) {
      n.put(key, v);
    } else {
      n.putNull(key);
    }
  }
}
