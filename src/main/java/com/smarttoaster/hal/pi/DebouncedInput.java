package com.smarttoaster.hal.pi;

import com.pi4j.io.gpio.digital.DigitalInput;
import com.smarttoaster.hal.Clock;

/**
 * A switch input with time-based debouncing on the {@link Clock}: the debounced state changes only
 * after the pin has read the new level on every sample for at least {@code debounceS}. Contact
 * bounce (a few milliseconds of chatter) therefore never produces an event, and a pin that is
 * sampled more often (the panel scan) or less often (the supervisor) agrees on one state.
 * Thread-safe: the panel scan thread and the supervisor both sample it.
 */
public final class DebouncedInput {
  private final DigitalInput pin;
  private final boolean activeLow;
  private final Clock clock;
  private final long debounceNanos;

  private boolean stable;
  private boolean pending;
  private long pendingSinceNanos;
  private boolean changed;

  /**
   * Starts in the pin's present state (no debounce at start-up).
   *
   * @param activeLow true for a switch to ground with a pull-up: low means active (pressed, down)
   */
  public DebouncedInput(DigitalInput pin, boolean activeLow, Clock clock, double debounceS) {
    this.pin = pin;
    this.activeLow = activeLow;
    this.clock = clock;
    this.debounceNanos = Math.round(debounceS * 1e9);
    this.stable = readRaw();
    this.pending = stable;
  }

  /** Reads the pin now and returns the debounced state (true = active). */
  public synchronized boolean sample() {
    boolean raw = readRaw();
    long now = clock.nanos();
    if (raw == stable) {
      pending = stable;
    } else if (raw != pending) {
      pending = raw;
      pendingSinceNanos = now;
    } else if (now - pendingSinceNanos >= debounceNanos) {
      stable = raw;
      changed = true;
    }
    return stable;
  }

  /** The debounced state without reading the pin. */
  public synchronized boolean isActive() {
    return stable;
  }

  /**
   * True once after each change of the debounced state (for the scan that turns changes into
   * events).
   */
  public synchronized boolean takeChange() {
    boolean c = changed;
    changed = false;
    return c;
  }

  private boolean readRaw() {
    return pin.state().isHigh() != activeLow;
  }
}
