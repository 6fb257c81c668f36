package com.smarttoaster.hal.pi;

/**
 * Turns the two channels of a rotary encoder into detent steps. The channels follow a Gray code,
 * one channel changing at a time; turning one way goes (A,B) = 11 → 01 → 00 → 10 → 11, the other
 * way the reverse. Each valid change counts ±1 and {@code stepsPerDetent} counts in one direction
 * make one click. A change of both channels at once (a missed sample) is ignored and counted, and
 * contact bounce on one channel moves the count back and forth without producing a click. With four
 * steps per click the count is re-aligned whenever the encoder rests in its detent position (11),
 * so a half-turned click never lingers.
 */
public final class QuadratureDecoder {
  /**
   * Count change for [previous state][new state], state = A·2 + B. 0 on the diagonal (no change)
   * and for the invalid jumps (both channels changed).
   */
  private static final int[][] DELTA = {
    //          to 00  01  10  11
    /* 00 */ {0, -1, +1, 0},
    /* 01 */ {+1, 0, 0, -1},
    /* 10 */ {-1, 0, 0, +1},
    /* 11 */ {0, +1, -1, 0},
  };

  private static final int DETENT_STATE = 0b11;

  private final int stepsPerDetent;
  private int state;
  private int count;
  private long invalidTransitions;

  /**
   * @param stepsPerDetent 1, 2 or 4 counts per click
   * @param a channel A's level now
   * @param b channel B's level now
   */
  public QuadratureDecoder(int stepsPerDetent, boolean a, boolean b) {
    if (stepsPerDetent != 1 && stepsPerDetent != 2 && stepsPerDetent != 4) {
      throw new IllegalArgumentException("stepsPerDetent must be 1, 2 or 4, was " + stepsPerDetent);
    }
    this.stepsPerDetent = stepsPerDetent;
    this.state = stateOf(a, b);
  }

  /**
   * Feeds the channels' present levels.
   *
   * @return clicks completed by this sample: +1 one way (A leads), -1 the other, usually 0
   */
  public int update(boolean a, boolean b) {
    int next = stateOf(a, b);
    if (next == state) {
      return 0;
    }
    if ((next ^ state) == 0b11) {
      invalidTransitions++;
      state = next;
      return 0;
    }
    count += DELTA[state][next];
    state = next;
    int clicks = 0;
    if (count >= stepsPerDetent) {
      clicks = 1;
      count -= stepsPerDetent;
    } else if (count <= -stepsPerDetent) {
      clicks = -1;
      count += stepsPerDetent;
    }
    if (stepsPerDetent == 4 && state == DETENT_STATE) {
      count = 0;
    }
    return clicks;
  }

  /**
   * Changes of both channels at once seen so far (the encoder turned faster than it was sampled).
   */
  public long invalidTransitions() {
    return invalidTransitions;
  }

  private static int stateOf(boolean a, boolean b) {
    return (a ? 2 : 0) | (b ? 1 : 0);
  }
}
