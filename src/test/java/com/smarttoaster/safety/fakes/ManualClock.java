package com.smarttoaster.safety.fakes;

import com.smarttoaster.hal.Clock;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A clock that only moves when told to. Starts at {@link #DEFAULT_START_NANOS}, not at zero, so
 * code that silently assumes a zero origin gets caught. Thread-safe.
 */
public final class ManualClock implements Clock {
  /** 1000 s: an arbitrary, non-zero origin. */
  public static final long DEFAULT_START_NANOS = 1_000_000_000_000L;

  private final AtomicLong nanos;

  public ManualClock() {
    this(DEFAULT_START_NANOS);
  }

  public ManualClock(long startNanos) {
    this.nanos = new AtomicLong(startNanos);
  }

  @Override
  public long nanos() {
    return nanos.get();
  }

  public void setNanos(long value) {
    nanos.set(value);
  }

  public void advanceNanos(long delta) {
    if (delta < 0) {
      throw new IllegalArgumentException("a monotonic clock cannot go back, delta was " + delta);
    }
    nanos.addAndGet(delta);
  }

  public void advanceMillis(long millis) {
    advanceNanos(millis * 1_000_000L);
  }

  /** Advances by {@code seconds}, rounded to whole nanoseconds. */
  public void advanceSeconds(double seconds) {
    advanceNanos(Math.round(seconds * 1e9));
  }
}
