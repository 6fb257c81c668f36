package com.smarttoaster.predict;

import org.jspecify.annotations.Nullable;

/**
 * The heating time a cycle will use and where it came from.
 *
 * @param seconds heater-on time, s
 * @param predictor the predictor that produced {@code seconds}
 * @param fallbackReason why the requested predictor was not used, or null when it was
 * @param primaryS what the guarded primary answered, s, whether or not it was used (a refused
 *     answer is kept so that monitoring can see how far the model and the checker disagreed); NaN
 *     when the primary gave no number (it threw, declined, timed out, or was not asked)
 */
public record Prediction(
    double seconds, PredictorName predictor, @Nullable String fallbackReason, double primaryS) {
  /** A prediction without a recorded primary answer. */
  public Prediction(double seconds, PredictorName predictor, @Nullable String fallbackReason) {
    this(seconds, predictor, fallbackReason, Double.NaN);
  }

  public boolean isFallback() {
    return fallbackReason != null;
  }

  /** True when the primary answered a number (used or not). */
  public boolean hasPrimaryAnswer() {
    return !Double.isNaN(primaryS);
  }
}
