package com.smarttoaster.hal.pi;

import com.pi4j.io.gpio.digital.DigitalInput;
import com.smarttoaster.hal.HeaterCurrentSensor;

/**
 * The heater current sensor: a current transformer on the element lead, rectified and smoothed,
 * into a comparator whose open-collector output is released (pulled high) while current flows. The
 * Pi's pull-up is enabled as well, so a broken wire reads as "current flowing": the supervisor then
 * trips HEATER_STUCK_ON at the end of the next cycle instead of silently losing its welded-relay
 * check.
 */
public final class PiCurrentSensor implements HeaterCurrentSensor {
  private final DigitalInput pin;

  public PiCurrentSensor(DigitalInput pin) {
    this.pin = pin;
  }

  @Override
  public boolean isCurrentFlowing() {
    return pin.state().isHigh();
  }
}
