package com.smarttoaster.hal.pi;

import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalState;
import com.smarttoaster.hal.Clock;
import com.smarttoaster.hal.Indicators.BeepPattern;

/**
 * An active buzzer (it sounds its own tone while its pin is high) played in patterns on the {@link
 * Clock}: {@link #play} starts a pattern, replacing one still sounding, and {@link #update()}
 * (called by the panel scan every few milliseconds) switches the pin at the pattern's edges.
 *
 * <ul>
 *   <li>DONE: three short beeps (0.15 s on, 0.15 s off) — the toast is ready;
 *   <li>REFUSED: two quick chirps (0.06 s on, 0.06 s off) — that did not work;
 *   <li>FAULT: three long beeps (0.6 s on, 0.3 s off) — a fault latched, look at the fault LED;
 *   <li>RATED: one tick (0.03 s) — a press of the rating gesture was taken (the user counts
 *       presses: one too light, two just right, three too dark).
 * </ul>
 */
public final class Buzzer {
  private final DigitalOutput pin;
  private final Clock clock;
  private long[] edgesNanos = new long[0];
  private long startNanos;
  private boolean on;

  public Buzzer(DigitalOutput pin, Clock clock) {
    this.pin = pin;
    this.clock = clock;
    write(false);
  }

  /** On/off durations of a pattern, s, starting with on. */
  static double[] durationsS(BeepPattern pattern) {
    return switch (pattern) {
      case DONE -> new double[] {0.15, 0.15, 0.15, 0.15, 0.15};
      case REFUSED -> new double[] {0.06, 0.06, 0.06};
      case FAULT -> new double[] {0.6, 0.3, 0.6, 0.3, 0.6};
      case RATED -> new double[] {0.03};
    };
  }

  public synchronized void play(BeepPattern pattern) {
    double[] durations = durationsS(pattern);
    edgesNanos = new long[durations.length];
    long t = 0;
    for (int i = 0; i < durations.length; i++) {
      t += Math.round(durations[i] * 1e9);
      edgesNanos[i] = t;
    }
    startNanos = clock.nanos();
    update();
  }

  /** Sets the pin for the current point of the pattern (off once it has ended). */
  public synchronized void update() {
    long elapsed = clock.nanos() - startNanos;
    boolean shouldSound = false;
    for (int i = 0; i < edgesNanos.length; i++) {
      if (elapsed < edgesNanos[i]) {
        shouldSound = i % 2 == 0;
        break;
      }
    }
    if (shouldSound != on) {
      write(shouldSound);
    }
  }

  /** Silences the buzzer at once. */
  public synchronized void silence() {
    edgesNanos = new long[0];
    write(false);
  }

  public synchronized boolean isSounding() {
    return on;
  }

  private void write(boolean sound) {
    on = sound;
    pin.state(sound ? DigitalState.HIGH : DigitalState.LOW);
  }
}
