package com.smarttoaster.predict;

/** A predictor that cannot answer at all (no model installed, model refused at load). */
public final class PredictorUnavailableException extends Exception {
  private final String reason;

  public PredictorUnavailableException(String message) {
    super(message);
    this.reason = message;
  }

  /** Why the predictor cannot answer; never null (the one constructor takes it). */
  @Override
  public String getMessage() {
    return reason;
  }
}
