package com.smarttoaster.predict;

/** A predictor that cannot answer at all (no model installed, model refused at load). */
public final class PredictorUnavailableException extends Exception {
  public PredictorUnavailableException(String message) {
    super(message);
  }
}
