package com.smarttoaster.hal.pi;

import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalState;
import com.smarttoaster.hal.DeadManTrigger;

/**
 * The hardware dead-man's trigger on a GPIO output (pi.deadManPin), created LOW. Each {@link
 * #toggle()} drives the opposite of the level last driven; the stage behind it enables the SSR and
 * the magnet driver only while these edges keep coming, so a level that stays put, high or low,
 * means off.
 */
public final class PiDeadManTrigger implements DeadManTrigger {
  private final DigitalOutput pin;
  private boolean high;

  public PiDeadManTrigger(DigitalOutput pin) {
    this.pin = pin;
    pin.state(DigitalState.LOW);
  }

  @Override
  public synchronized void toggle() {
    high = !high;
    pin.state(high ? DigitalState.HIGH : DigitalState.LOW);
  }
}
