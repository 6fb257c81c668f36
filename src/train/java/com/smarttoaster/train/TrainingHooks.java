package com.smarttoaster.train;

import com.smarttoaster.control.BreadCheck;
import com.smarttoaster.dataset.DatasetRow;
import com.smarttoaster.dataset.EnvelopeSampler;
import com.smarttoaster.dataset.RowSource;
import com.smarttoaster.model.ModelCard;
import com.smarttoaster.predict.CheckerBand;
import com.smarttoaster.predict.FallbackCoefficients;
import com.smarttoaster.predict.FallbackTimeTable;
import com.smarttoaster.predict.InvalidFallbackTableException;
import com.smarttoaster.predict.ModelCardChecks;
import com.smarttoaster.predict.ModelFeatures;
import com.smarttoaster.predict.PredictionInput;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import org.jspecify.annotations.Nullable;

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
 */
final class TrainingHooks {
  private TrainingHooks() {}

  /** What a hook may look at. */
  record Run(
      List<DatasetRow> train,
      List<DatasetRow> validation,
      List<DatasetRow> test,
      ToDoubleFunction<PredictionInput> network,
      FallbackTimeTable fallback,
      Path out) {}

  /** Fits the non-ML fallback to the training rows and writes its table into {@code out}. */
  @FunctionalInterface
  interface FallbackFit {
    FallbackTimeTable fit(List<DatasetRow> train, long dataSeed, Path out) throws IOException;
  }

  /** One step on the finished card (measure band, seal, ...); returns the card to write. */
  @FunctionalInterface
  interface CardStep {
    ModelCard apply(ModelCard card, Run run) throws IOException;
  }

  /** The table file a run writes beside the model (and installs with it). */
  static final String FALLBACK_FILE = "fallback-table.json";

  /**
   * The fitted fallback: least squares on the train split ({@link
   * com.smarttoaster.dataset.FallbackFit}).
   */
  static final FallbackFit FIT_FALLBACK =
      (train, seed, out) -> {
        FallbackCoefficients c;
        try {
          c =
              com.smarttoaster.dataset.FallbackFit.fitAndWrite(
                  train, seed, out.resolve(FALLBACK_FILE));
        } catch (IllegalArgumentException e) {
          // A small trial run (a few hundred rows) cannot fit hundreds of terms: keep the installed
          // table.
          System.err.printf(
              Locale.ROOT,
              "fallback table not refitted, the installed one is used: %s%n",
              e.getMessage());
          return new FallbackTimeTable();
        }
        try {
          return new FallbackTimeTable(c);
        } catch (InvalidFallbackTableException e) {
          throw new IOException("the fitted fallback table is unusable: " + e.getMessage(), e);
        }
      };

  /**
   * The checker bands, measured on the test split between the network and the fitted table, one
   * over the start inputs, one over the re-prediction inputs and one over both from a toaster at
   * rest, then the seal over card and model.
   */
  static final List<CardStep> CARD_STEPS = List.of(TrainingHooks::measureBand, TrainingHooks::seal);

  static ModelCard measureBand(ModelCard card, Run run) {
    CheckerBand.Bands b =
        CheckerBand.measureAll(
            run.test().parallelStream().map(TrainingHooks::served).toList(),
            run.network(),
            run.fallback());
    System.err.printf(Locale.ROOT, "checker band, start: %s%n", b.start());
    System.err.printf(Locale.ROOT, "checker band, toaster at rest: %s%n", b.atRest());
    System.err.printf(Locale.ROOT, "checker band, re-prediction: %s%n", b.progress());
    System.err.printf(Locale.ROOT, "checker band, just after a cycle: %s%n", b.justUsed());
    return card.withCheckerBands(
        b.start().band(), band(b.progress()), band(b.atRest()), band(b.justUsed()));
  }

  private static @Nullable Double band(CheckerBand.@Nullable Measurement m) {
    return m == null ? null : m.band();
  }

  /**
   * A test row as the controller asks both estimates: after the bread thermometer's rule (frozen
   * bread in toast mode is predicted as defrost), which the table relies on. A simulated row is
   * simulated again for the part's raw readings the controller judges (the boards read with the
   * carriage up, a bread reading above the model's range), which the CSV does not keep; a recorded
   * row, or one another generator made, is judged on its input's reading alone.
   */
  static PredictionInput served(DatasetRow r) {
    if (r.source() == RowSource.SIMULATED) {
      EnvelopeSampler.Draw d = EnvelopeSampler.sample(r.rowSeed());
      if (Arrays.equals(ModelFeatures.encode(d.input()), ModelFeatures.encode(r.input()))) {
        return BreadCheck.asPredicted(r.input(), d.breadApparentC(), d.boardReadC());
      }
    }
    return BreadCheck.asPredicted(r.input());
  }

  static ModelCard seal(ModelCard card, Run run) throws IOException {
    Path model = run.out().resolve(card.modelFile());
    if (!Files.exists(model)) {
      return card; // no exporter wired: nothing to seal against
    }
    return ModelCardChecks.seal(card, Files.readAllBytes(model));
  }

  static ModelCard applyCardSteps(ModelCard card, Run run) throws IOException {
    ModelCard c = card;
    for (CardStep step : CARD_STEPS) {
      c = step.apply(c, run);
    }
    return c;
  }
}
