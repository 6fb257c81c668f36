package com.smarttoaster.model;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.smarttoaster.dataset.EnvelopeSampler;
import com.smarttoaster.dataset.SeedMix;
import com.smarttoaster.dataset.Split;
import com.smarttoaster.predict.CheckerBand;
import com.smarttoaster.predict.FallbackTimeTable;
import com.smarttoaster.predict.ModelCardChecks;
import com.smarttoaster.predict.PredictionInput;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Gives the committed card (src/main/resources/model) the checker band measured for the committed
 * network against the installed fallback table on its test split, and seals it, without retraining:
 * what the trainer does for a new model. Run once by hand ({@link #main}) after the table or the card
 * changes; CommittedCardTest checks the result.
 */
final class CommittedCardSeal {
  static final Path DIR = Path.of("src/main/resources/model");

  private CommittedCardSeal() {}

  /** The inputs of the card's dataset's test split (the simulator is not needed: inputs only). */
  static List<PredictionInput> testSplitInputs(ModelCard card) {
    List<PredictionInput> in = new ArrayList<>();
    for (int i = 0; i < (int) card.dataRows(); i++) {
      long rowSeed = SeedMix.rowSeed(card.dataSeed(), i);
      if (Split.forRowSeed(rowSeed) == Split.TEST) {
        in.add(EnvelopeSampler.sample(rowSeed).input());
      }
    }
    return in;
  }

  /** The band of the committed network against the installed table over the card's test split. */
  static CheckerBand.Measurement measure(Mlp mlp, ModelCard card) {
    return CheckerBand.measure(testSplitInputs(card),
        in -> card.seconds(mlp.forward(card.scale(ModelFeatures.encode(in)))[0]), new FallbackTimeTable());
  }

  public static void main(String[] args) throws IOException {
    ObjectMapper json = new ObjectMapper();
    Mlp mlp = json.readValue(DIR.resolve("toast-time.mlp.json").toFile(), Mlp.class);
    ModelCard card = json.readValue(DIR.resolve("toast-time.card.json").toFile(), ModelCard.class);
    byte[] tflite = Files.readAllBytes(DIR.resolve("toast-time.tflite"));
    CheckerBand.Measurement m = measure(mlp, card);
    ModelCard sealed = ModelCardChecks.seal(card.withCheckerBand(m.band()), tflite);
    json.enable(SerializationFeature.INDENT_OUTPUT).writeValue(DIR.resolve("toast-time.card.json").toFile(), sealed);
    System.out.println(m + "; sealed " + sealed.integritySha256());
  }
}
