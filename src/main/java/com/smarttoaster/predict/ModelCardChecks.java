package com.smarttoaster.predict;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.smarttoaster.model.ModelCard;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Everything checked about a model and its card before the model may predict: the card parses, it
 * describes this build's features with usable scaling, and the model file is exactly the one the
 * card was written for (SHA-256), and the card is the one written for that model: its {@code
 * integritySha256} covers the model bytes and every field of the card, so an edited card (a target
 * mean nudged, a range widened, a checker band loosened) is refused like an edited model. Each
 * refusal is a {@link PredictorUnavailableException} whose message becomes the cycle's {@code
 * fallbackReason}.
 *
 * <p>The integrity hash is SHA-256 over the model bytes followed by the card's canonical JSON
 * (UTF-8, compact, properties and map keys in alphabetical order) with {@code integritySha256} set
 * to "". It is computed from the parsed card, so reformatting the file does not break it, while any
 * change of a value does. The trainer calls {@link #seal} as the last step of writing a card.
 */
public final class ModelCardChecks {
  static final int CARD_VERSION = 1;
  private static final int SHOWN_HEX_DIGITS = 12;
  private static final ObjectMapper JSON =
      new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
  private static final ObjectMapper CANONICAL =
      JsonMapper.builder()
          .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
          .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
          .build();

  private ModelCardChecks() {}

  /**
   * Parses a card; unknown fields are ignored so that cards may grow, missing ones are refused
   * later.
   */
  static ModelCard read(byte[] json, String cardName) throws PredictorUnavailableException {
    try {
      return JSON.readValue(json, ModelCard.class);
    } catch (JacksonException e) {
      throw new PredictorUnavailableException(
          "model card " + cardName + " is not a valid card: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new PredictorUnavailableException(
          "model card " + cardName + " cannot be read: " + e.getMessage());
    }
  }

  /** Card version, features (names, order, ranges, scaling) and output scaling. */
  static void checkCard(ModelCard card, String cardName) throws PredictorUnavailableException {
    if (card.version() != CARD_VERSION) {
      throw refuse(
          cardName,
          "has card version " + card.version() + ", this build reads version " + CARD_VERSION);
    }
    List<ModelCard.Feature> features = card.features();
    List<String> names =
        features == null ? List.of() : features.stream().map(ModelCard.Feature::name).toList();
    if (!names.equals(ModelFeatures.NAMES)) {
      throw refuse(
          cardName,
          "lists features "
              + names
              + " but this build feeds the model "
              + ModelFeatures.NAMES
              + "; refusing a model trained for different inputs");
    }
    for (ModelCard.Feature f : features) {
      if (!Double.isFinite(f.min()) || !Double.isFinite(f.max()) || f.min() > f.max()) {
        throw refuse(
            cardName, "gives feature " + f.name() + " the range " + f.min() + ".." + f.max());
      }
      if (!Double.isFinite(f.mean()) || !(f.std() > 0) || !Double.isFinite(f.std())) {
        throw refuse(
            cardName,
            "gives feature "
                + f.name()
                + " mean "
                + f.mean()
                + " and std "
                + f.std()
                + "; std must be a positive number");
      }
    }
    ModelCard.Target t = card.target();
    if (t == null || !("log".equals(t.transform()) || "none".equals(t.transform()))) {
      throw refuse(cardName, "has no target, or a target transform other than \"log\" or \"none\"");
    }
    if (!Double.isFinite(t.mean()) || !(t.std() > 0) || !Double.isFinite(t.std())) {
      throw refuse(
          cardName,
          "gives the target mean "
              + t.mean()
              + " and std "
              + t.std()
              + "; std must be a positive number");
    }
    requireBand(cardName, "checker band", card.checkerBand());
    requireBand(cardName, "re-prediction checker band", card.checkerBandProgress());
    requireBand(cardName, "checker band at rest", card.checkerBandAtRest());
    requireBand(cardName, "checker band just after a cycle", card.checkerBandJustUsed());
  }

  private static void requireBand(String cardName, String field, @Nullable Double band)
      throws PredictorUnavailableException {
    if (band != null && !(band >= CheckerBand.MIN_BAND && band <= CheckerBand.MAX_BAND)) {
      throw refuse(
          cardName,
          "gives the "
              + field
              + " "
              + band
              + "; it must lie in "
              + CheckerBand.MIN_BAND
              + ".."
              + CheckerBand.MAX_BAND
              + " (a relative disagreement between the model and the non-ML estimate)");
    }
  }

  /**
   * The card with its {@code integritySha256} set for {@code model}: the last step of writing a
   * card (any field changed afterwards breaks the seal).
   */
  public static ModelCard seal(ModelCard card, byte[] model) {
    return card.withIntegritySha256(integritySha256(card, model));
  }

  /**
   * SHA-256 over {@code model} followed by the canonical JSON of {@code card} with its seal
   * emptied.
   */
  public static String integritySha256(ModelCard card, byte[] model) {
    byte[] json;
    try {
      json =
          CANONICAL
              .writeValueAsString(card.withIntegritySha256(""))
              .getBytes(StandardCharsets.UTF_8);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(
          "a model card always serialises: " + e.getOriginalMessage(), e);
    }
    try {
      MessageDigest d = MessageDigest.getInstance("SHA-256");
      d.update(model);
      d.update(json);
      return HexFormat.of().formatHex(d.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  /**
   * The card's seal must match the model and the card as read: refuses an unsealed card, an edited
   * card and a model swapped together with a re-computed {@code tfliteSha256}.
   */
  static void checkIntegrity(byte[] model, String modelName, ModelCard card, String cardName)
      throws PredictorUnavailableException {
    String recorded = card.integritySha256();
    if (recorded == null || recorded.isBlank()) {
      throw refuse(
          cardName,
          "is not sealed (no integritySha256), so nothing shows it was written for "
              + modelName
              + "; refusing it: export the model and its card again with the trainer");
    }
    String actual = integritySha256(card, model);
    if (!recorded.trim().equalsIgnoreCase(actual)) {
      throw refuse(
          cardName,
          "and model file "
              + modelName
              + " do not match the card's integrity SHA-256 ("
              + shortHex(recorded.trim())
              + " recorded, "
              + shortHex(actual)
              + " computed); refusing an edited card or model: install the pair the trainer wrote");
    }
  }

  /**
   * The model bytes must have the SHA-256 the card records, and the card's seal must cover both
   * (see {@link #checkIntegrity}); the card is named in messages as the one beside the model
   * ({@code x.tflite} → {@code x.card.json}).
   */
  static void checkChecksum(byte[] model, String modelName, ModelCard card)
      throws PredictorUnavailableException {
    String base =
        modelName.endsWith(".tflite") ? modelName.substring(0, modelName.length() - 7) : modelName;
    checkChecksum(model, modelName, card, base + ".card.json");
  }

  /** {@link #checkChecksum(byte[], String, ModelCard)} naming the card file {@code cardName}. */
  static void checkChecksum(byte[] model, String modelName, ModelCard card, String cardName)
      throws PredictorUnavailableException {
    String expected = card.tfliteSha256();
    String actual = sha256(model);
    if (expected == null || !expected.trim().equalsIgnoreCase(actual)) {
      throw new PredictorUnavailableException(
          "model file "
              + modelName
              + " SHA-256 "
              + shortHex(actual)
              + " does not match its card ("
              + (expected == null ? "none recorded" : shortHex(expected.trim()))
              + "); refusing a tampered or mismatched model");
    }
    checkIntegrity(model, modelName, card, cardName);
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
