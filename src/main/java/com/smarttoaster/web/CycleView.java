package com.smarttoaster.web;

import com.smarttoaster.history.CycleRecord;
import org.jspecify.annotations.Nullable;

/** One recorded cycle as the history page's API sends it. */
record CycleView(
    String cycleId,
    String startTime,
    StatusView.Settings settings,
    double chamberStartC,
    double predictedS,
    String predictor,
    @Nullable String fallbackReason,
    @Nullable String modelVersion,
    String outcome,
    @Nullable String faultCode,
    double heaterOnS,
    @Nullable String rating) {

  static CycleView of(CycleRecord r) {
    return new CycleView(
        r.cycleId(),
        r.startTime().toString(),
        StatusView.Settings.of(r.input().settings()),
        Math.round(r.input().chamberStartC() * 10) / 10.0,
        Math.round(r.prediction().seconds() * 10) / 10.0,
        r.prediction().predictor().id(),
        r.prediction().fallbackReason(),
        r.modelVersion(),
        r.outcome().id(),
        r.faultCode() == null ? null : r.faultCode().name(),
        Math.round(r.heaterOnS() * 10) / 10.0,
        r.rating() == null ? null : r.rating().id());
  }
}
