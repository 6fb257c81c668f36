package com.smarttoaster.history;

import com.smarttoaster.predict.Prediction;
import com.smarttoaster.predict.PredictionInput;

/**
 * Watches the model on each cycle for the history ({@link ModelWatch}): the recorder calls {@link
 * #begin} when a cycle starts and {@link Cycle#end} when it ends, both on the controller's thread,
 * so neither may block or throw (the shadow candidate runs elsewhere and is cut off, never waited
 * for). An interface here so that the recorder needs nothing of the model's life cycle.
 */
public interface ModelWatcher {
  /** Watches nothing. */
  ModelWatcher NONE = (input, used) -> () -> ModelWatch.NONE;

  /** A cycle starts with {@code input}; {@code used} is the guarded prediction it heats for. */
  Cycle begin(PredictionInput input, Prediction used);

  /** One watched cycle. */
  interface Cycle {
    /** What was seen; never blocks (an unfinished shadow answer is cut off and noted). */
    ModelWatch end();
  }
}
