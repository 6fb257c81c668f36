package com.smarttoaster.modellife;

import com.smarttoaster.history.ModelWatch;
import com.smarttoaster.history.ModelWatcher;
import com.smarttoaster.model.ModelCard;
import com.smarttoaster.monitoring.EnvelopeDistance;
import com.smarttoaster.predict.CheckerBand;
import com.smarttoaster.predict.FallbackTimeTable;
import com.smarttoaster.predict.Prediction;
import com.smarttoaster.predict.PredictionInput;
import com.smarttoaster.predict.ToastTimePredictor;
import com.smarttoaster.toast.ToastMode;
import org.jspecify.annotations.Nullable;

/**
 * The device's {@link ModelWatcher}: per cycle, the checker disagreement of the active model's
 * answer (used or refused) with the non-ML table, the inputs' distance outside the active model's
 * training envelope, and the shadow candidate's answer (started at the cycle's start, cut off at
 * its end). The active model and the candidate are swapped in by {@link RunningModel} as they
 * change; a cycle keeps those it started with.
 */
public final class CycleModelWatcher implements ModelWatcher, AutoCloseable {
  private final FallbackTimeTable table;
  private volatile ModelCard activeCard;
  private volatile ShadowModel shadow;

  /**
   * @param table the non-ML estimate the checker compares with (the guard's)
   */
  public CycleModelWatcher(FallbackTimeTable table) {
    this.table = table;
  }

  /**
   * The active model, whose envelope inputs are measured against; any predictor without a card
   * clears it.
   */
  public void active(ToastTimePredictor active) {
    this.activeCard = active instanceof com.smarttoaster.predict.ModelPredictor m ? m.card() : null;
  }

  /** The active model's card, or null when the active predictor has none. */
  public ModelCard activeCard() {
    return activeCard;
  }

  /** The shadow candidate, or null for none; the one replaced is closed. */
  public void shadow(@Nullable ShadowModel next) {
    ShadowModel old = shadow;
    shadow = next;
    if (old != null && old != next) {
      old.close(); // a run of it still in flight ends with a "cut off" note
    }
  }

  /** The current candidate's version, or null. */
  public String candidateVersion() {
    ShadowModel s = shadow;
    return s == null ? null : s.version();
  }

  @Override
  public Cycle begin(PredictionInput input, Prediction used) {
    if (input.settings().mode() == ToastMode.REHEAT) {
      return () -> ModelWatch.NONE; // the reheat rule, not a model, decides those
    }
    Double disagreement = null;
    if (used.hasPrimaryAnswer() && used.primaryS() > 0) {
      double estimate = table.predictSeconds(input);
      if (estimate > 0 && Double.isFinite(estimate)) {
        disagreement = CheckerBand.disagreement(used.primaryS(), estimate);
      }
    }
    ModelCard card = activeCard;
    Double distance = card == null ? null : EnvelopeDistance.of(card.features(), input);
    ShadowModel s = shadow;
    ShadowModel.Run run = s == null ? null : s.start(input);
    Double d = disagreement;
    return () -> {
      if (run == null) {
        return new ModelWatch(null, null, null, d, distance);
      }
      ShadowModel.Answer a = run.finish();
      return new ModelWatch(a.version(), a.seconds(), a.note(), d, distance);
    };
  }

  @Override
  public void close() {
    shadow(null);
  }
}
