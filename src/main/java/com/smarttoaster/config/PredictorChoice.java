package com.smarttoaster.config;

/**
 * Which predictor a device uses. The simulator's {@code oracle} is deliberately absent: it reads
 * simulator internals and is for evaluation only.
 */
public enum PredictorChoice {
  /** The learned model, behind its guardrails and fallback. */
  MODEL("model"),
  /** The non-ML fallback time table. */
  FALLBACK("fallback"),
  /** A fixed time per shade, like a plain toaster. */
  FIXED_TIMER("fixed-timer");

  private final String id;

  PredictorChoice(String id) {
    this.id = id;
  }

  /** The id used in the config file and on the command line. */
  public String id() {
    return id;
  }
}
