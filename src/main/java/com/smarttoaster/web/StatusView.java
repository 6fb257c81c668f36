package com.smarttoaster.web;

import com.smarttoaster.control.ControllerSnapshot;
import com.smarttoaster.hal.TemperatureReading;
import com.smarttoaster.predict.Prediction;
import com.smarttoaster.safety.Fault;
import com.smarttoaster.safety.SafetyStatus;
import com.smarttoaster.toast.ToastSettings;
import org.jspecify.annotations.Nullable;

/**
 * The live status as the page's API sends it ({@code GET /api/status} and each server-sent event).
 * Times are appliance time (simulated time on the simulated appliance), s.
 */
record StatusView(
    String phase,
    Settings settings,
    @Nullable Double chamberC,
    boolean heaterOn,
    boolean carriageHeld,
    double remainingS,
    @Nullable Double predictedS,
    @Nullable String predictor,
    @Nullable String fallbackReason,
    @Nullable FaultView fault,
    double cutoffC,
    double nowS,
    @Nullable String modelVersion) {

  record Settings(int shade, String bread, String mode, int slices, double thicknessMm) {
    static Settings of(ToastSettings s) {
      return new Settings(s.shade(), s.bread().id(), s.mode().id(), s.slices(), s.thicknessMm());
    }
  }

  /** A latched fault; {@code message} says what happened and what to do next. */
  record FaultView(String code, String message) {
    static @Nullable FaultView of(@Nullable Fault f) {
      return f == null ? null : new FaultView(f.code().name(), f.message());
    }
  }

  static StatusView of(PageToaster t) {
    ControllerSnapshot c = t.snapshot();
    SafetyStatus s = t.safety();
    TemperatureReading r = s.lastReading();
    Double chamber = r != null && r.isValid() ? Math.round(r.chamberC() * 10) / 10.0 : null;
    Prediction p = c.prediction();
    return new StatusView(
        c.phase().id(),
        Settings.of(c.settings()),
        chamber,
        s.heaterCommandedOn(),
        s.carriageHeld(),
        Math.round(c.remainingS() * 10) / 10.0,
        p == null ? null : Math.round(p.seconds() * 10) / 10.0,
        p == null ? null : p.predictor().id(),
        p == null ? null : p.fallbackReason(),
        FaultView.of(s.fault()),
        t.cutoffC(),
        Math.round(t.nowS() * 1000) / 1000.0,
        t.modelVersion());
  }
}
