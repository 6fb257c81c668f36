package com.smarttoaster.remote;

import com.smarttoaster.hal.Clock;

/**
 * Rate limit on the appliance's {@link Clock}: holds up to {@code capacity} tokens, refilled at
 * {@code ratePerS}; each accepted request takes one. Thread-safe.
 */
final class TokenBucket {
  private final double capacity;
  private final double ratePerS;
  private Clock clock;
  private double tokens;
  private long lastNanos;

  TokenBucket(double capacity, double ratePerS, Clock clock) {
    if (!(capacity >= 1) || !(ratePerS > 0)) {
      throw new IllegalArgumentException(
          "capacity " + capacity + " must be at least 1 and rate " + ratePerS + " /s above 0");
    }
    this.capacity = capacity;
    this.ratePerS = ratePerS;
    reset(clock);
  }

  /** Full again, on a (possibly new) clock. */
  synchronized void reset(Clock newClock) {
    this.clock = newClock;
    this.tokens = capacity;
    this.lastNanos = newClock.nanos();
  }

  /** Takes a token if one is there. */
  synchronized boolean tryTake() {
    long now = clock.nanos();
    if (now > lastNanos) {
      tokens = Math.min(capacity, tokens + (now - lastNanos) / 1e9 * ratePerS);
      lastNanos = now;
    }
    if (tokens >= 1) {
      tokens -= 1;
      return true;
    }
    return false;
  }
}
