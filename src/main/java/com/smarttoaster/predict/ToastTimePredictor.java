package com.smarttoaster.predict;

/** Predicts how long to heat. Implementations may be slow, wrong or throw; callers guard them. */
public interface ToastTimePredictor {
  /** The predictor's name as used on the command line and in results. */
  String name();

  /** Heater-on time in seconds for the given input. */
  double predictSeconds(PredictionInput input) throws Exception;
}
