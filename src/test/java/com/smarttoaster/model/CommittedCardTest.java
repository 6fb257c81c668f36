package com.smarttoaster.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.smarttoaster.predict.CheckerBand;
import com.smarttoaster.predict.FallbackTimeTable;
import com.smarttoaster.predict.GuardedPredictor;
import com.smarttoaster.predict.ModelCardChecks;
import com.smarttoaster.predict.ModelPredictor;
import com.smarttoaster.predict.Prediction;
import com.smarttoaster.predict.PredictionInput;
import com.smarttoaster.predict.ToastTimePredictor;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The committed card is sealed for the committed model and carries the checker band of that model
 * against the installed fallback table. After refitting the table or editing the card, run {@link
 * CommittedCardSeal#main} (test scope) to measure and seal again.
 */
@Tag("slow")
class CommittedCardTest {
  private static ModelCard card;
  private static Mlp mlp;
  private static byte[] tflite;

  @BeforeAll
  static void load() throws Exception {
    ObjectMapper json = new ObjectMapper();
    try (InputStream c =
            CommittedCardTest.class.getResourceAsStream("/model/toast-time.card.json");
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
    assertEquals(
        ModelCardChecks.integritySha256(card, tflite),
        card.integritySha256(),
        "the committed card or model changed after sealing; run CommittedCardSeal");
  }

  @Test
  void theBandsCoverTheModelAndTheInstalledTableOnTheTestSplit() {
    // Each band must let most of its inputs through, and must not be slack: a band wider than the
    // split needs lets an in-range but wrong answer burn toast.
    CheckerBand.Bands bands = CommittedCardSeal.measure(mlp, card);
    CheckerBand.Measurement start = bands.start();
    assertTrue(
        start.rows() > 0.08 * card.dataRows() && start.rows() < 0.12 * card.dataRows(),
        "the test split: " + start);
    assertBand(start, card.checkerBand());
    assertBand(bands.progress(), card.checkerBandProgress());
    assertBand(bands.atRest(), card.checkerBandAtRest());
    assertBand(bands.justUsed(), card.checkerBandJustUsed());
    // Just after a cycle the table knows least: its band is the widest, and still refuses answers
    // 40 % off (the absurd suite's are 40 % and more).
    assertTrue(
        card.checkerBandJustUsed() > Math.max(card.checkerBand(), card.checkerBandProgress())
            && card.checkerBandJustUsed() < 0.3,
        "the band just after a cycle " + card.checkerBandJustUsed());
    // At rest the two estimators see the same toaster: a band there as wide as the general one
    // would be no narrower check, and let the absurd kitchen suite's 204 s for 179 s through.
    assertTrue(
        card.checkerBandAtRest() < Math.min(card.checkerBand(), card.checkerBandProgress()),
        "the band at rest "
            + card.checkerBandAtRest()
            + " must be narrower than the general ones "
            + card.checkerBand()
            + " / "
            + card.checkerBandProgress());
    // One band of 22 % let start answers 20 % off through, 4–5 shades (README, "The checker").
    assertTrue(
        card.checkerBand() < 0.2 && card.checkerBandProgress() < 0.2,
        "bands "
            + card.checkerBand()
            + " / "
            + card.checkerBandProgress()
            + " must stay below 20 %");
  }

  private static void assertBand(CheckerBand.Measurement m, Double band) {
    assertNotNull(band, "the card records the band; measured " + m);
    assertTrue(m.coveredDisagreement() <= band, "measured " + m + " against the card's " + band);
    assertTrue(
        band <= Math.max(CheckerBand.MIN_BAND, m.coveredDisagreement() + 0.15),
        "measured " + m + ": the band " + band + " is far too wide");
  }

  /**
   * The installed model, behind its guard with the card's bands, is rarely overruled on its test
   * split as the device asks it.
   */
  @Test
  void theInstalledModelPassesItsCheckerOnTheTestSplit() {
    ToastTimePredictor model = ModelPredictor.loadDefault();
    assertInstanceOf(ModelPredictor.class, model, "the installed model and its card must load");
    // as the controller asks: after the bread thermometer's rule, with the boards read
    List<PredictionInput> inputs = CommittedCardSeal.servedTestSplit(card);
    try (GuardedPredictor g =
        new GuardedPredictor(model, new FallbackTimeTable(), 2.0, 5.0, 285.0)) {
      assertEquals(card.checkerBand(), g.checkerBand());
      assertEquals(card.checkerBandProgress(), g.checkerBandProgress());
      assertEquals(card.checkerBandAtRest(), g.checkerBandAtRest().orElseThrow());
      assertEquals(card.checkerBandJustUsed(), g.checkerBandJustUsed().orElseThrow());
      List<String> overruled = new java.util.ArrayList<>();
      for (PredictionInput in : inputs.subList(0, 1000)) {
        for (PredictionInput asked : List.of(in.withProgress(null), in)) {
          Prediction p = g.predict(asked);
          if (p.fallbackReason() != null) {
            overruled.add(p.fallbackReason());
          }
        }
      }
      // Each band lets 99.5 % of its answers through.
      assertTrue(overruled.size() <= 30, overruled.size() + " of 2000 overruled: " + overruled);
    }
  }
}
