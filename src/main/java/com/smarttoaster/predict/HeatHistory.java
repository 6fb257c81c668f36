package com.smarttoaster.predict;

/**
 * What the controller remembers of its own heating, as the heat it left in the toaster ({@link
 * StoredHeat}): two first-order filters of the element's power, one per part of the toaster that
 * holds heat between cycles. Several cycles accumulate. The chamber reading at the press shows the
 * air at the probe, which follows the walls; the boards that face the bread stay far hotter after a
 * cycle than that air says, and this is what a second batch 0–60 s after a first overshoots on.
 *
 * <pre>
 *   heating at power share p for t:  x ← x·e^(−t/τ) + p·τ·(1 − e^(−t/τ))
 *   resting for t:                   x ← x·e^(−t/τ)
 *   p = (configured mains / nominal mains)²   (the element's power against its rating)
 * </pre>
 *
 * x is heat held, in seconds of heating at rated power; a long heating fills it to p·τ. Only what
 * the controller knows goes in: when it asked for heat and for how long, and the configured mains.
 * The same class gives the dataset's feature ({@code dataset.BackToBackCycles}) and the device's
 * ({@code control.ToastController}); {@code StoredHeatParityTest} holds the two together.
 *
 * <p>Not thread-safe: the controller's thread only.
 */
public final class HeatHistory {
  /**
   * Time constant of the fast part, s: ribbons and mica boards (18 + 130 J/K) over their paths out
   * of the slots (chimney draught 0.84, boards to walls 0.46, boards and ribbons to the probe's air
   * 0.066 + 0.07 W/K): 148 / 1.436 = 103 s. From the simulator's own parts ({@code
   * hal.sim.ElementModel}, {@code ChamberModel}, {@code HeatPaths}); {@code
   * HeatHistoryTimeConstantsTest} recomputes it from them.
   */
  public static final double FAST_TAU_S = 103.0;

  /**
   * Time constant of the slow part, s: walls and the probe's air (560 + 5 J/K) over the housing's
   * loss to the room and the vents (1.9 + 0.02 W/K): 565 / 1.92 = 294 s. Same sources.
   */
  public static final double SLOW_TAU_S = 294.0;

  /**
   * Step of the estimate, s: 1/64 s, so that float (the model's input and the dataset's CSV) and
   * double hold the same value and a row read back equals the row generated.
   */
  public static final double STEP_S = 1.0 / 64;

  private double fastS;
  private double slowS;

  /**
   * Adds a heating that started {@code restBeforeS} after the previous one ended (ignored for the
   * first) and lasted {@code heatS} at {@code powerShare} of the rated power.
   *
   * @throws IllegalArgumentException for a negative or non-finite time or share
   */
  public void heated(double restBeforeS, double heatS, double powerShare) {
    check("restBeforeS", restBeforeS);
    check("heatS", heatS);
    check("powerShare", powerShare);
    fastS = fill(rest(fastS, restBeforeS, FAST_TAU_S), heatS, powerShare, FAST_TAU_S);
    slowS = fill(rest(slowS, restBeforeS, SLOW_TAU_S), heatS, powerShare, SLOW_TAU_S);
  }

  /** The heat still held {@code restS} after the last heating ended. */
  public StoredHeat after(double restS) {
    check("restS", restS);
    return new StoredHeat(
        step(rest(fastS, restS, FAST_TAU_S)), step(rest(slowS, restS, SLOW_TAU_S)));
  }

  /**
   * What this history holds at the end of its last heating, unrounded: the state a restarted
   * controller needs to go on ({@link #restored}).
   */
  public StoredHeat atLastHeatEnd() {
    return new StoredHeat(fastS, slowS);
  }

  /** A history that holds {@code atLastHeatEnd} at the end of its last heating. */
  public static HeatHistory restored(StoredHeat atLastHeatEnd) {
    HeatHistory h = new HeatHistory();
    h.fastS = atLastHeatEnd.fastS();
    h.slowS = atLastHeatEnd.slowS();
    return h;
  }

  /**
   * The heat one heating of {@code heatS} left {@code restS} later, when nothing is known of the
   * cycles before it (a record that kept only the last cycle).
   */
  public static StoredHeat afterOneCycle(double heatS, double restS, double powerShare) {
    HeatHistory h = new HeatHistory();
    h.heated(0.0, heatS, powerShare);
    return h.after(restS);
  }

  /** The element's power against its rating on a supply of {@code mainsVolts}. */
  public static double powerShare(double mainsVolts, double nominalMainsVolts) {
    double r = mainsVolts / nominalMainsVolts;
    return r * r;
  }

  private static double step(double x) {
    return Math.round(x / STEP_S) * STEP_S;
  }

  private static double rest(double x, double t, double tau) {
    return x * Math.exp(-t / tau);
  }

  private static double fill(double x, double t, double p, double tau) {
    double keep = Math.exp(-t / tau);
    return x * keep + p * tau * (1.0 - keep);
  }

  private static void check(String name, double v) {
    if (!(v >= 0) || Double.isInfinite(v)) {
      throw new IllegalArgumentException(name + " " + v + " must be finite and 0 or more");
    }
  }
}
