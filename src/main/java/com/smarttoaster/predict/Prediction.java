package com.smarttoaster.predict;

/**
 * The heating time a cycle will use and where it came from.
 *
 * @param seconds heater-on time, s
 * @param predictor name of the predictor that produced {@code seconds}
 * @param fallbackReason why the requested predictor was not used, or null when it was
 */
public record Prediction(double seconds, String predictor, String fallbackReason) {
  public boolean isFallback() {
    return fallbackReason != null;
  }
}
