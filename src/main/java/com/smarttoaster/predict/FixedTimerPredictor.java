package com.smarttoaster.predict;

/**
 * A mechanical toaster: the shade knob sets a time and nothing else counts. Calibrated the way a
 * factory would, for white bread, 12 mm, two slices, a cold toaster at 230 V; it is the baseline
 * the other predictors are measured against.
 */
public final class FixedTimerPredictor implements ToastTimePredictor {
  @Override
  public PredictorName name() {
    return PredictorName.FIXED_TIMER;
  }

  @Override
  public double predictSeconds(PredictionInput input) {
    if (input.settings().mode() == com.smarttoaster.toast.ToastMode.REHEAT) {
      return ReheatTime.BASE_S;
    }
    return FallbackTimeTable.baseSecondsForShade(input.settings().shade());
  }
}
