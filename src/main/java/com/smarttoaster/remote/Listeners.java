package com.smarttoaster.remote;

import com.smarttoaster.control.ControllerListener;
import com.smarttoaster.control.CyclePhase;
import com.smarttoaster.predict.Prediction;
import com.smarttoaster.predict.PredictionInput;
import com.smarttoaster.safety.Fault;
import com.smarttoaster.safety.SafetyListener;

/** Two listeners heard as one, first {@code a} then {@code b}. */
public final class Listeners {
  private Listeners() {}

  public static ControllerListener both(ControllerListener a, ControllerListener b) {
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
      public void onNote(String note, long atNanos) {
        a.onNote(note, atNanos);
        b.onNote(note, atNanos);
      }
    };
  }

  public static SafetyListener both(SafetyListener a, SafetyListener b) {
    if (b == SafetyListener.NONE) {
      return a;
    }
    return new SafetyListener() {
      @Override
      public void onFault(Fault fault) {
        a.onFault(fault);
        b.onFault(fault);
      }

      @Override
      public void onHeaterCommand(boolean on, long atNanos) {
        a.onHeaterCommand(on, atNanos);
        b.onHeaterCommand(on, atNanos);
      }

      @Override
      public void onCarriageReleased(long atNanos) {
        a.onCarriageReleased(atNanos);
        b.onCarriageReleased(atNanos);
      }
    };
  }
}
