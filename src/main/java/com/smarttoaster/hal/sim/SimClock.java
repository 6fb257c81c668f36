package com.smarttoaster.hal.sim;

import com.smarttoaster.hal.Clock;

/** Simulated time that only moves when the simulation steps it. */
public final class SimClock implements Clock {
  private volatile long nanos;

  @Override
  public long nanos() {
    return nanos;
  }

  /** Moves time forward by {@code dtNanos} (must not be negative). */
  public void advance(long dtNanos) {
    if (dtNanos < 0) {
      throw new IllegalArgumentException("time cannot go backwards: " + dtNanos + " ns");
    }
    nanos += dtNanos;
  }
}
