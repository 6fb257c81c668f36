package com.smarttoaster.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.smarttoaster.predict.CheckerBand;
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
  void theBandIsTheOneMeasuredAgainstTheInstalledTable() {
    CheckerBand.Measurement m = CommittedCardSeal.measure(mlp, card);
    assertEquals(4027, m.rows(), "the card's test split");
    assertEquals(m.band(), card.checkerBand(), 1e-12, "measured " + m + "; run CommittedCardSeal after a refit");
  }
}
