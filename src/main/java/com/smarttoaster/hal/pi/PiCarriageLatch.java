package com.smarttoaster.hal.pi;

import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalState;
import com.smarttoaster.hal.CarriageLatch;

/**
 * The carriage hold-down electromagnet (through a logic-level MOSFET, active-high, LOW at start and
 * shutdown) and the lever-down switch (to ground, debounced). {@link #hold()} energises the magnet
 * only while the lever reads down, as the port requires; a magnet energised with the lever up would
 * hold nothing.
 */
public final class PiCarriageLatch implements CarriageLatch {
  private final DigitalOutput magnet;
  private final DebouncedInput lever;
  private volatile boolean held;

  PiCarriageLatch(DigitalOutput magnet, DebouncedInput lever) {
    this.magnet = magnet;
    this.lever = lever;
    release();
  }

  @Override
  public synchronized void hold() {
    if (!lever.sample()) {
      return;
    }
    magnet.state(DigitalState.HIGH);
    held = true;
  }

  @Override
  public synchronized void release() {
    held = false;
    magnet.state(DigitalState.LOW);
  }

  @Override
  public boolean isHeld() {
    return held;
  }

  /** Samples the lever switch (debounced). */
  @Override
  public boolean isLeverDown() {
    return lever.sample();
  }
}
