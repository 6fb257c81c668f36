package com.smarttoaster.fleet.rollout;

import java.util.Locale;

/**
 * When a canary is widened to the whole fleet or rolled back: once the canary and the rest each
 * have {@code minCycles} finished cycles (and as many ratings) since the rollout began, the canary
 * is rolled back when any of its figures is worse than the rest's by more than its margin, and
 * widened otherwise. The margins are absolute differences of rates; with 40 cycles a side, a
 * 15-point drop in "just right" is about two standard errors of the difference, so a model that is
 * merely as good is rarely rolled back, and a clearly worse one rarely slips through.
 *
 * @param minCycles cycles (and ratings) each side needs before anything is decided
 * @param maxFallbackRise how much higher the canary's fallback rate may be (0.10 = 10 points)
 * @param maxDisagreementRise how much higher the canary's checker-disagreement rate may be
 * @param maxJustRightDrop how much lower the canary's share of "just right" ratings may be
 */
public record RolloutPolicy(
    int minCycles, double maxFallbackRise, double maxDisagreementRise, double maxJustRightDrop) {
  public static final RolloutPolicy DEFAULT = new RolloutPolicy(40, 0.10, 0.10, 0.15);

  public RolloutPolicy {
    if (minCycles < 1 || minCycles > 100_000) {
      throw new IllegalArgumentException("minCycles " + minCycles + " is not within 1..100000");
    }
    for (double m : new double[] {maxFallbackRise, maxDisagreementRise, maxJustRightDrop}) {
      if (!(m >= 0 && m <= 1)) {
        throw new IllegalArgumentException("a rollout margin of " + m + " is not within 0..1");
      }
    }
  }

  /** What to do now, and why (with the figures that decided it). */
  public Verdict decide(CohortFigures canary, CohortFigures rest) {
    if (canary.cycles() < minCycles
        || rest.cycles() < minCycles
        || canary.rated() < minCycles
        || rest.rated() < minCycles) {
      return new Verdict(
          Verdict.Kind.WAIT,
          String.format(
              Locale.ROOT,
              "waiting for %d cycles and ratings a side" + " (canary %d/%d, rest %d/%d)",
              minCycles,
              canary.cycles(),
              canary.rated(),
              rest.cycles(),
              rest.rated()));
    }
    double fallbackRise = canary.fallbackRate() - rest.fallbackRate();
    if (fallbackRise > maxFallbackRise) {
      return rollback(
          "fallback rate",
          100 * canary.fallbackRate(),
          100 * rest.fallbackRate(),
          100 * maxFallbackRise,
          "higher");
    }
    double disagreementRise = canary.disagreementRate() - rest.disagreementRate();
    if (disagreementRise > maxDisagreementRise) {
      return rollback(
          "checker disagreement",
          100 * canary.disagreementRate(),
          100 * rest.disagreementRate(),
          100 * maxDisagreementRise,
          "higher");
    }
    double drop = rest.justRightShare() - canary.justRightShare();
    if (drop > maxJustRightDrop) {
      return rollback(
          "'just right' ratings",
          100 * canary.justRightShare(),
          100 * rest.justRightShare(),
          100 * maxJustRightDrop,
          "lower");
    }
    return new Verdict(
        Verdict.Kind.WIDEN,
        String.format(
            Locale.ROOT,
            "the canary is no worse than the rest within"
                + " the margins (fallback %+.0f, disagreement %+.0f, just right %+.0f points)",
            100 * fallbackRise,
            100 * disagreementRise,
            -100 * drop));
  }

  private static Verdict rollback(
      String what, double canary, double rest, double margin, String direction) {
    return new Verdict(
        Verdict.Kind.ROLL_BACK,
        String.format(
            Locale.ROOT,
            "canary %s %.0f %% against %.0f %% for the" + " rest: more than %.0f points %s",
            what,
            canary,
            rest,
            margin,
            direction));
  }

  /** A decision and its reason. */
  public record Verdict(Kind kind, String reason) {
    public enum Kind {
      WAIT,
      WIDEN,
      ROLL_BACK
    }
  }
}
