package com.smarttoaster.predict;

import com.smarttoaster.toast.ToastSettings;

/**
 * What the appliance knows when a cycle starts; the only inputs a predictor may use.
 *
 * @param settings the user's settings
 * @param chamberStartC chamber thermocouple reading at start, °C
 * @param ambientC cold-junction (ambient) reading at start, °C
 * @param mainsVolts configured nominal mains voltage, V
 */
public record PredictionInput(ToastSettings settings, double chamberStartC, double ambientC, double mainsVolts) {}
