package com.smarttoaster.hal.sim;

import com.smarttoaster.hal.Clock;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * Simulated time that only moves when the simulation steps it.
 *
 * <p>One thread advances it (the simulation's, or the runner's physics thread) while others read it
 * (the supervisor and controller loops of {@code run}, a remote). The time is published with a
 * release store and read with an acquire load: every reader sees a time that only grows, together
 * with what the stepping thread wrote before advancing it, as with a volatile field, but without
 * the full memory fence a volatile store costs on every 10 ms step of a simulated cycle.
 */
public final class SimClock implements Clock {
  private static final VarHandle NANOS;

  static {
    try {
      NANOS = MethodHandles.lookup().findVarHandle(SimClock.class, "nanos", long.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  @SuppressWarnings("unused") // accessed through NANOS
  private long nanos;

  @Override
  public long nanos() {
    return (long) NANOS.getAcquire(this);
  }

  /** Moves time forward by {@code dtNanos} (must not be negative). Call from one thread only. */
  public void advance(long dtNanos) {
    if (dtNanos < 0) {
      throw new IllegalArgumentException("time cannot go backwards: " + dtNanos + " ns");
    }
    NANOS.setRelease(this, (long) NANOS.getAcquire(this) + dtNanos);
  }
}
