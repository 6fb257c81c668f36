package com.smarttoaster.web;

import com.smarttoaster.control.ControllerSnapshot;
import com.smarttoaster.safety.Fault;
import com.smarttoaster.safety.SafetyStatus;
import com.smarttoaster.toast.ToastSettings;

/**
 * The live status as the page's API sends it ({@code GET /api/status} and each server-sent event).
 * Times are appliance time (simulated time on the simulated appliance), s.
 */
record StatusView(
    String phase,
    Settings settings,
    Double chamberC,
    boolean heaterOn,
    boolean carriageHeld,
    double remainingS,
    Double predictedS,
    String predictor,
    String fallbackReason,
    FaultView fault,
    double cutoffC,
    double nowS,
    String modelVersion) {

  record Settings(int shade, String bread, String mode, int slices, double thicknessMm) {
    static Settings of(ToastSettings s) {
      return new Settings(s.shade(), s.bread().id(), s.mode().id(), s.slices(), s.thicknessMm());
    }
  }

  /** A latched fault; {@code message} says what happened and what to do next. */
  record FaultView(String code, String message) {
    static FaultView of(Fault f) {
      return f == null ? null : new FaultView(f.code().name(), f.message());
    }
  }

  static StatusView of(PageToaster t) {
    ControllerSnapshot c = t.snapshot();
    SafetyStatus s = t.safety();
    Double chamber =
        s.lastReading() != null && s.lastReading().isValid()
            ? Math.round(s.lastReading().chamberC() * 10) / 10.0
            : null;
    return new StatusView(
        c.phase().id(),
        Settings.of(c.settings()),
        chamber,
        s.heaterCommandedOn(),
        s.carriageHeld(),
        Math.round(c.remainingS() * 10) / 10.0,
        c.prediction() == null ? null : Math.round(c.prediction().seconds() * 10) / 10.0,
        c.prediction() == null ? null : c.prediction().predictor(),
        c.prediction() == null ? null : c.prediction().fallbackReason(),
        FaultView.of(s.fault()),
        t.cutoffC(),
        Math.round(t.nowS() * 1000) / 1000.0,
        t.modelVersion());
  }
}
