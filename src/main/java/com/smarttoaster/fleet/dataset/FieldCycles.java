package com.smarttoaster.fleet.dataset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.smarttoaster.fleet.store.FieldEvent;
import com.smarttoaster.history.CycleOutcome;
import com.smarttoaster.history.CycleRecord;
import com.smarttoaster.history.Rating;
import com.smarttoaster.predict.Prediction;
import com.smarttoaster.predict.PredictionInput;
import com.smarttoaster.predict.PredictorName;
import com.smarttoaster.toast.BreadType;
import com.smarttoaster.toast.ToastMode;
import com.smarttoaster.toast.ToastSettings;
import java.io.IOException;
import java.time.Instant;
import java.util.Optional;

/**
 * A {@code rated} event back into the cycle record it rates (the device sends the whole record with
 * its rating: docs/contracts.md, "event payload"), so that the dataset's own rules ({@link
 * com.smarttoaster.dataset.FeedbackToTrainingRows}) make its training row exactly as they do for a
 * household's history.
 */
final class FieldCycles {
  private static final ObjectMapper JSON = new ObjectMapper();

  private FieldCycles() {}

  /**
   * The rated record, or the reason it cannot be rebuilt (a field missing or malformed: a device
   * older than the fleet's event fields sends no {@code ambientC}/{@code mainsVolts}).
   */
  static Optional<CycleRecord> record(FieldEvent e, StringBuilder whyNot) {
    try {
      JsonNode c = JSON.readTree(e.payload()).path("cycle");
      for (String f :
          new String[] {
            "cycleId",
            "startTime",
            "shade",
            "bread",
            "mode",
            "slices",
            "thicknessMm",
            "chamberStartC",
            "ambientC",
            "mainsVolts",
            "predictor",
            "predictedS",
            "outcome",
            "heaterOnS"
          }) {
        if (!c.hasNonNull(f)) {
          whyNot.append("no cycle.").append(f);
          return Optional.empty();
        }
      }
      BreadType bread = BreadType.fromId(c.get("bread").asText());
      ToastMode mode = ToastMode.fromId(c.get("mode").asText());
      CycleOutcome outcome = CycleOutcome.fromId(c.get("outcome").asText());
      PredictorName predictor = PredictorName.fromId(c.get("predictor").asText()).orElse(null);
      Rating rating = Rating.fromId(e.rating());
      if (bread == null || mode == null || outcome == null || predictor == null) {
        String field =
            bread == null
                ? "bread"
                : mode == null ? "mode" : outcome == null ? "outcome" : "predictor";
        whyNot.append("unknown cycle.").append(field).append(" '").append(c.get(field).asText());
        whyNot.append("'");
        return Optional.empty();
      }
      if (rating == null) {
        // A rated event must say how: a cycle without its rating has no label to learn from.
        whyNot.append("rating ").append(e.rating() == null ? "missing" : "'" + e.rating() + "'");
        whyNot.append(" is not one of too-light, just-right, too-dark");
        return Optional.empty();
      }
      ToastSettings s =
          new ToastSettings(
              c.get("shade").asInt(),
              bread,
              c.get("thicknessMm").asDouble(),
              c.get("slices").asInt(),
              mode);
      PredictionInput in =
          new PredictionInput(
              s,
              c.get("chamberStartC").asDouble(),
              c.get("ambientC").asDouble(),
              c.get("mainsVolts").asDouble());
      JsonNode reason = c.get("fallbackReason");
      Prediction p =
          new Prediction(
              c.get("predictedS").asDouble(),
              predictor,
              reason == null || reason.isNull() ? null : reason.asText());
      return Optional.of(
          new CycleRecord(
              c.get("cycleId").asText(),
              e.deviceId(),
              Instant.parse(c.get("startTime").asText()),
              in,
              p,
              outcome,
              null,
              c.get("heaterOnS").asDouble(),
              null,
              rating,
              c.hasNonNull("modelVersion") ? c.get("modelVersion").asText() : null));
    } catch (IOException | RuntimeException ex) {
      whyNot.append("malformed cycle: ").append(ex.getMessage());
      return Optional.empty();
    }
  }
}
