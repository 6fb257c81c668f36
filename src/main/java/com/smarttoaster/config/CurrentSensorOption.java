package com.smarttoaster.config;

/**
 * What {@code appliance.currentSensorFitted} says, as the pi section needs it: its pin is required
 * when the sensor is fitted and refused when it is not. When the appliance option is itself bad,
 * neither holds, so the pin is left alone instead of reporting a second problem that follows from
 * the first.
 */
enum CurrentSensorOption {
  FITTED,
  NOT_FITTED,
  /** appliance.currentSensorFitted (or the appliance section) has a problem of its own. */
  NOT_KNOWN;

  static CurrentSensorOption of(boolean fitted) {
    return fitted ? FITTED : NOT_FITTED;
  }
}
