package com.smarttoaster.train;

import com.smarttoaster.dataset.DatasetRow;
import com.smarttoaster.model.Mlp;
import com.smarttoaster.model.ModelCard;
import com.smarttoaster.predict.FallbackTimeTable;
import com.smarttoaster.predict.ToastTimePredictor;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Where the non-ML checker's work joins a training run (issue 11, the checker branch). {@link
 * TrainCommand} calls them in this order, and nowhere else:
 *
 * <ol>
 *   <li>{@link #FIT_FALLBACK} after training and before evaluation, on the train split: the fitted
 *       fallback table is then the {@code fallback} column of the metrics;
 *   <li>{@link #CARD_STEPS} on the finished card, before it is written: e.g. "measure the checker
 *       band" on the validation split, then "seal the card" (always last: a seal covers every other
 *       field, {@code tfliteSha256} included).
 * </ol>
 *
 * Until the branches merge, the fallback is the built-in table and the card passes unchanged.
 */
final class TrainingHooks {
  private TrainingHooks() {}

  /** What a hook may look at. */
  record Run(List<DatasetRow> train, List<DatasetRow> validation, List<DatasetRow> test, Mlp mlp,
      ToastTimePredictor fallback, Path out) {}

  /** Fits the non-ML fallback to the training rows. */
  @FunctionalInterface
  interface FallbackFit {
    ToastTimePredictor fit(List<DatasetRow> train) throws IOException;
  }

  /** One step on the finished card (measure band, seal, ...); returns the card to write. */
  @FunctionalInterface
  interface CardStep {
    ModelCard apply(ModelCard card, Run run) throws IOException;
  }

  /** Wire the fitted fallback here (e.g. {@code FallbackTimeTable::fit}). */
  static final FallbackFit FIT_FALLBACK = train -> new FallbackTimeTable();

  /** Wire "measure band" and then "seal card" here, in that order. */
  static final List<CardStep> CARD_STEPS = List.of();

  static ModelCard applyCardSteps(ModelCard card, Run run) throws IOException {
    ModelCard c = card;
    for (CardStep step : CARD_STEPS) {
      c = step.apply(c, run);
    }
    return c;
  }
}
