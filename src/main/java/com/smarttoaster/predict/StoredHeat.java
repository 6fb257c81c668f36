package com.smarttoaster.predict;

/**
 * The controller's estimate of the heat its earlier cycles left in the toaster at a lever press
 * ({@link HeatHistory}), in seconds of heating at the element's rated power: how much of the heat
 * that went in is still in the part, by a first-order decay with that part's time constant. 0 for a
 * toaster whose controller has heated nothing (or has restarted since).
 *
 * @param fastS held by the fast part, the ribbons and the mica boards that face the bread; decays
 *     with {@link HeatHistory#FAST_TAU_S}, at most that many seconds times the power share
 * @param slowS held by the slow part, the reflectors, frame and housing around the probe; decays
 *     with {@link HeatHistory#SLOW_TAU_S}
 */
public record StoredHeat(double fastS, double slowS) {
  /** Nothing heated since the controller started. */
  public static final StoredHeat NONE = new StoredHeat(0.0, 0.0);

  public StoredHeat {
    if (!(fastS >= 0) || !(slowS >= 0) || Double.isInfinite(fastS) || Double.isInfinite(slowS)) {
      throw new IllegalArgumentException(
          "stored heat " + fastS + " s / " + slowS + " s must be finite and 0 or more");
    }
  }
}
