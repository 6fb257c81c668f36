package com.smarttoaster.monitoring;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Compares the rolling figures with the thresholds and says what crossed what: one message when a
 * figure goes beyond its limit and one when it is back within, never one per cycle while it stays
 * beyond (a toaster in a cold garage would otherwise report the same thing every morning). Not
 * thread-safe: one caller (the recorder's worker).
 */
public final class HealthCheck {
  private final HealthThresholds limits;
  private final Map<String, Boolean> beyond = new HashMap<>();

  public HealthCheck(HealthThresholds limits) {
    this.limits = limits;
  }

  public HealthThresholds limits() {
    return limits;
  }

  /**
   * The figures' verdicts now (for {@code monitor}): every figure beyond its limit, none if
   * healthy.
   */
  public static List<String> problems(RollingFigures f, HealthThresholds t) {
    List<String> out = new ArrayList<>();
    for (Verdict v : verdicts(f, t)) {
      if (v.beyond) {
        out.add(v.text);
      }
    }
    return out;
  }

  /** The crossings since the last call: figures that went beyond their limit or came back. */
  public List<String> crossings(RollingFigures f) {
    List<String> out = new ArrayList<>();
    for (Verdict v : verdicts(f, limits)) {
      Boolean was = beyond.put(v.name, v.beyond);
      if (v.beyond && !Boolean.TRUE.equals(was)) {
        out.add(v.text);
      } else if (!v.beyond && Boolean.TRUE.equals(was)) {
        out.add(v.name + " back within its limit: " + v.text);
      }
    }
    return out;
  }

  private record Verdict(String name, boolean beyond, String text) {}

  private static List<Verdict> verdicts(RollingFigures f, HealthThresholds t) {
    List<Verdict> out = new ArrayList<>();
    if (f.cycles() < t.minCycles()) {
      return out; // too few to tell
    }
    out.add(
        rate(
            "fallback rate",
            f.fallbackRate(),
            t.maxFallbackRate(),
            f.cycles(),
            "model.health.maxFallbackRate"));
    out.add(
        rate(
            "out-of-envelope rate",
            f.outOfEnvelopeRate(),
            t.maxOutOfEnvelopeRate(),
            f.cycles(),
            "model.health.maxOutOfEnvelopeRate"));
    if (f.rated() >= t.minCycles()) {
      out.add(
          rate(
              "too light or too dark ratings",
              f.unhappyRatingShare(),
              t.maxUnhappyRatingShare(),
              f.rated(),
              "model.health.maxUnhappyRatingShare"));
    }
    var drift = f.largestDrift();
    if (drift != null) {
      boolean over = drift.getValue() > t.maxInputDriftSd();
      out.add(
          new Verdict(
              "input drift",
              over,
              String.format(
                  Locale.ROOT,
                  "input drift: %s's mean over the last %d cycles is %.2f training σ from its training mean, %s the %.2f σ"
                      + " of model.health.maxInputDriftSd",
                  drift.getKey(),
                  f.cycles(),
                  drift.getValue(),
                  over ? "beyond" : "within",
                  t.maxInputDriftSd())));
    }
    return out;
  }

  private static Verdict rate(String name, double value, double limit, int of, String key) {
    boolean over = value > limit;
    return new Verdict(
        name,
        over,
        String.format(
            Locale.ROOT,
            "%s %.1f %% over the last %d cycles is %s the %.1f %%" + " of %s",
            name,
            100 * value,
            of,
            over ? "above" : "within",
            100 * limit,
            key));
  }
}
