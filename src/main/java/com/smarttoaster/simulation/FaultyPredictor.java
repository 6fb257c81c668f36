package com.smarttoaster.simulation;

import com.smarttoaster.predict.PredictionInput;
import com.smarttoaster.predict.ToastTimePredictor;

/**
 * Wraps the chosen predictor and makes it misbehave on cue, so scenarios can check the guardrails
 * with the real guard and the real fallback.
 */
final class FaultyPredictor implements ToastTimePredictor {
  enum Misbehaviour { NONE, NAN, EXTREME, ERROR, HANG }

  private final ToastTimePredictor inner;
  private volatile Misbehaviour misbehaviour = Misbehaviour.NONE;
  private volatile double extremeSeconds;

  FaultyPredictor(ToastTimePredictor inner) {
    this.inner = inner;
  }

  void misbehave(Misbehaviour how, double seconds) {
    this.misbehaviour = how;
    this.extremeSeconds = seconds;
  }

  @Override
  public String name() {
    return inner.name();
  }

  @Override
  public double predictSeconds(PredictionInput input) throws Exception {
    switch (misbehaviour) {
      case NAN:
        return Double.NaN;
      case EXTREME:
        return extremeSeconds;
      case ERROR:
        throw new IllegalStateException("injected predictor error");
      case HANG:
        Thread.sleep(Long.MAX_VALUE);
        return 0;
      default:
        return inner.predictSeconds(input);
    }
  }
}
