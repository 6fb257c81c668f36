package com.smarttoaster.history;

import com.smarttoaster.predict.Prediction;
import com.smarttoaster.predict.PredictionInput;
import com.smarttoaster.predict.PredictorName;
import com.smarttoaster.safety.FaultCode;
import com.smarttoaster.toast.BreadType;
import com.smarttoaster.toast.ToastMode;
import com.smarttoaster.toast.ToastSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Cycle records as CSV (RFC 4180 quoting for the free-text fallback reason), until the database
 * arrives. Empty fields are nulls. {@code heaterOnS} is empty where it is unknown (a running or
 * interrupted cycle), so that a spreadsheet's averages skip it rather than count a 0. Columns:
 * {@link #HEADER}. Files written before the {@code modelVersion} column (issue 14) are still read,
 * their model version empty.
 */
public final class CycleRecordCsv {
  public static final List<String> HEADER =
      List.of(
          "cycleId",
          "deviceId",
          "startTime",
          "shade",
          "bread",
          "thicknessMm",
          "slices",
          "mode",
          "chamberStartC",
          "ambientC",
          "mainsVolts",
          "predictedS",
          "predictor",
          "fallbackReason",
          "outcome",
          "faultCode",
          "heaterOnS",
          "achievedShade",
          "rating",
          "modelVersion",
          "candidateVersion",
          "candidateS",
          "candidateNote",
          "checkerDisagreement",
          "envelopeDistance");

  /** Columns of the monitoring fields ({@link ModelWatch}), last. */
  static final int WATCH_COLUMNS = 5;

  /** The header before the model version column. */
  static final List<String> HEADER_WITHOUT_MODEL_VERSION =
      HEADER.subList(0, HEADER.size() - 1 - WATCH_COLUMNS);

  /** The header before the monitoring columns. */
  static final List<String> HEADER_WITHOUT_WATCH = HEADER.subList(0, HEADER.size() - WATCH_COLUMNS);

  private CycleRecordCsv() {}

  public static String format(List<CycleRecord> records) {
    StringBuilder sb = new StringBuilder();
    sb.append(String.join(",", HEADER)).append('\n');
    for (CycleRecord r : records) {
      ToastSettings s = r.input().settings();
      List<String> f =
          List.of(
              r.cycleId(),
              r.deviceId(),
              r.startTime().toString(),
              Integer.toString(s.shade()),
              s.bread().id(),
              Double.toString(s.thicknessMm()),
              Integer.toString(s.slices()),
              s.mode().id(),
              Double.toString(r.input().chamberStartC()),
              Double.toString(r.input().ambientC()),
              Double.toString(r.input().mainsVolts()),
              Double.toString(r.prediction().seconds()),
              r.prediction().predictor().id(),
              nullable(r.prediction().fallbackReason()),
              r.outcome().id(),
              r.faultCode() == null ? "" : r.faultCode().name(),
              r.outcome().heaterTimeKnown() ? Double.toString(r.heaterOnS()) : "",
              r.achievedShade() == null ? "" : Double.toString(r.achievedShade()),
              r.rating() == null ? "" : r.rating().id(),
              nullable(r.modelVersion()),
              nullable(r.watch().candidateVersion()),
              number(r.watch().candidateS()),
              nullable(r.watch().candidateNote()),
              number(r.watch().checkerDisagreement()),
              number(r.watch().envelopeDistance()));
      for (int i = 0; i < f.size(); i++) {
        if (i > 0) {
          sb.append(',');
        }
        sb.append(quote(f.get(i)));
      }
      sb.append('\n');
    }
    return sb.toString();
  }

  public static void write(List<CycleRecord> records, Path file) throws IOException {
    Files.writeString(file, format(records), StandardCharsets.UTF_8);
  }

  public static List<CycleRecord> read(Path file) throws IOException {
    return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
  }

  /**
   * @throws IllegalArgumentException naming the source, record number and field of the first
   *     problem
   */
  public static List<CycleRecord> parse(String text, String name) {
    List<List<String>> lines = split(text, name);
    if (lines.isEmpty()
        || !(lines.get(0).equals(HEADER)
            || lines.get(0).equals(HEADER_WITHOUT_MODEL_VERSION)
            || lines.get(0).equals(HEADER_WITHOUT_WATCH))) {
      throw new IllegalArgumentException(
          name
              + ": the first line is not the cycle record header; expected "
              + String.join(",", HEADER));
    }
    List<CycleRecord> out = new ArrayList<>();
    for (int i = 1; i < lines.size(); i++) {
      List<String> c = lines.get(i);
      if (c.size() == 1 && c.get(0).isEmpty()) {
        continue;
      }
      try {
        out.add(record(c, lines.get(0).size()));
      } catch (RuntimeException e) {
        throw new IllegalArgumentException(name + ": record " + i + ": " + e.getMessage(), e);
      }
    }
    return out;
  }

  private static CycleRecord record(List<String> c, int columns) {
    if (c.size() != columns) {
      throw new IllegalArgumentException("has " + c.size() + " fields, expected " + columns);
    }
    BreadType bread = BreadType.fromId(c.get(4));
    ToastMode mode = ToastMode.fromId(c.get(7));
    CycleOutcome outcome = CycleOutcome.fromId(c.get(14));
    PredictorName predictor = PredictorName.fromId(c.get(12)).orElse(null);
    if (bread == null || mode == null || outcome == null || predictor == null) {
      String field =
          bread == null
              ? "bread"
              : mode == null ? "mode" : outcome == null ? "outcome" : "predictor";
      throw new IllegalArgumentException(
          field + " '" + c.get(HEADER.indexOf(field)) + "' is not a known value");
    }
    Rating rating = null;
    if (!c.get(18).isEmpty()) {
      rating = Rating.fromId(c.get(18));
      if (rating == null) {
        throw new IllegalArgumentException(
            "rating '" + c.get(18) + "' is not one of too-light, just-right, too-dark");
      }
    }
    ToastSettings s =
        new ToastSettings(
            Integer.parseInt(c.get(3)),
            bread,
            Double.parseDouble(c.get(5)),
            Integer.parseInt(c.get(6)),
            mode);
    PredictionInput in =
        new PredictionInput(
            s,
            Double.parseDouble(c.get(8)),
            Double.parseDouble(c.get(9)),
            Double.parseDouble(c.get(10)));
    Prediction p =
        new Prediction(
            Double.parseDouble(c.get(11)), predictor, c.get(13).isEmpty() ? null : c.get(13));
    return new CycleRecord(
        c.get(0),
        c.get(1),
        Instant.parse(c.get(2)),
        in,
        p,
        outcome,
        c.get(15).isEmpty() ? null : FaultCode.valueOf(c.get(15)),
        heaterOnS(c.get(16), outcome),
        c.get(17).isEmpty() ? null : Double.valueOf(c.get(17)),
        rating,
        columns > 19 && !c.get(19).isEmpty() ? c.get(19) : null,
        columns > 20 ? watch(c) : ModelWatch.NONE);
  }

  private static double heaterOnS(String field, CycleOutcome outcome) {
    if (!field.isEmpty()) {
      return Double.parseDouble(field);
    }
    if (outcome.heaterTimeKnown()) {
      throw new IllegalArgumentException(
          "heaterOnS is empty, but a "
              + outcome.id()
              + " cycle needs the time the"
              + " heater was on");
    }
    return 0; // unknown, stored as the record stores it
  }

  private static String nullable(@Nullable String s) {
    return s == null ? "" : s;
  }

  static String quote(String s) {
    if (s.chars().noneMatch(ch -> ch == ',' || ch == '"' || ch == '\n' || ch == '\r')) {
      return s;
    }
    return '"' + s.replace("\"", "\"\"") + '"';
  }

  /** Splits CSV text into records of fields, honouring quoted fields. */
  private static ModelWatch watch(List<String> c) {
    return new ModelWatch(
        empty(c.get(20)),
        optionalNumber(c.get(21)),
        empty(c.get(22)),
        optionalNumber(c.get(23)),
        optionalNumber(c.get(24)));
  }

  private static @Nullable String empty(String v) {
    return v.isEmpty() ? null : v;
  }

  private static @Nullable Double optionalNumber(String v) {
    return v.isEmpty() ? null : Double.valueOf(v);
  }

  private static String number(@Nullable Double v) {
    return v == null ? "" : Double.toString(v);
  }

  static List<List<String>> split(String text, String name) {
    List<List<String>> records = new ArrayList<>();
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < text.length(); i++) {
      char ch = text.charAt(i);
      if (quoted) {
        if (ch == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (ch == '"') {
          quoted = false;
        } else {
          field.append(ch);
        }
      } else if (ch == '"') {
        quoted = true;
      } else if (ch == ',') {
        fields.add(field.toString());
        field.setLength(0);
      } else if (ch == '\n') {
        fields.add(field.toString());
        field.setLength(0);
        records.add(fields);
        fields = new ArrayList<>();
      } else if (ch != '\r') {
        field.append(ch);
      }
    }
    if (quoted) {
      throw new IllegalArgumentException(name + ": a quoted field is not closed");
    }
    if (field.length() > 0 || !fields.isEmpty()) {
      fields.add(field.toString());
      records.add(fields);
    }
    return records;
  }
}
