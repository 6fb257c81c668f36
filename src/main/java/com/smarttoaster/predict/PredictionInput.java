package com.smarttoaster.predict;

import com.smarttoaster.toast.ElementRating;
import com.smarttoaster.toast.ToastSettings;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What the appliance knows when a cycle starts; the only inputs a predictor may use. Never the
 * actual mains voltage (the appliance does not measure it); the bread's temperature only as the
 * optional infrared bread thermometer sees it at the press: the one reading the controller's rule
 * ({@code control.BreadCheck}) judged, a model input since generator 9.
 *
 * @param settings the user's settings
 * @param chamberStartC chamber thermocouple reading at start, °C
 * @param ambientC cold-junction (ambient) reading at start, °C
 * @param mainsVolts mains voltage the appliance's config states, V (the actual supply may differ)
 * @param nominalMainsVolts the voltage the appliance's element is designed for (230 or 120), V
 * @param sinceLastCycleS time since the previous cycle's heat stopped, s; {@link
 *     #NO_RECENT_CYCLE_S} when there was none this long (or the controller has restarted since)
 * @param lastHeatS how long the previous cycle heated, s; 0 when {@code sinceLastCycleS} is {@link
 *     #NO_RECENT_CYCLE_S}
 * @param storedHeat the heat the controller's earlier cycles left in the toaster ({@link
 *     HeatHistory}); {@link StoredHeat#NONE} without a known cycle
 * @param progress the chamber's rise during the first seconds of this cycle's heating, for a
 *     re-prediction of the whole heating time; null for the prediction at the start
 * @param breadReadC the infrared bread thermometer's apparent reading at the press (°C at
 *     emissivity 1, no correction: the bread's radiation plus the boards' reflected in it); NaN
 *     when no thermometer is fitted or it gave no plausible reading ({@link BreadReading})
 */
public record PredictionInput(
    ToastSettings settings,
    double chamberStartC,
    double ambientC,
    double mainsVolts,
    double nominalMainsVolts,
    double sinceLastCycleS,
    double lastHeatS,
    StoredHeat storedHeat,
    @Nullable HeatingProgress progress,
    double breadReadC) {

  /** "Long ago": after this long a toaster has cooled through; longer gaps are reported as this. */
  public static final double NO_RECENT_CYCLE_S = 1800.0;

  /** Without a bread thermometer reading (no thermometer fitted, or none usable). */
  public PredictionInput(
      ToastSettings settings,
      double chamberStartC,
      double ambientC,
      double mainsVolts,
      double nominalMainsVolts,
      double sinceLastCycleS,
      double lastHeatS,
      StoredHeat storedHeat,
      @Nullable HeatingProgress progress) {
    this(
        settings,
        chamberStartC,
        ambientC,
        mainsVolts,
        nominalMainsVolts,
        sinceLastCycleS,
        lastHeatS,
        storedHeat,
        progress,
        Double.NaN);
  }

  /**
   * An input whose record kept only the last cycle: its stored heat is what that one cycle alone
   * leaves ({@link HeatHistory#afterOneCycle}), at the configured mains.
   */
  public PredictionInput(
      ToastSettings settings,
      double chamberStartC,
      double ambientC,
      double mainsVolts,
      double nominalMainsVolts,
      double sinceLastCycleS,
      double lastHeatS,
      @Nullable HeatingProgress progress) {
    this(
        settings,
        chamberStartC,
        ambientC,
        mainsVolts,
        nominalMainsVolts,
        sinceLastCycleS,
        lastHeatS,
        oneCycle(sinceLastCycleS, lastHeatS, mainsVolts, nominalMainsVolts),
        progress);
  }

  private static StoredHeat oneCycle(
      double sinceLastCycleS, double lastHeatS, double mainsVolts, double nominalMainsVolts) {
    double share = HeatHistory.powerShare(mainsVolts, nominalMainsVolts);
    boolean known =
        sinceLastCycleS < NO_RECENT_CYCLE_S
            && lastHeatS > 0
            && Double.isFinite(lastHeatS)
            && share >= 0
            && Double.isFinite(share);
    // A nonsense input is the guard's to refuse, not the record's: it gets no stored heat.
    return known
        ? HeatHistory.afterOneCycle(lastHeatS, Math.max(0.0, sinceLastCycleS), share)
        : StoredHeat.NONE;
  }

  /** A 230 V appliance with no recent cycle (a toaster that has rested). */
  public PredictionInput(
      ToastSettings settings, double chamberStartC, double ambientC, double mainsVolts) {
    this(
        settings,
        chamberStartC,
        ambientC,
        mainsVolts,
        ElementRating.VOLTS_230,
        NO_RECENT_CYCLE_S,
        0.0,
        StoredHeat.NONE,
        null);
  }

  /** The same start, with what heating has shown so far (null: none, as at the start). */
  public PredictionInput withProgress(@Nullable HeatingProgress p) {
    return new PredictionInput(
        settings,
        chamberStartC,
        ambientC,
        mainsVolts,
        nominalMainsVolts,
        sinceLastCycleS,
        lastHeatS,
        storedHeat,
        p,
        breadReadC);
  }

  /**
   * The inputs a cycle with this input's rises asks its predictor, in order: at the start (without
   * the heating progress); with the progress, at the first re-prediction (its first {@link
   * HeatingProgress#EARLY} rises); with all the rises, at the second (this input). Whether a
   * re-prediction is made at all depends on the times ({@code control.RePredictionSchedule}). The
   * trainer's examples and the checker bands' measurement both take the inputs from here.
   */
  public List<PredictionInput> askedInACycle() {
    List<PredictionInput> asked = new ArrayList<>(3);
    asked.add(withProgress(null));
    if (progress != null) {
      asked.add(withProgress(progress.early()));
      if (progress.isLate()) {
        asked.add(this);
      }
    }
    return asked;
  }

  /** The same input for other settings (e.g. the mode a rule chose from the bread's reading). */
  public PredictionInput withSettings(ToastSettings s) {
    return new PredictionInput(
        s,
        chamberStartC,
        ambientC,
        mainsVolts,
        nominalMainsVolts,
        sinceLastCycleS,
        lastHeatS,
        storedHeat,
        progress,
        breadReadC);
  }

  /**
   * The same input with the bread thermometer's reading at the press; NaN or an implausible reading
   * ({@link BreadReading}) gives an input without one.
   */
  public PredictionInput withBreadReading(double apparentC) {
    return new PredictionInput(
        settings,
        chamberStartC,
        ambientC,
        mainsVolts,
        nominalMainsVolts,
        sinceLastCycleS,
        lastHeatS,
        storedHeat,
        progress,
        BreadReading.plausible(apparentC) ? apparentC : Double.NaN);
  }

  /** True when the bread thermometer gave a plausible reading at the press. */
  public boolean hasBreadReading() {
    return BreadReading.plausible(breadReadC);
  }

  /** True when a cycle heated within {@link #NO_RECENT_CYCLE_S}. */
  public boolean hasRecentCycle() {
    return sinceLastCycleS < NO_RECENT_CYCLE_S;
  }
}
