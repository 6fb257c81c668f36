package com.smarttoaster.monitoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.smarttoaster.history.CycleOutcome;
import com.smarttoaster.history.CycleRecord;
import com.smarttoaster.history.ModelWatch;
import com.smarttoaster.history.Rating;
import com.smarttoaster.model.ModelCard;
import com.smarttoaster.predict.ModelPredictor;
import com.smarttoaster.predict.Prediction;
import com.smarttoaster.predict.PredictionInput;
import com.smarttoaster.predict.PredictorName;
import com.smarttoaster.toast.BreadType;
import com.smarttoaster.toast.ToastMode;
import com.smarttoaster.toast.ToastSettings;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Rolling figures, their thresholds and the crossings that become model-health events. */
class RollingFiguresTest {
  static ModelCard factoryCard() throws Exception {
    try (InputStream in =
        RollingFiguresTest.class
            .getClassLoader()
            .getResourceAsStream(ModelPredictor.CARD_RESOURCE)) {
      return new ObjectMapper()
          .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
          .readValue(in, ModelCard.class);
    }
  }

  private static int n;

  static CycleRecord cycle(
      double chamberC,
      double ambientC,
      boolean fallback,
      Double envelope,
      Rating rating,
      ToastMode mode) {
    PredictionInput in =
        new PredictionInput(
            new ToastSettings(4, BreadType.WHITE, 12, 2, mode), chamberC, ambientC, 230);
    Prediction p =
        fallback
            ? new Prediction(
                100,
                PredictorName.FALLBACK,
                "model predictor said 180 s, the non-ML estimate 100 s")
            : new Prediction(100, PredictorName.MODEL, null, 100);
    return new CycleRecord(
        "c" + (n++),
        "kitchen",
        Instant.EPOCH,
        in,
        p,
        CycleOutcome.DONE,
        null,
        100,
        null,
        rating,
        "2027.01.10.080000-x",
        new ModelWatch("2027.02.20.120000-y", 110.0, null, 0.05, envelope));
  }

  @Test
  void theFiguresCountOnlyTheWindowsModelCyclesAndSayWhatTheyAre() throws Exception {
    List<CycleRecord> h = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      h.add(cycle(21, 21, true, 0.0, null, ToastMode.TOAST)); // older than the window: not counted
    }
    for (int i = 0; i < 20; i++) {
      h.add(
          cycle(
              21,
              21,
              i < 4,
              i < 2 ? 0.3 : 0.0,
              i < 6 ? Rating.TOO_DARK : i < 10 ? Rating.JUST_RIGHT : null,
              ToastMode.TOAST));
      h.add(cycle(21, 21, true, null, null, ToastMode.REHEAT)); // reheat: a rule, not the model
    }
    RollingFigures f = RollingFigures.of(h, 20, factoryCard());
    assertEquals(20, f.cycles());
    assertEquals(0.2, f.fallbackRate(), 1e-12);
    assertEquals(0.1, f.outOfEnvelopeRate(), 1e-12);
    assertEquals(10, f.rated());
    assertEquals(0.6, f.unhappyRatingShare(), 1e-12);
    assertEquals("2027.02.20.120000-y", f.candidateVersion());
    assertEquals(20, f.candidateAnswered());
    assertEquals(0.1, f.candidateMeanDifference(), 1e-12, "110 s against the 100 s used");
    assertEquals(0.05, f.meanCheckerDisagreement(), 1e-12);
    assertTrue(f.toText().contains("fallback rate                20.0 %"), f.toText());
  }

  @Test
  void driftIsTheShiftOfTheRecentMeanInTrainingSigmas() throws Exception {
    ModelCard card = factoryCard();
    ModelCard.Feature ambient = card.features().get(4);
    double cold = ambient.mean() - 2 * ambient.std();
    List<CycleRecord> h = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      h.add(cycle(cold, cold, false, 0.0, null, ToastMode.TOAST));
    }
    RollingFigures f = RollingFigures.of(h, 10, card);
    assertEquals(
        2.0, f.driftSd().get("ambientC"), 1e-4, "the garage kitchen: two σ colder than training");
    assertEquals(
        RollingFigures.DRIFT_INPUTS,
        List.copyOf(f.driftSd().keySet()),
        "every input a kitchen can shift");
    assertTrue(f.largestDrift().getValue() >= 2.0 - 1e-4);
  }

  @Test
  void aCrossingIsReportedOnceWhenItCrossesAndOnceWhenItComesBack() throws Exception {
    HealthThresholds t = new HealthThresholds(10, 5, 0.2, 0.5, 5.0, 1.0);
    HealthCheck check = new HealthCheck(t);
    List<CycleRecord> h = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      h.add(cycle(21, 21, false, 0.0, null, ToastMode.TOAST));
    }
    assertEquals(List.of(), check.crossings(RollingFigures.of(h, 10, factoryCard())), "healthy");
    for (int i = 0; i < 3; i++) {
      h.add(cycle(21, 21, true, 0.0, null, ToastMode.TOAST));
    }
    List<String> crossed = check.crossings(RollingFigures.of(h, 10, factoryCard()));
    assertEquals(
        List.of(
            "fallback rate 30.0 % over the last 10 cycles is above the 20.0 % of"
                + " model.health.maxFallbackRate"),
        crossed);
    h.add(cycle(21, 21, true, 0.0, null, ToastMode.TOAST));
    assertEquals(
        List.of(),
        check.crossings(RollingFigures.of(h, 10, factoryCard())),
        "still beyond: no repeat");
    for (int i = 0; i < 10; i++) {
      h.add(cycle(21, 21, false, 0.0, null, ToastMode.TOAST));
    }
    List<String> back = check.crossings(RollingFigures.of(h, 10, factoryCard()));
    assertEquals(1, back.size());
    assertTrue(
        back.get(0).startsWith("fallback rate back within its limit: fallback rate 0.0 %"),
        back.get(0));
  }

  @Test
  void tooFewCyclesAreNotJudgedAndTheJsonCarriesWhatTheSensorsRead() throws Exception {
    HealthThresholds t = new HealthThresholds(10, 5, 0.0, 0.0, 5.0, 1.0);
    List<CycleRecord> h = new ArrayList<>(List.of(cycle(21, 21, true, 0.5, null, ToastMode.TOAST)));
    ModelHealth health = new ModelHealth(t, () -> null);
    assertEquals(List.of(), health.afterCycle(h).crossings(), "one cycle is too few to tell");
    for (int i = 0; i < 4; i++) {
      h.add(cycle(21, 21, true, 0.5, Rating.TOO_LIGHT, ToastMode.TOAST));
    }
    ModelHealth.Report r = health.afterCycle(h);
    assertEquals(2, r.crossings().size(), r.crossings().toString());
    JsonNode json = new ObjectMapper().readTree(r.json());
    assertEquals(1.0, json.get("fallbackRate").asDouble());
    assertEquals(1.0, json.get("outOfEnvelopeRate").asDouble());
    assertEquals(4, json.get("ratings").get("too-light").asInt());
    assertEquals(2, json.get("problems").size());
    assertTrue(json.get("largestDriftSd").isNull(), "no card, no drift");
  }
}
