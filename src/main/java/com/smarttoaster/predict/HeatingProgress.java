package com.smarttoaster.predict;

import java.util.Arrays;

/**
 * What the chamber thermocouple showed during the first seconds of heating: the rise of the reading
 * above the reading at the start, at {@link #AT_S}. A hot toaster, low mains or frozen bread change
 * how fast the chamber warms, so a second prediction made from this sees them instead of assuming
 * them.
 *
 * @param riseC reading minus the start reading, °C, at each of {@link #AT_S}
 */
public record HeatingProgress(double[] riseC) {
  /** Seconds of heating at which the chamber is sampled; the re-prediction happens at the last. */
  public static final double[] AT_S = {10.0, 20.0, 30.0};

  /**
   * Rises are given in steps of this, °C. A mean of 16 samples resolves far finer than the
   * MAX31855's 0.25 °C step (its noise dithers the step), and the CSV keeps a binary fraction
   * exactly; rounding the means to 0.25 °C threw away up to 0.125 °C, a quarter of a percent of
   * mains at the 30 s rise.
   */
  public static final double RISE_STEP_C = 1.0 / 32;

  public HeatingProgress {
    if (riseC == null || riseC.length != AT_S.length) {
      throw new IllegalArgumentException(
          "riseC needs " + AT_S.length + " readings, at " + Arrays.toString(AT_S) + " s");
    }
    riseC = riseC.clone();
  }

  /** When the re-prediction is made, s of heating. */
  public static double checkpointS() {
    return AT_S[AT_S.length - 1];
  }

  @Override
  public double[] riseC() {
    return riseC.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof HeatingProgress p && Arrays.equals(riseC, p.riseC);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(riseC);
  }

  @Override
  public String toString() {
    return "HeatingProgress" + Arrays.toString(riseC);
  }
}
