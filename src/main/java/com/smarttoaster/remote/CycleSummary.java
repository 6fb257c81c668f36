package com.smarttoaster.remote;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.smarttoaster.history.CycleOutcome;
import com.smarttoaster.history.CycleRecord;
import com.smarttoaster.predict.Prediction;
import com.smarttoaster.predict.PredictionInput;
import com.smarttoaster.safety.FaultCode;
import com.smarttoaster.toast.ToastSettings;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The cycle an event belongs to, as far as it is known: inputs and prediction from the start,
 * outcome, heater time and fault at the end; the model version the cycle ran with, so that a fleet
 * can tell which version runs where and compare versions (issue 15).
 */
record CycleSummary(
    String cycleId,
    Instant startTime,
    PredictionInput input,
    Prediction prediction,
    @Nullable CycleOutcome outcome,
    @Nullable Double heaterOnS,
    @Nullable FaultCode fault,
    @Nullable String modelVersion) {

  /** A cycle that has just started. */
  static CycleSummary started(
      String cycleId,
      Instant startTime,
      PredictionInput input,
      Prediction prediction,
      @Nullable String modelVersion) {
    return new CycleSummary(cycleId, startTime, input, prediction, null, null, null, modelVersion);
  }

  /** A recorded cycle; its heater time is null where the record does not know it. */
  static CycleSummary of(CycleRecord r) {
    return new CycleSummary(
        r.cycleId(),
        r.startTime(),
        r.input(),
        r.prediction(),
        r.outcome(),
        r.outcome().heaterTimeKnown() ? r.heaterOnS() : null,
        r.faultCode(),
        r.modelVersion());
  }

  CycleSummary ended(CycleOutcome how, double heaterS, @Nullable FaultCode code) {
    return new CycleSummary(
        cycleId, startTime, input, prediction, how, heaterS, code, modelVersion);
  }

  void writeTo(ObjectNode n) {
    ToastSettings s = input.settings();
    n.put("cycleId", cycleId);
    n.put("startTime", startTime.toString());
    n.put("shade", s.shade());
    n.put("bread", s.bread().id());
    n.put("mode", s.mode().id());
    n.put("slices", s.slices());
    n.put("thicknessMm", s.thicknessMm());
    n.put("chamberStartC", Math.round(input.chamberStartC() * 10) / 10.0);
    n.put("ambientC", Math.round(input.ambientC() * 10) / 10.0);
    n.put("mainsVolts", Math.round(input.mainsVolts() * 10) / 10.0);
    n.put("predictor", prediction.predictor().id());
    n.put("predictedS", Math.round(prediction.seconds() * 10) / 10.0);
    n.put("fallbackReason", prediction.fallbackReason());
    n.put("outcome", outcome == null ? null : outcome.id());
    n.put("heaterOnS", heaterOnS == null ? null : Math.round(heaterOnS * 10) / 10.0);
    n.put("fault", fault == null ? null : fault.name());
    n.put("modelVersion", modelVersion);
  }
}
