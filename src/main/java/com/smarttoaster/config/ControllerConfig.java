package com.smarttoaster.config;

import com.smarttoaster.control.ControllerSettings;
import com.smarttoaster.toast.BreadType;
import com.smarttoaster.toast.ToastMode;
import com.smarttoaster.toast.ToastSettings;
import java.util.Objects;

/**
 * How the cycle controller runs and what it starts with.
 *
 * @param tickS controller loop period, s; the heat lease is renewed every tick
 * @param predictor which predictor the device uses
 * @param predictorTimeoutS longest wait for a prediction before using the fallback table, s
 * @param defaultShade shade at power-up, 1 to 7
 * @param defaultBread bread type at power-up
 * @param defaultThicknessMm slice thickness at power-up, mm
 * @param defaultSlices slices at power-up, 1 or 2
 * @param defaultMode mode at power-up
 * @param remoteStartEnabled whether a locally armed toaster may be started remotely at all
 * @param remoteArmExpiryS an armed toaster disarms itself (pops the bread) after this long, s
 */
public record ControllerConfig(
    double tickS,
    PredictorChoice predictor,
    double predictorTimeoutS,
    int defaultShade,
    BreadType defaultBread,
    double defaultThicknessMm,
    int defaultSlices,
    ToastMode defaultMode,
    boolean remoteStartEnabled,
    double remoteArmExpiryS) {

  public ControllerConfig {
    Objects.requireNonNull(predictor, "predictor");
    Objects.requireNonNull(defaultBread, "defaultBread");
    Objects.requireNonNull(defaultMode, "defaultMode");
  }

  /** The controller's part of this config (control does not know the config file). */
  public ControllerSettings controllerSettings() {
    return new ControllerSettings(tickS, remoteStartEnabled, remoteArmExpiryS);
  }

  public static ControllerConfig defaults() {
    return new ControllerConfig(
        0.05,
        PredictorChoice.MODEL,
        0.5,
        4,
        BreadType.WHITE,
        12.0,
        2,
        ToastMode.TOAST,
        false,
        1800.0);
  }

  /** The settings the appliance starts with. */
  public ToastSettings defaultSettings() {
    return new ToastSettings(
        defaultShade, defaultBread, defaultThicknessMm, defaultSlices, defaultMode);
  }
}
