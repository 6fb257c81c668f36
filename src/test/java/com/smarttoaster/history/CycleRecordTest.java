package com.smarttoaster.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.smarttoaster.predict.Prediction;
import com.smarttoaster.predict.PredictionInput;
import com.smarttoaster.predict.PredictorName;
import com.smarttoaster.safety.FaultCode;
import com.smarttoaster.toast.BreadType;
import com.smarttoaster.toast.ToastMode;
import com.smarttoaster.toast.ToastSettings;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CycleRecordTest {
  private static final PredictionInput INPUT =
      new PredictionInput(
          new ToastSettings(6, BreadType.BAGEL, 28, 1, ToastMode.DEFROST), 140.0, 21.0, 230.0);

  @Test
  void aFaultCodeComesExactlyWithAFaultOutcome() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                new CycleRecord(
                    "c",
                    "kitchen",
                    Instant.EPOCH,
                    INPUT,
                    new Prediction(120, PredictorName.MODEL, null),
                    CycleOutcome.FAULT,
                    null,
                    50,
                    null,
                    null));
    assertEquals(
        "cycle c: faultCode null does not fit outcome fault (a fault code is given exactly when the outcome is fault)",
        e.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new CycleRecord(
                "c",
                "kitchen",
                Instant.EPOCH,
                INPUT,
                new Prediction(120, PredictorName.MODEL, null),
                CycleOutcome.DONE,
                FaultCode.MAX_HEAT_TIME,
                50,
                null,
                null));
  }

  @Test
  void idsMustBePlainText() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                new CycleRecord(
                    "a,b",
                    "kitchen",
                    Instant.EPOCH,
                    INPUT,
                    new Prediction(120, PredictorName.MODEL, null),
                    CycleOutcome.DONE,
                    null,
                    50,
                    null,
                    null));
    assertEquals("cycleId 'a,b' must not contain commas, quotes or line breaks", e.getMessage());
  }

  @Test
  void recordsRoundTripThroughCsvIncludingAQuotedFallbackReason(@TempDir Path dir)
      throws Exception {
    CycleRecord sim =
        new CycleRecord(
                "c1",
                "kitchen",
                Instant.parse("2026-11-27T07:30:00Z"),
                INPUT,
                new Prediction(
                    131.5,
                    PredictorName.FALLBACK,
                    "input ambientC = 45.0 °C is outside the training range 5.0…40.0, \"clamped\""),
                CycleOutcome.DONE,
                null,
                131.6,
                4.1,
                null)
            .withRating(Rating.TOO_DARK);
    CycleRecord faulted =
        new CycleRecord(
            "c2",
            "kitchen",
            Instant.parse("2026-11-27T07:35:00Z"),
            INPUT,
            new Prediction(120, PredictorName.MODEL, null),
            CycleOutcome.FAULT,
            FaultCode.SENSOR_FAULT,
            30.2,
            null,
            null);
    Path file = dir.resolve("cycles.csv");
    CycleRecordCsv.write(List.of(sim, faulted), file);
    assertEquals(List.of(sim, faulted), CycleRecordCsv.read(file));
  }

  @Test
  void runningAndInterruptedCyclesRoundTripThroughCsvWithAnEmptyHeaterTime(@TempDir Path dir)
      throws Exception {
    CycleRecord running =
        new CycleRecord(
            "r1",
            "kitchen",
            Instant.parse("2026-11-27T07:30:00Z"),
            INPUT,
            new Prediction(120, PredictorName.MODEL, null),
            CycleOutcome.RUNNING,
            null,
            0,
            null,
            null);
    CycleRecord interrupted =
        new CycleRecord(
                "i1",
                "kitchen",
                Instant.parse("2026-11-27T07:40:00Z"),
                INPUT,
                new Prediction(120, PredictorName.MODEL, null),
                CycleOutcome.RUNNING,
                null,
                0,
                null,
                null)
            .interrupted();
    Path file = dir.resolve("cycles.csv");
    CycleRecordCsv.write(List.of(running, interrupted), file);
    String[] lines = java.nio.file.Files.readString(file).split("\n");
    assertTrue(
        lines[1].endsWith(",running,,,,," + ",".repeat(CycleRecordCsv.WATCH_COLUMNS)),
        "unknown heater time is empty, not 0: " + lines[1]);
    assertTrue(
        lines[2].endsWith(",interrupted,,,,," + ",".repeat(CycleRecordCsv.WATCH_COLUMNS)),
        lines[2]);
    assertEquals(List.of(running, interrupted), CycleRecordCsv.read(file));
  }

  @Test
  void theModelVersionRoundTripsAndFilesWithoutItsColumnAreStillRead() {
    CycleRecord r =
        new CycleRecord(
            "c1",
            "kitchen",
            Instant.EPOCH,
            INPUT,
            new Prediction(120, PredictorName.MODEL, null),
            CycleOutcome.DONE,
            null,
            120,
            null,
            null,
            "2027.01.10.080000-data1-train1");
    String csv = CycleRecordCsv.format(List.of(r));
    String watchHeader =
        ",candidateVersion,candidateS,candidateNote,checkerDisagreement,envelopeDistance\n";
    assertTrue(
        csv.startsWith(String.join(",", CycleRecordCsv.HEADER) + "\n")
            && csv.contains(",modelVersion" + watchHeader),
        csv);
    assertEquals(List.of(r), CycleRecordCsv.parse(csv, "new.csv"));
    String beforeWatch =
        csv.replace(watchHeader, "\n")
            .replace(",2027.01.10.080000-data1-train1,,,,,\n", ",2027.01.10.080000-data1-train1\n");
    assertEquals(List.of(r), CycleRecordCsv.parse(beforeWatch, "before-monitoring.csv"));
    String old =
        beforeWatch
            .replace(",modelVersion\n", "\n")
            .replace(",2027.01.10.080000-data1-train1\n", "\n");
    assertEquals(List.of(r.withModelVersion(null)), CycleRecordCsv.parse(old, "old.csv"));
  }

  @Test
  void theMonitoringFieldsRoundTrip() {
    CycleRecord r =
        new CycleRecord(
            "c1",
            "kitchen",
            Instant.EPOCH,
            INPUT,
            new Prediction(120, PredictorName.MODEL, null),
            CycleOutcome.DONE,
            null,
            120,
            null,
            null,
            "2027.01.10.080000-data1-train1",
            new ModelWatch("2027.02.20.120000-data1-train2", 131.5, null, 0.12, 0.0));
    CycleRecord cut =
        r.withWatch(
            new ModelWatch(
                "2027.02.20.120000-data1-train2",
                null,
                "cut off: no answer after 1200 ms, \"quoted\"",
                null,
                0.25));
    assertEquals(
        List.of(r, cut), CycleRecordCsv.parse(CycleRecordCsv.format(List.of(r, cut)), "watch.csv"));
  }

  @Test
  void anEmptyHeaterTimeIsRefusedForACycleThatEnded() {
    String csv =
        CycleRecordCsv.format(
            List.of(
                new CycleRecord(
                    "c1",
                    "kitchen",
                    Instant.EPOCH,
                    INPUT,
                    new Prediction(120, PredictorName.MODEL, null),
                    CycleOutcome.DONE,
                    null,
                    120,
                    null,
                    null)));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> CycleRecordCsv.parse(csv.replace(",120.0,,", ",,,"), "cycles.csv"));
    assertEquals(
        "cycles.csv: record 1: heaterOnS is empty, but a done cycle needs the time the heater was on",
        e.getMessage());
  }

  @Test
  void anUnknownRatingNamesTheRecordAndField() {
    String csv =
        CycleRecordCsv.format(
            List.of(
                new CycleRecord(
                    "c1",
                    "kitchen",
                    Instant.EPOCH,
                    INPUT,
                    new Prediction(120, PredictorName.MODEL, null),
                    CycleOutcome.DONE,
                    null,
                    120,
                    null,
                    Rating.JUST_RIGHT)));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> CycleRecordCsv.parse(csv.replace("just-right", "meh"), "cycles.csv"));
    assertTrue(
        e.getMessage().startsWith("cycles.csv: record 1: rating 'meh' is not one of"),
        e.getMessage());
  }
}
