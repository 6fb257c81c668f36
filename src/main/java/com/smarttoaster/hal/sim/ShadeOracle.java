package com.smarttoaster.hal.sim;

/**
 * The simulator's best heating time for a shade: what a perfect predictor would say. Used to
 * evaluate predictors and to label training data; never by the controller.
 *
 * <p>A cycle here is: elements on with the bread in for {@code heatS}, then the carriage pops and
 * the bread cools in room air for {@link #COOL_S} (browning carries on for a second or two while
 * the surface is still hot). The final shade grows monotonically with {@code heatS}, so the time
 * for a target shade is found by bisection. To stay fast, the heating run is simulated once with a
 * snapshot every second; each probe restarts from the snapshot below it, so one search costs a
 * single heating run plus a few dozen short cool-downs (a few milliseconds).
 */
public final class ShadeOracle {
  /** Simulation step, s (the step the simulated appliance runs at). */
  static final double DT_S = 0.01;

  /** Cool-down after the pop, s: long enough for browning to stop. */
  static final double COOL_S = 10.0;

  /** Resolution of the returned heating time, s. */
  static final double RESOLUTION_S = 0.01;

  private static final int STEPS_PER_SNAPSHOT = 100;

  private ShadeOracle() {}

  /**
   * Final shade after heating for {@code heatS} and cooling for {@link #COOL_S}.
   *
   * @param c the appliance and bread
   * @param heatS heater-on time, s (≥ 0)
   * @return real-valued shade (see {@link ShadeScale})
   */
  public static double shadeAfter(ApplianceConditions c, double heatS) {
    requireTime("heatS", heatS);
    ToasterPhysics p = new ToasterPhysics(c);
    p.setElementPowered(true);
    long steps = Math.round(heatS / DT_S);
    for (long i = 0; i < steps; i++) {
      p.update(DT_S);
    }
    return finish(p);
  }

  /**
   * Heater-on time whose final shade equals {@code targetShade}, to {@link #RESOLUTION_S}.
   *
   * @param c the appliance and bread
   * @param targetShade 1 lightest … 7 darkest
   * @param maxS the longest heating time to consider, s
   * @return the time in seconds, or {@code maxS} if even {@code maxS} does not reach the shade
   */
  public static double bestHeatSeconds(ApplianceConditions c, int targetShade, double maxS) {
    return bestHeatSeconds(new ToasterPhysics(c), targetShade, maxS);
  }

  /**
   * Heater-on time whose final shade equals {@code targetShade}, starting from {@code start}: a
   * toaster in any state, e.g. still warm from earlier cycles with fresh bread just loaded ({@link
   * ToasterPhysics#loadBread}). {@code start} itself is not changed.
   */
  public static double bestHeatSeconds(ToasterPhysics start, int targetShade, double maxS) {
    requireTime("maxS", maxS);
    int snapshotCount = (int) Math.ceil(maxS) + 1;
    ToasterPhysics[] snapshots = new ToasterPhysics[snapshotCount];
    ToasterPhysics p = start.copy();
    p.setBreadInChamber(true);
    p.setElementPowered(true);
    snapshots[0] = p.copy();
    if (finish(p.copy()) >= targetShade) {
      return 0.0;
    }
    // March in one-second chunks until the shade in the chamber alone reaches the target: the
    // final shade (with carry-over while cooling) is at least that, so the answer lies below.
    int hi = -1;
    for (int k = 1; k < snapshotCount; k++) {
      double chunkS = Math.min(1.0, maxS - (k - 1));
      advance(p, chunkS);
      snapshots[k] = p.copy();
      if (p.achievedShade() >= targetShade) {
        hi = k;
        break;
      }
    }
    if (hi < 0) {
      hi = snapshotCount - 1;
      if (finish(snapshots[hi].copy()) < targetShade) {
        return maxS;
      }
    }
    // Smallest whole second whose final shade reaches the target.
    int lo = 0;
    while (hi - lo > 1) {
      int mid = (lo + hi) >>> 1;
      if (finish(snapshots[mid].copy()) >= targetShade) {
        hi = mid;
      } else {
        lo = mid;
      }
    }
    // Bisect inside the second [lo, hi] from the snapshot at lo.
    double a = 0.0;
    double b = Math.min(1.0, maxS - lo);
    while (b - a > RESOLUTION_S) {
      double m = 0.5 * (a + b);
      ToasterPhysics probe = snapshots[lo].copy();
      advance(probe, m);
      if (finish(probe) >= targetShade) {
        b = m;
      } else {
        a = m;
      }
    }
    return Math.min(maxS, lo + b);
  }

  private static void advance(ToasterPhysics p, double seconds) {
    long steps = Math.round(seconds / DT_S);
    for (long i = 0; i < steps; i++) {
      p.update(DT_S);
    }
  }

  /** Heat off, bread out, cool down; returns the final shade. Consumes {@code p}. */
  private static double finish(ToasterPhysics p) {
    p.setElementPowered(false);
    p.setBreadInChamber(false);
    advance(p, COOL_S);
    return p.achievedShade();
  }

  private static void requireTime(String name, double s) {
    if (!(s >= 0) || Double.isInfinite(s)) {
      throw new IllegalArgumentException(
          name + " " + s + " s must be a finite time of 0 s or more");
    }
  }
}
