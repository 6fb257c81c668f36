package com.smarttoaster.control;

import com.smarttoaster.predict.Prediction;
import com.smarttoaster.predict.PredictionInput;

/** Receives what the controller does; called on the controller's thread, must not block. */
public interface ControllerListener {
  default void onPhaseChanged(CyclePhase from, CyclePhase to, long atNanos) {}

  default void onCycleStarted(PredictionInput input, Prediction prediction, long atNanos) {}

  /** A request was turned down (start interlock, remote start not armed, ...). */
  default void onRefused(String reason, long atNanos) {}

  /**
   * The cycle's total heating time was replaced by a re-prediction made from how the chamber warmed
   * during the first seconds of heating.
   *
   * @param before the prediction the cycle started with (or had until now)
   * @param after the new total, s of heating from the cycle's heat start
   * @param reason in words, e.g. "chamber warmed slower than expected for toast mode: ..."
   */
  default void onRePredicted(Prediction before, Prediction after, long atNanos, String reason) {}

  /**
   * At the press the bread thermometer's reading changed the mode the cycle is predicted for, or
   * the reading could not be used ({@link BreadCheck}); in words, e.g. "bread thermometer: bread at
   * -18.0 °C is frozen but the mode is toast; predicted as defrost".
   */
  default void onBreadChecked(String event, long atNanos) {}

  /** Something the user or the remote side did, in words, for the event log. */
  default void onNote(String note, long atNanos) {}

  /** Two listeners heard as one, first {@code a} then {@code b}. */
  static ControllerListener both(ControllerListener a, ControllerListener b) {
    if (b == ControllerListener.NONE) {
      return a;
    }
    return new ControllerListener() {
      @Override
      public void onPhaseChanged(CyclePhase from, CyclePhase to, long atNanos) {
        a.onPhaseChanged(from, to, atNanos);
        b.onPhaseChanged(from, to, atNanos);
      }

      @Override
      public void onCycleStarted(PredictionInput input, Prediction prediction, long atNanos) {
        a.onCycleStarted(input, prediction, atNanos);
        b.onCycleStarted(input, prediction, atNanos);
      }

      @Override
      public void onRefused(String reason, long atNanos) {
        a.onRefused(reason, atNanos);
        b.onRefused(reason, atNanos);
      }

      @Override
      public void onRePredicted(Prediction before, Prediction after, long atNanos, String reason) {
        a.onRePredicted(before, after, atNanos, reason);
        b.onRePredicted(before, after, atNanos, reason);
      }

      @Override
      public void onBreadChecked(String event, long atNanos) {
        a.onBreadChecked(event, atNanos);
        b.onBreadChecked(event, atNanos);
      }

      @Override
      public void onNote(String note, long atNanos) {
        a.onNote(note, atNanos);
        b.onNote(note, atNanos);
      }
    };
  }

  ControllerListener NONE = new ControllerListener() {};
}
