package com.smarttoaster.predict;

import java.util.Arrays;

/**
 * What the chamber thermocouple showed during the first seconds of heating: the rise of the reading
 * above the reading at the start, at {@link #AT_S}. A hot toaster, low mains or frozen bread change
 * how fast the chamber warms, so a prediction made from this sees them instead of assuming them.
 *
 * <p>Two re-predictions read it: the first at {@link #checkpointS()} with the first {@link #EARLY}
 * rises, the second at {@link #lateCheckpointS()} with all of them. Right after a cycle the first
 * 30 s mostly show the heat the boards still hold; a supply a few percent off its configured
 * voltage only separates from that over the next half minute (README, "The second re-prediction").
 *
 * @param riseC reading minus the start reading, °C, at the first {@link #EARLY} or at all of {@link
 *     #AT_S}
 */
public record HeatingProgress(double[] riseC) {
  /**
   * Seconds of heating at which the chamber is sampled; the re-predictions happen at the {@link
   * #EARLY}th and at the last.
   */
  public static final double[] AT_S = {10.0, 20.0, 30.0, 40.0, 50.0, 60.0};

  /** How many of {@link #AT_S} the first re-prediction has. */
  public static final int EARLY = 3;

  /**
   * Each rise (and the reference before the heat) is the mean of the chamber samples of this long
   * before its mark, s: about 27 samples, one every 0.15 s. The MAX31855's noise (σ ≈ 0.3 °C) on a
   * single sample is as much as 1 % of mains; over 1 s (8 samples) the kitchen suites scored
   * realistic 0.189 / second batch 0.243 (seed 11), over 2 s 0.165 / 0.221, over 4 s 0.159 / 0.206,
   * over 6 s 0.169 / 0.214 (README, "The chamber's rise").
   */
  public static final double AVERAGE_S = 4.0;

  /**
   * Rises are given in steps of this, °C. A mean of many samples resolves far finer than the
   * MAX31855's 0.25 °C step (its noise dithers the step), and the CSV keeps a binary fraction
   * exactly; rounding the means to 0.25 °C threw away up to 0.125 °C, a quarter of a percent of
   * mains at the 30 s rise.
   */
  public static final double RISE_STEP_C = 1.0 / 32;

  public HeatingProgress {
    if (riseC == null || (riseC.length != EARLY && riseC.length != AT_S.length)) {
      throw new IllegalArgumentException(
          "riseC needs "
              + EARLY
              + " or "
              + AT_S.length
              + " readings, at "
              + Arrays.toString(AT_S)
              + " s");
    }
    riseC = riseC.clone();
  }

  /**
   * A rise as the model is given it: the mean of the window before a mark less the reference mean
   * before the heat, in {@link #RISE_STEP_C} steps. The controller and the dataset both call this,
   * so the training data's rises are the device's.
   */
  public static double rise(double windowMeanC, double referenceC) {
    return Math.round((windowMeanC - referenceC) / RISE_STEP_C) * RISE_STEP_C;
  }

  /** When the first re-prediction is made, s of heating. */
  public static double checkpointS() {
    return AT_S[EARLY - 1];
  }

  /** When the second re-prediction is made, s of heating. */
  public static double lateCheckpointS() {
    return AT_S[AT_S.length - 1];
  }

  /** True for the second re-prediction's progress (all of {@link #AT_S}). */
  public boolean isLate() {
    return riseC.length == AT_S.length;
  }

  /** The first re-prediction's part of this: the first {@link #EARLY} rises. */
  public HeatingProgress early() {
    return isLate() ? new HeatingProgress(Arrays.copyOf(riseC, EARLY)) : this;
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
