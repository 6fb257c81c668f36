package com.smarttoaster.safety;

/**
 * Heater-on time of the current cycle, counted per loop period: a period counts in full when the
 * heater was commanded on at any moment of it (so a relay switched on and off between two ticks
 * still counts). Guarded by the supervisor's lock.
 */
final class HeatTimeBook {
  private boolean onDuringPeriod;
  private long heatNanosThisCycle;

  /** The last tick, or construction before the first tick. */
  private long lastTickNanos;

  HeatTimeBook(long nowNanos) {
    this.lastTickNanos = nowNanos;
  }

  /** A new cycle: the count starts again at zero. */
  void startCycle(boolean heaterOnNow) {
    heatNanosThisCycle = 0;
    onDuringPeriod = heaterOnNow;
  }

  /** The start of a tick: counts the period that just ended. */
  void countPeriod(long nowNanos, boolean heaterOnNow) {
    if (onDuringPeriod) {
      heatNanosThisCycle += Math.max(0, nowNanos - lastTickNanos);
    }
    onDuringPeriod = heaterOnNow;
  }

  /** The heater was commanded on during the current period. */
  void heaterOn() {
    onDuringPeriod = true;
  }

  /** The end of a tick. */
  void tickDone(long nowNanos) {
    lastTickNanos = nowNanos;
  }

  long heatNanosThisCycle() {
    return heatNanosThisCycle;
  }

  long lastTickNanos() {
    return lastTickNanos;
  }
}
