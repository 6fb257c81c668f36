package com.smarttoaster.predict;

/**
 * Reheat is not about shade: it warms already-toasted bread for a short time without browning it
 * further, as real toasters do, so every predictor uses this one non-ML rule for it. A warm chamber
 * needs less; thicker bread a little more.
 */
public final class ReheatTime {
  static final double BASE_S = 35.0;

  private ReheatTime() {}

  public static double seconds(PredictionInput in) {
    double warmth = Math.max(0.0, in.chamberStartC() - in.ambientC());
    double warmFactor = Math.max(0.5, 1.0 - warmth / 300.0);
    double thicknessFactor = Math.sqrt(in.settings().thicknessMm() / 12.0);
    return BASE_S * warmFactor * thicknessFactor;
  }
}
