package com.smarttoaster.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.smarttoaster.history.CycleOutcome;
import com.smarttoaster.history.CycleRecord;
import com.smarttoaster.history.Rating;
import com.smarttoaster.predict.Prediction;
import com.smarttoaster.predict.PredictionInput;
import com.smarttoaster.predict.PredictorName;
import com.smarttoaster.safety.FaultCode;
import com.smarttoaster.toast.BreadType;
import com.smarttoaster.toast.ToastMode;
import com.smarttoaster.toast.ToastSettings;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FeedbackToTrainingRowsTest {
  private static final PredictionInput INPUT =
      new PredictionInput(
          new ToastSettings(4, BreadType.SOURDOUGH, 14, 2, ToastMode.TOAST), 95.25, 21.5, 230);

  private static CycleRecord done(String id, double heaterOnS, Rating rating) {
    return new CycleRecord(
        id,
        "kitchen",
        Instant.parse("2026-11-27T07:30:00Z"),
        INPUT,
        new Prediction(heaterOnS, PredictorName.MODEL, null),
        CycleOutcome.DONE,
        null,
        heaterOnS,
        null,
        rating);
  }

  @Test
  void noRecordedRowIsInTheTestSplitWhichOnlyReplayedRowsCanBeIn() {
    int movedToTrain = 0;
    for (int i = 0; i < 400; i++) {
      long seed = SeedMix.fromText("cycle-" + i);
      Split hashed = Split.forRowSeed(seed);
      Split s = FeedbackToTrainingRows.splitOf(seed);
      assertTrue(s != Split.TEST, "cycle-" + i);
      assertEquals(
          hashed == Split.TEST ? Split.TRAIN : hashed,
          s,
          "only test-split rows move, and to training");
      movedToTrain += hashed == Split.TEST ? 1 : 0;
    }
    assertTrue(movedToTrain > 10, "about a tenth hash into the test split: " + movedToTrain);
  }

  @Test
  void justRightKeepsTheHeaterOnTime() {
    DatasetRow row = FeedbackToTrainingRows.row(done("c1", 100, Rating.JUST_RIGHT)).orElseThrow();
    assertEquals(100.0, row.heaterOnS(), 1e-12);
  }

  @Test
  void tooLightAsksForDeltaMoreTime() {
    DatasetRow row = FeedbackToTrainingRows.row(done("c2", 100, Rating.TOO_LIGHT)).orElseThrow();
    assertEquals(100 * (1 + FeedbackToTrainingRows.DELTA), row.heaterOnS(), 1e-9);
    assertEquals(103.0, row.heaterOnS(), 1e-9, "δ is documented as 3 %");
  }

  @Test
  void tooDarkAsksForDeltaLessTime() {
    DatasetRow row = FeedbackToTrainingRows.row(done("c3", 100, Rating.TOO_DARK)).orElseThrow();
    assertEquals(97.0, row.heaterOnS(), 1e-9);
  }

  @Test
  void aRecordedRowCarriesTheInputsAndNoHiddenTruth() {
    DatasetRow row =
        FeedbackToTrainingRows.row(done("cycle-42", 100, Rating.JUST_RIGHT)).orElseThrow();
    assertEquals("cycle-42", row.id());
    assertEquals(RowSource.RECORDED, row.source());
    assertEquals(INPUT, row.input());
    assertNull(row.breadStartC());
    assertNull(row.breadStorage());
    assertEquals(FeedbackToTrainingRows.splitOf(row.rowSeed()), row.split());
    assertEquals(
        row,
        FeedbackToTrainingRows.row(done("cycle-42", 100, Rating.JUST_RIGHT)).orElseThrow(),
        "the same cycle must give the same row and split");
  }

  @Test
  void recordedRowsShareTheDatasetSchemaWithSimulatedOnes() {
    List<DatasetRow> mixed = new ArrayList<>(DatasetGenerator.generate(3, 3));
    mixed.addAll(
        FeedbackToTrainingRows.rows(
            List.of(done("a", 90, Rating.TOO_LIGHT), done("b", 120, Rating.JUST_RIGHT))));
    String csv = DatasetCsv.format(mixed);
    assertEquals(mixed, DatasetCsv.parse(csv));
    String recordedLine = csv.split("\n")[4];
    assertTrue(recordedLine.startsWith("a,"), recordedLine);
    assertTrue(recordedLine.contains(",recorded,"), recordedLine);
    assertTrue(
        recordedLine.endsWith(",,," + (90 * 1.03)),
        "empty truth columns, label 90·1.03: " + recordedLine);
  }

  @Test
  void unratedCancelledFaultedRefusedAndReheatCyclesAreExcludedWithAReason() {
    CycleRecord unrated = done("u", 100, null);
    CycleRecord cancelled =
        new CycleRecord(
            "x",
            "kitchen",
            Instant.EPOCH,
            INPUT,
            new Prediction(100, PredictorName.MODEL, null),
            CycleOutcome.CANCELLED,
            null,
            40,
            null,
            Rating.TOO_LIGHT);
    CycleRecord fault =
        new CycleRecord(
            "f",
            "kitchen",
            Instant.EPOCH,
            INPUT,
            new Prediction(100, PredictorName.MODEL, null),
            CycleOutcome.FAULT,
            FaultCode.OVER_TEMPERATURE,
            80,
            null,
            Rating.TOO_LIGHT);
    CycleRecord refused =
        new CycleRecord(
            "r",
            "kitchen",
            Instant.EPOCH,
            INPUT,
            new Prediction(100, PredictorName.MODEL, null),
            CycleOutcome.REFUSED,
            null,
            0,
            null,
            Rating.TOO_LIGHT);
    PredictionInput reheatIn =
        new PredictionInput(INPUT.settings().withMode(ToastMode.REHEAT), 21.5, 21.5, 230);
    CycleRecord reheat =
        new CycleRecord(
            "h",
            "kitchen",
            Instant.EPOCH,
            reheatIn,
            new Prediction(35, PredictorName.FALLBACK, null),
            CycleOutcome.DONE,
            null,
            35,
            null,
            Rating.JUST_RIGHT);
    CycleRecord blip = done("b", 2, Rating.TOO_LIGHT);

    assertEquals("not rated: no label", FeedbackToTrainingRows.exclusionReason(unrated));
    assertEquals(
        "outcome cancelled: the heater-on time was not meant to give the shade",
        FeedbackToTrainingRows.exclusionReason(cancelled));
    assertEquals(
        "outcome fault (OVER_TEMPERATURE): the heater-on time was not meant to give the shade",
        FeedbackToTrainingRows.exclusionReason(fault));
    assertEquals(
        "outcome refused: the heater-on time was not meant to give the shade",
        FeedbackToTrainingRows.exclusionReason(refused));
    assertEquals(
        "reheat mode: a fixed rule, not modelled", FeedbackToTrainingRows.exclusionReason(reheat));
    assertEquals(
        "heater on for 2.0 s, under 5.0 s: nothing toasted",
        FeedbackToTrainingRows.exclusionReason(blip));
    assertEquals(
        List.of(),
        FeedbackToTrainingRows.rows(List.of(unrated, cancelled, fault, refused, reheat, blip)));
  }

  @Test
  void runningAndInterruptedCyclesNeverBecomeRowsEvenWhenRated() {
    CycleRecord running =
        new CycleRecord(
            "r",
            "kitchen",
            Instant.EPOCH,
            INPUT,
            new Prediction(100, PredictorName.MODEL, null),
            CycleOutcome.RUNNING,
            null,
            0,
            null,
            Rating.JUST_RIGHT);
    CycleRecord interrupted = running.interrupted();
    assertEquals(
        "outcome running: the cycle did not end, so its heater-on time is unknown",
        FeedbackToTrainingRows.exclusionReason(running));
    assertEquals(
        "outcome interrupted: the cycle did not end, so its heater-on time is unknown",
        FeedbackToTrainingRows.exclusionReason(interrupted));
    assertEquals(List.of(), FeedbackToTrainingRows.rows(List.of(running, interrupted)));
  }

  @Test
  void theActualHeaterOnTimeIsUsedNotThePrediction() {
    CycleRecord r =
        new CycleRecord(
            "t",
            "kitchen",
            Instant.EPOCH,
            INPUT,
            new Prediction(100, PredictorName.MODEL, null),
            CycleOutcome.DONE,
            null,
            100.4,
            null,
            Rating.JUST_RIGHT);
    assertEquals(100.4, FeedbackToTrainingRows.row(r).orElseThrow().heaterOnS(), 1e-12);
  }
}
