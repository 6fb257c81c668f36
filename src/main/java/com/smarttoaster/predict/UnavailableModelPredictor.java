package com.smarttoaster.predict;

/**
 * Stands in for the TFLite model until one is installed: always declines, so the guard uses the
 * fallback table and says why in the result.
 */
public final class UnavailableModelPredictor implements ToastTimePredictor {
  private final String reason;

  public UnavailableModelPredictor(String reason) {
    this.reason = reason;
  }

  /** Why there is no model, as every cycle's fallbackReason says. */
  public String reason() {
    return reason;
  }

  @Override
  public PredictorName name() {
    return PredictorName.MODEL;
  }

  @Override
  public double predictSeconds(PredictionInput input) throws PredictorUnavailableException {
    throw new PredictorUnavailableException(reason);
  }
}
