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
   * The committed network's three bands against the installed table over the card's test split, as
   * the trainer measures them.
   */
  static CheckerBand.Bands measure(Mlp mlp, ModelCard card) {
    return CheckerBand.measureAll(
        servedTestSplit(card), network(mlp, card), new FallbackTimeTable());
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
    CheckerBand.Bands b = measure(mlp, card);
    ModelCard sealed =
        ModelCardChecks.seal(
            card.withCheckerBands(
                b.start().band(), b.progress().band(), b.atRest().band(), b.justUsed().band()),
            tflite);
    json.enable(SerializationFeature.INDENT_OUTPUT)
        .writeValue(DIR.resolve("toast-time.card.json").toFile(), sealed);
    System.out.println(b + "; sealed " + sealed.integritySha256());
  }
}
