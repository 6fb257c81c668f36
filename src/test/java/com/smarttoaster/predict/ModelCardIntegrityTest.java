package com.smarttoaster.predict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.smarttoaster.model.ModelCard;
import com.smarttoaster.model.TfliteMlpWriter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The card's seal covers the model and every field of the card (issue 11). */
class ModelCardIntegrityTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final byte[] model = TfliteMlpWriter.write(TestModels.network(5));
  private final ModelCard sealed = TestModels.card(model, TestModels.features());

  private static ModelPredictor open(byte[] model, byte[] card)
      throws PredictorUnavailableException {
    return ModelPredictor.open(model, TestModels.MODEL_FILE, card, TestModels.CARD_FILE);
  }

  private static String shortHex(String hex) {
    return hex.substring(0, 12) + "…";
  }

  @Test
  void aSealedCardAndItsModelLoad() throws Exception {
    assertEquals(ModelCardChecks.integritySha256(sealed, model), sealed.integritySha256());
    open(model, TestModels.json(sealed)).close();
  }

  /**
   * A card sealed before {@code checkerBandJustUsed} existed (the committed card of generator 10,
   * three bands, for the same network file) still verifies: the seal leaves out the field when it
   * is null, so adding a band does not turn every card in the field into a "tampered" one. (Kept as
   * {@code .card}, not {@code .json}: every JSON file under src/test/resources is a scenario
   * example to ScenarioSchemaTest.)
   */
  @Test
  void aCardSealedBeforeTheJustUsedBandStillVerifies() throws Exception {
    byte[] tflite = resource("model/toast-time.tflite");
    byte[] older = resource("model-compat/toast-time.card-generator10-three-bands.card");
    try (ModelPredictor p =
        ModelPredictor.open(tflite, "toast-time.tflite", older, "toast-time.card.json")) {
      assertTrue(p.cardCheckerBandJustUsed().isEmpty());
      assertEquals(0.1, p.cardCheckerBandAtRest().orElseThrow());
    }
  }

  private static byte[] resource(String name) throws java.io.IOException {
    try (java.io.InputStream in =
        ModelCardIntegrityTest.class.getClassLoader().getResourceAsStream(name)) {
      return java.util.Objects.requireNonNull(in, name).readAllBytes();
    }
  }

  @Test
  void anEditedCardIsRefusedNamingTheFilesAndShortHashes() throws Exception {
    ModelCard.Target t = sealed.target();
    ModelCard edited =
        new ModelCard(
            sealed.version(),
            sealed.modelVersion(),
            sealed.created(),
            sealed.modelFile(),
            sealed.tfliteSha256(),
            sealed.dataSha256(),
            sealed.dataRows(),
            sealed.dataSeed(),
            sealed.features(),
            new ModelCard.Target(t.name(), t.unit(), t.transform(), t.mean() + 0.25, t.std()),
            sealed.metrics(),
            sealed.notes(),
            sealed.checkerBand(),
            sealed.checkerBandProgress(),
            sealed.checkerBandAtRest(),
            sealed.checkerBandJustUsed(),
            sealed.integritySha256());
    PredictorUnavailableException e =
        assertThrows(
            PredictorUnavailableException.class, () -> open(model, TestModels.json(edited)));
    assertEquals(
        "model card toast-time.card.json and model file toast-time.tflite do not match the card's integrity "
            + "SHA-256 ("
            + shortHex(sealed.integritySha256())
            + " recorded, "
            + shortHex(ModelCardChecks.integritySha256(edited, model))
            + " computed); refusing an edited card or model: "
            + "install the pair the trainer wrote",
        e.getMessage());
  }

  @Test
  void everyFieldIsCovered() throws Exception {
    ObjectNode tree = JSON.valueToTree(sealed);
    List<String> fields = new ArrayList<>();
    tree.fieldNames().forEachRemaining(fields::add);
    for (String f : fields) {
      if (f.equals("integritySha256") || f.equals("tfliteSha256")) {
        continue;
      }
      ObjectNode edited = tree.deepCopy();
      switch (f) {
        case "features" -> ((ObjectNode) edited.get(f).get(0)).put("max", 8.0);
        case "target" -> ((ObjectNode) edited.get(f)).put("std", 0.3);
        case "metrics" -> ((ObjectNode) edited.get(f)).put("maeS", 9.0);
        case "checkerBand" -> edited.put(f, 0.9);
        default -> {
          if (tree.get(f).isNumber()) {
            edited.put(f, tree.get(f).asLong() + 1);
          } else {
            edited.put(f, tree.get(f).asText() + " (edited)");
          }
        }
      }
      assertThrows(
          PredictorUnavailableException.class,
          () -> open(model, JSON.writeValueAsBytes(edited)),
          "edited " + f);
    }
  }

  @Test
  void aSwappedModelWithARecomputedChecksumIsRefusedByTheSeal() throws Exception {
    byte[] other = model.clone();
    other[other.length / 2] ^= 0x01;
    ModelCard rewritten =
        new ModelCard(
            sealed.version(),
            sealed.modelVersion(),
            sealed.created(),
            sealed.modelFile(),
            ModelCardChecks.sha256(other),
            sealed.dataSha256(),
            sealed.dataRows(),
            sealed.dataSeed(),
            sealed.features(),
            sealed.target(),
            sealed.metrics(),
            sealed.notes(),
            sealed.checkerBand(),
            sealed.checkerBandProgress(),
            sealed.checkerBandAtRest(),
            sealed.checkerBandJustUsed(),
            sealed.integritySha256());
    PredictorUnavailableException e =
        assertThrows(
            PredictorUnavailableException.class, () -> open(other, TestModels.json(rewritten)));
    assertTrue(
        e.getMessage()
            .startsWith(
                "model card toast-time.card.json and model file toast-time.tflite do not "
                    + "match the card's integrity SHA-256 ("
                    + shortHex(sealed.integritySha256())
                    + " recorded"),
        e.getMessage());
  }

  @Test
  void theOldChecksumStillNamesATamperedModel() throws Exception {
    byte[] other = model.clone();
    other[other.length / 2] ^= 0x01;
    PredictorUnavailableException e =
        assertThrows(
            PredictorUnavailableException.class, () -> open(other, TestModels.json(sealed)));
    assertTrue(e.getMessage().startsWith("model file toast-time.tflite SHA-256 "), e.getMessage());
  }

  @Test
  void anUnsealedCardIsRefused() throws Exception {
    ModelCard unsealed = TestModels.unsealedCard(model, TestModels.features());
    PredictorUnavailableException e =
        assertThrows(
            PredictorUnavailableException.class, () -> open(model, TestModels.json(unsealed)));
    assertEquals(
        "model card toast-time.card.json is not sealed (no integritySha256), so nothing shows it was "
            + "written for toast-time.tflite; refusing it: export the model and its card again with the trainer",
        e.getMessage());
  }

  @Test
  void theSealSurvivesReformattingButNotAChangedValue() throws Exception {
    ObjectNode tree = JSON.valueToTree(sealed);
    List<String> names = new ArrayList<>();
    tree.fieldNames().forEachRemaining(names::add);
    Collections.reverse(names);
    ObjectNode reordered = JSON.createObjectNode();
    for (String n : names) {
      reordered.set(n, tree.get(n));
    }
    reordered.put("comment", "unknown fields are ignored, like any reader of the card");
    open(model, JSON.writeValueAsBytes(reordered)).close();

    ModelCard loosened = sealed.withCheckerBand(0.9);
    assertNotEquals(ModelCardChecks.integritySha256(loosened, model), sealed.integritySha256());
    assertThrows(PredictorUnavailableException.class, () -> open(model, TestModels.json(loosened)));
  }

  @Test
  void aSealedBandOutsideItsLimitsIsRefused() throws Exception {
    ModelCard wide = ModelCardChecks.seal(sealed.withCheckerBand(5.0), model);
    PredictorUnavailableException e =
        assertThrows(PredictorUnavailableException.class, () -> open(model, TestModels.json(wide)));
    assertEquals(
        "model card toast-time.card.json gives the checker band 5.0; it must lie in 0.1..1.0 (a relative "
            + "disagreement between the model and the non-ML estimate)",
        e.getMessage());
  }

  @Test
  void sealingIsStable() {
    assertEquals(sealed, ModelCardChecks.seal(sealed, model));
    Iterator<ModelCard.Feature> unused = sealed.features().iterator();
    assertTrue(unused.hasNext());
  }
}
