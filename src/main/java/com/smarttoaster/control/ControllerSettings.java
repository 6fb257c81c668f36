package com.smarttoaster.control;

/**
 * How the controller runs.
 *
 * @param tickS controller loop period, s (the heat lease is renewed every tick)
 * @param remoteStartEnabled whether a locally armed toaster may be started remotely at all
 * @param remoteArmExpiryS an armed toaster disarms itself (pops the bread) after this long, s
 */
public record ControllerSettings(
    double tickS, boolean remoteStartEnabled, double remoteArmExpiryS) {
  public static ControllerSettings defaults() {
    return new ControllerSettings(0.05, false, 1800.0);
  }
}
