package com.smarttoaster.hal.emulated;

import com.smarttoaster.hal.Clock;

/**
 * The shade knob: a mechanical incremental encoder with detents (e.g. Bourns PEC11R), two contacts
 * to ground on pulled-up pins. Its channels follow a 2-bit Gray code; turning clockwise steps the
 * levels (A,B) 11 → 01 → 00 → 10 → 11, anticlockwise the reverse, one channel changing per step
 * (the order {@link com.smarttoaster.hal.pi.QuadratureDecoder} counts as +1, a darker shade). A
 * detent is {@code stepsPerDetent} steps. The knob is turned at a hand's pace, {@value #STEP_S} s
 * per step (4 steps: 10 detents a second), and each channel bounces like any contact ({@link
 * ContactSwitch}, {@value #BOUNCE_S} s).
 */
public final class RotaryEncoder {
  /** Time per quadrature step while turning, s. */
  static final double STEP_S = 0.025;

  /** Contact bounce of an encoder channel, s. */
  static final double BOUNCE_S = 0.002;

  /** (A, B) high = contact open, clockwise order, position 0 = the detent both open. */
  private static final boolean[][] LEVELS = {
    {true, true}, {false, true}, {false, false}, {true, false}
  };

  private final ContactSwitch a;
  private final ContactSwitch b;
  private final int stepsPerDetent;
  private int position;
  private long nextFreeNanos = Long.MIN_VALUE;

  public RotaryEncoder(Clock clock, int stepsPerDetent) {
    this.a = new ContactSwitch(clock, BOUNCE_S, false);
    this.b = new ContactSwitch(clock, BOUNCE_S, false);
    this.stepsPerDetent = stepsPerDetent;
  }

  public ContactSwitch channelA() {
    return a;
  }

  public ContactSwitch channelB() {
    return b;
  }

  /**
   * Turns the knob {@code detents} clicks (positive clockwise) from {@code atNanos}, or after the
   * turn already scheduled.
   *
   * @return when the knob comes to rest, ns
   */
  public synchronized long turn(long atNanos, int detents) {
    long t = Math.max(atNanos, nextFreeNanos);
    long step = Math.round(STEP_S * 1e9);
    int dir = Integer.signum(detents);
    for (int i = 0; i < Math.abs(detents) * stepsPerDetent; i++) {
      position = Math.floorMod(position + dir, 4);
      a.set(t, !LEVELS[position][0]);
      b.set(t, !LEVELS[position][1]);
      t += step;
    }
    nextFreeNanos = t;
    return t;
  }
}
