package com.smarttoaster.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.smarttoaster.predict.CheckerBand;
import com.smarttoaster.predict.FallbackTimeTable;
import com.smarttoaster.predict.GuardedPredictor;
import com.smarttoaster.predict.ModelPredictor;
import com.smarttoaster.predict.Prediction;
import com.smarttoaster.predict.PredictionInput;
import com.smarttoaster.predict.ToastTimePredictor;
import java.util.List;
import com.smarttoaster.predict.ModelCardChecks;
import java.io.InputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The committed card is sealed for the committed model and carries the checker band of that model
 * against the installed fallback table. After refitting the table or editing the card, run
 * {@link CommittedCardSeal#main} (test scope) to measure and seal again.
 */
class CommittedCardTest {
  private static ModelCard card;
  private static Mlp mlp;
  private static byte[] tflite;

  @BeforeAll
  static void load() throws Exception {
    ObjectMapper json = new ObjectMapper();
    try (InputStream c = CommittedCardTest.class.getResourceAsStream("/model/toast-time.card.json");
        InputStream m = CommittedCardTest.class.getResourceAsStream("/model/toast-time.mlp.json");
        InputStream t = CommittedCardTest.class.getResourceAsStream("/model/toast-time.tflite")) {
      card = json.readValue(c, ModelCard.class);
      mlp = json.readValue(m, Mlp.class);
      tflite = t.readAllBytes();
    }
  }

  @Test
  void theCardIsSealedForTheCommittedModel() {
    assertNotNull(card.integritySha256(), "run CommittedCardSeal to seal the committed card");
    assertEquals(ModelCardChecks.integritySha256(card, tflite), card.integritySha256(),
        "the committed card or model changed after sealing; run CommittedCardSeal");
  }

  @Test
  void theBandCoversTheModelAndTheInstalledTableOnTheTestSplitsStarts() {
    // The trainer measured the band over the test split's starts and re-predictions (which need the
    // simulator's heating runs); the starts alone must mostly lie inside it, and it must not be slack.
    CheckerBand.Measurement m = CommittedCardSeal.measure(mlp, card);
    assertTrue(m.rows() > 0.08 * card.dataRows() && m.rows() < 0.12 * card.dataRows(), "the card's test split: " + m);
    assertTrue(m.coveredDisagreement() <= card.checkerBand(), "measured " + m + " against the card's "
        + card.checkerBand());
    assertTrue(card.checkerBand() <= Math.max(CheckerBand.MIN_BAND, m.coveredDisagreement() + 0.15),
        "measured " + m + ": the band is far too wide");
  }

  /** The installed model, behind its guard with the card's band, is rarely overruled on its test split. */
  @Test
  void theInstalledModelPassesItsCheckerOnTheTestSplit() {
    ToastTimePredictor model = ModelPredictor.loadDefault();
    assertInstanceOf(ModelPredictor.class, model, "the installed model and its card must load");
    List<PredictionInput> inputs = CommittedCardSeal.testSplitInputs(card);
    try (GuardedPredictor g = new GuardedPredictor(model, new FallbackTimeTable(), 2.0, 5.0, 285.0)) {
      assertEquals(card.checkerBand(), g.checkerBand());
      List<String> overruled = new java.util.ArrayList<>();
      for (PredictionInput in : inputs.subList(0, 1000)) {
        Prediction p = g.predict(in);
        if (p.fallbackReason() != null) {
          overruled.add(p.fallbackReason());
        }
      }
      // The band lets 99.5 % of the split's answers through (starts and re-predictions together).
      assertTrue(overruled.size() <= 15, overruled.size() + " of 1000 overruled: " + overruled);
    }
  }
}
