package com.smarttoaster.hal.pi;

import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalState;
import com.smarttoaster.hal.HeaterSwitch;

/**
 * The zero-cross SSR's input on a GPIO output, active-high. The output is created LOW with a LOW
 * shutdown state; the pin is also pulled down by the Pi at power-on (BCM 9–27), by the {@code
 * gpio=<pin>=op,dl} line in config.txt from early boot, and by an external pull-down on the SSR
 * driver's gate, so a pin nobody drives means off. A pin the kernel keeps driven high after this
 * process died does not: a pull-down cannot override it. That case belongs to the hardware
 * dead-man, which drops the SSR drive once the supervisor stops toggling its trigger
 * (hardware/README.md).
 */
public final class PiHeaterSwitch implements HeaterSwitch {
  private final DigitalOutput pin;
  private volatile boolean commandedOn;

  PiHeaterSwitch(DigitalOutput pin) {
    this.pin = pin;
    set(false);
  }

  /** Writes the pin every time (a refresh), so a pin changed behind our back is corrected. */
  @Override
  public void set(boolean on) {
    commandedOn = on;
    pin.state(on ? DigitalState.HIGH : DigitalState.LOW);
  }

  @Override
  public boolean isCommandedOn() {
    return commandedOn;
  }
}
