package com.smarttoaster.predict;

/**
 * Whether the toaster holds heat the non-ML table knows least about when a cycle starts: a cycle's
 * heat stopped less than {@link #WITHIN_S} ago, or the toaster is warm (not {@link ToasterAtRest})
 * while the controller knows no cycle at all (it restarted and forgot its last one, or the heat
 * came from elsewhere). Right after a cycle the elements and boards are far hotter than the air at
 * the probe and fall fast; without a known cycle the stored heat reads 0 however warm the toaster
 * is. The network learns both from many examples; the table's cubic bends too little.
 *
 * <p>The checker measures a band of its own for such inputs ({@link CheckerBand}): on the test
 * split of generator 10 the model and the table disagreed there by up to 21 % (99.5 %), against
 * 12–14 % elsewhere, and every one of the 38 answers the general bands refused there was closer to
 * the oracle's time than the table's (README, "The checker right after a cycle").
 */
public final class ToasterJustUsed {
  /**
   * A cycle's heat stopped less than this ago, s: a bit over one time constant of the elements and
   * boards ({@link HeatHistory#FAST_TAU_S}, 103 s), while they still hold a third of their heat.
   */
  public static final double WITHIN_S = 120.0;

  private ToasterJustUsed() {}

  /** True for an input from a toaster just used, or warm with no known cycle. */
  public static boolean at(PredictionInput in) {
    if (ToasterAtRest.at(in)) {
      return false;
    }
    return in.sinceLastCycleS() < WITHIN_S || !in.hasRecentCycle();
  }
}
