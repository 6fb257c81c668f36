package com.smarttoaster.control;

import com.smarttoaster.predict.HeatingProgress;
import com.smarttoaster.predict.PredictionInput;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * The time {@link ToastController}'s schedule gives a cycle, worked out at once for an input that
 * already holds every rise (a dataset row, a simulated kitchen case): the start answer; when that
 * is over {@link ToastController#REPREDICT_MIN_S}, the answer with the first {@link
 * HeatingProgress#EARLY} rises; when the cycle then still heats at {@link
 * HeatingProgress#lateCheckpointS()}, the answer with all of them; each re-predicted total at least
 * the time already heated plus {@link ToastController#REPREDICT_MARGIN_S}. The trainer's evaluation
 * and the committed model's kitchen test both ask this, so neither keeps its own copy of the
 * controller's rules. (The controller asks the same questions as the cycle runs, through its
 * guard.)
 */
public final class RePredictionSchedule {
  private RePredictionSchedule() {}

  /**
   * @param answer the predictor's time for an input, s (the caller applies any guard)
   * @param in the cycle's input with all the rises it has (none, the first three, or all)
   */
  public static double cycleSeconds(ToDoubleFunction<PredictionInput> answer, PredictionInput in) {
    List<PredictionInput> asked = in.askedInACycle();
    double start = answer.applyAsDouble(asked.get(0));
    if (asked.size() == 1 || start <= ToastController.REPREDICT_MIN_S) {
      return start;
    }
    double first =
        Math.max(
            answer.applyAsDouble(asked.get(1)),
            HeatingProgress.checkpointS() + ToastController.REPREDICT_MARGIN_S);
    if (asked.size() == 2 || first <= HeatingProgress.lateCheckpointS()) {
      return first;
    }
    return Math.max(
        answer.applyAsDouble(asked.get(2)),
        HeatingProgress.lateCheckpointS() + ToastController.REPREDICT_MARGIN_S);
  }
}
