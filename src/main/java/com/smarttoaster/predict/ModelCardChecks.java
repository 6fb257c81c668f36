package com.smarttoaster.predict;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.smarttoaster.model.ModelCard;
import com.smarttoaster.model.ModelFeatures;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * Everything checked about a model and its card before the model may predict: the card parses, it
 * describes this build's features with usable scaling, and the model file is exactly the one the card
 * was written for (SHA-256). Each refusal is a {@link PredictorUnavailableException} whose message
 * becomes the cycle's {@code fallbackReason}.
 */
final class ModelCardChecks {
  static final int CARD_VERSION = 1;
  private static final int SHOWN_HEX_DIGITS = 12;
  private static final ObjectMapper JSON = new ObjectMapper()
      .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  private ModelCardChecks() {}

  /** Parses a card; unknown fields are ignored so that cards may grow, missing ones are refused later. */
  static ModelCard read(byte[] json, String cardName) throws PredictorUnavailableException {
    try {
      return JSON.readValue(json, ModelCard.class);
    } catch (JacksonException e) {
      throw new PredictorUnavailableException("model card " + cardName + " is not a valid card: "
          + e.getOriginalMessage());
    } catch (IOException e) {
      throw new PredictorUnavailableException("model card " + cardName + " cannot be read: " + e.getMessage());
    }
  }

  /** Card version, features (names, order, ranges, scaling) and output scaling. */
  static void checkCard(ModelCard card, String cardName) throws PredictorUnavailableException {
    if (card.version() != CARD_VERSION) {
      throw refuse(cardName, "has card version " + card.version() + ", this build reads version " + CARD_VERSION);
    }
    List<ModelCard.Feature> features = card.features();
    List<String> names = features == null ? List.of() : features.stream().map(ModelCard.Feature::name).toList();
    if (!names.equals(ModelFeatures.NAMES)) {
      throw refuse(cardName, "lists features " + names + " but this build feeds the model " + ModelFeatures.NAMES
          + "; refusing a model trained for different inputs");
    }
    for (ModelCard.Feature f : features) {
      if (!Double.isFinite(f.min()) || !Double.isFinite(f.max()) || f.min() > f.max()) {
        throw refuse(cardName, "gives feature " + f.name() + " the range " + f.min() + ".." + f.max());
      }
      if (!Double.isFinite(f.mean()) || !(f.std() > 0) || !Double.isFinite(f.std())) {
        throw refuse(cardName, "gives feature " + f.name() + " mean " + f.mean() + " and std " + f.std()
            + "; std must be a positive number");
      }
    }
    ModelCard.Target t = card.target();
    if (t == null || !("log".equals(t.transform()) || "none".equals(t.transform()))) {
      throw refuse(cardName, "has no target, or a target transform other than \"log\" or \"none\"");
    }
    if (!Double.isFinite(t.mean()) || !(t.std() > 0) || !Double.isFinite(t.std())) {
      throw refuse(cardName, "gives the target mean " + t.mean() + " and std " + t.std()
          + "; std must be a positive number");
    }
  }

  /** The model bytes must have the SHA-256 the card records. */
  static void checkChecksum(byte[] model, String modelName, ModelCard card) throws PredictorUnavailableException {
    String expected = card.tfliteSha256();
    String actual = sha256(model);
    if (expected == null || !expected.trim().equalsIgnoreCase(actual)) {
      throw new PredictorUnavailableException("model file " + modelName + " SHA-256 " + shortHex(actual)
          + " does not match its card (" + (expected == null ? "none recorded" : shortHex(expected.trim()))
          + "); refusing a tampered or mismatched model");
    }
  }

  /** Lower-case hex SHA-256. */
  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  private static String shortHex(String hex) {
    return hex.length() <= SHOWN_HEX_DIGITS ? hex : hex.substring(0, SHOWN_HEX_DIGITS) + "…";
  }

  private static PredictorUnavailableException refuse(String cardName, String problem) {
    return new PredictorUnavailableException("model card " + cardName + " " + problem);
  }
}
