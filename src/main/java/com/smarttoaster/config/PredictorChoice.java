package com.smarttoaster.config;

import com.smarttoaster.predict.PredictorName;

/**
 * Which predictor a device uses. The simulator's {@code oracle} is deliberately absent: it reads
 * simulator internals and is for evaluation only.
 */
public enum PredictorChoice {
  /** The learned model, behind its guardrails and fallback. */
  MODEL(PredictorName.MODEL),
  /** The non-ML fallback time table. */
  FALLBACK(PredictorName.FALLBACK),
  /** A fixed time per shade, like a plain toaster. */
  FIXED_TIMER(PredictorName.FIXED_TIMER);

  private final PredictorName predictor;

  PredictorChoice(PredictorName predictor) {
    this.predictor = predictor;
  }

  /** The id used in the config file and on the command line. */
  public String id() {
    return predictor.id();
  }

  /** The predictor this choice names. */
  public PredictorName predictorName() {
    return predictor;
  }
}
