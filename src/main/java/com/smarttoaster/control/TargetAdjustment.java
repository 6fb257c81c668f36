package com.smarttoaster.control;

import com.smarttoaster.toast.ToastSettings;

/**
 * Changes the settings a cycle is predicted for, between the user's request and the predictor: the
 * household's learned taste ({@code com.smarttoaster.taste.TasteBook}). The controller keeps the
 * final say: it takes only a shade change of at most {@link #MAX_SHADE_STEPS} within the knob's
 * scale and nothing else, so no adjustment can ask for a toast the user could not ask for (the
 * guard's per-mode time limits and the supervisor apply after it, as to any prediction).
 */
@FunctionalInterface
public interface TargetAdjustment {
  /** The most an adjustment may move the shade, in knob steps. */
  int MAX_SHADE_STEPS = 1;

  /** The settings to predict for, given what the user asked; return {@code asked} for no change. */
  ToastSettings forPrediction(ToastSettings asked);

  TargetAdjustment NONE = asked -> asked;
}
