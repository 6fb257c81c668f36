package com.smarttoaster.model;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.smarttoaster.control.BreadCheck;
import com.smarttoaster.dataset.EnvelopeSampler;
import com.smarttoaster.dataset.SeedMix;
import com.smarttoaster.dataset.Split;
import com.smarttoaster.predict.CheckerBand;
import com.smarttoaster.predict.FallbackTimeTable;
import com.smarttoaster.predict.ModelCardChecks;
import com.smarttoaster.predict.ModelFeatures;
import com.smarttoaster.predict.PredictionInput;
import com.smarttoaster.predict.ToasterAtRest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Gives the committed card (src/main/resources/model) the checker bands (start, re-prediction)
 * measured for the committed network against the installed fallback table on its test split, and
 * seals it, without retraining: what the trainer does for a new model. Run once by hand ({@link
 * #main}) after the table or the card changes; CommittedCardTest checks the result.
 */
final class CommittedCardSeal {
  static final Path DIR = Path.of("src/main/resources/model");

  private CommittedCardSeal() {}

  /**
   * The test split's inputs as the controller asks both estimates: after the bread thermometer's
   * rule, with the part's raw readings the simulation gives (the boards read with the carriage up).
   */
  static List<PredictionInput> servedTestSplit(ModelCard card) {
    List<Long> seeds = new ArrayList<>();
    for (int i = 0; i < (int) card.dataRows(); i++) {
      long rowSeed = SeedMix.rowSeed(card.dataSeed(), i);
      if (Split.forRowSeed(rowSeed) == Split.TEST) {
        seeds.add(rowSeed);
      }
    }
    return seeds.parallelStream()
        .map(EnvelopeSampler::sample)
        .map(d -> BreadCheck.asPredicted(d.input(), d.breadApparentC(), d.boardReadC()))
        .toList();
  }

  /**
   * The start band of the committed network against the installed table over the card's test split.
   */
  static CheckerBand.Measurement measureStart(Mlp mlp, ModelCard card) {
    return CheckerBand.measure(
        servedTestSplit(card).stream().map(in -> in.withProgress(null)).toList(),
        network(mlp, card),
        new FallbackTimeTable());
  }

  /** The re-prediction band: the same over the test split's inputs with the heating progress. */
  static CheckerBand.Measurement measureProgress(Mlp mlp, ModelCard card) {
    return CheckerBand.measure(
        servedTestSplit(card).stream().filter(in -> in.progress() != null).toList(),
        network(mlp, card),
        new FallbackTimeTable());
  }

  /**
   * The band at rest: the same over the test split's start and re-prediction inputs from a toaster
   * at rest.
   */
  static CheckerBand.Measurement measureAtRest(Mlp mlp, ModelCard card) {
    List<PredictionInput> atRest = new ArrayList<>();
    for (PredictionInput in : servedTestSplit(card)) {
      if (ToasterAtRest.at(in)) {
        atRest.add(in.withProgress(null));
        if (in.progress() != null) {
          atRest.add(in);
        }
      }
    }
    return CheckerBand.measure(atRest, network(mlp, card), new FallbackTimeTable());
  }

  private static java.util.function.ToDoubleFunction<PredictionInput> network(
      Mlp mlp, ModelCard card) {
    return in -> card.seconds(mlp.forward(card.scale(ModelFeatures.encode(in)))[0]);
  }

  public static void main(String[] args) throws IOException {
    ObjectMapper json = new ObjectMapper();
    Mlp mlp = json.readValue(DIR.resolve("toast-time.mlp.json").toFile(), Mlp.class);
    ModelCard card = json.readValue(DIR.resolve("toast-time.card.json").toFile(), ModelCard.class);
    byte[] tflite = Files.readAllBytes(DIR.resolve("toast-time.tflite"));
    CheckerBand.Measurement start = measureStart(mlp, card);
    CheckerBand.Measurement progress = measureProgress(mlp, card);
    CheckerBand.Measurement atRest = measureAtRest(mlp, card);
    ModelCard sealed =
        ModelCardChecks.seal(
            card.withCheckerBands(start.band(), progress.band(), atRest.band()), tflite);
    json.enable(SerializationFeature.INDENT_OUTPUT)
        .writeValue(DIR.resolve("toast-time.card.json").toFile(), sealed);
    System.out.println(
        start + "; " + progress + "; " + atRest + "; sealed " + sealed.integritySha256());
  }
}
