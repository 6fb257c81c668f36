package com.smarttoaster.remote;

import org.jspecify.annotations.Nullable;

/**
 * Decides when the retained state is worth publishing, on the appliance's clock: at once when
 * something a person acts on changes (phase, settings, heating, fault, arm); the moving values
 * (chamber temperature, remaining time) at most once a second while a cycle runs and at most once a
 * minute otherwise, each only when it moved past a dead band from the value last published (so a
 * reading that wanders around x.5 °C does not flip back and forth); and a heartbeat when nothing
 * was published for {@code heartbeatNanos}. An idle toaster thus publishes at most one state a
 * minute, heartbeat included. Controller thread only.
 */
final class StateThrottle {
  /** Moving values while a cycle runs: the remaining time counts down visibly. */
  static final long ACTIVE_INTERVAL_NANOS = 1_000_000_000L;

  static final double ACTIVE_DEADBAND_C = 1.0;

  /** Moving values otherwise: a cooling or warming toaster is shown, a wandering reading is not. */
  static final long IDLE_INTERVAL_NANOS = 60_000_000_000L;

  static final double IDLE_DEADBAND_C = 2.0;

  private final long heartbeatNanos;
  private @Nullable ToasterState last;
  private long lastAtNanos;

  StateThrottle(double heartbeatS) {
    this.heartbeatNanos = (long) (heartbeatS * 1e9);
  }

  /** Forgets what was published: the next state is due at once. */
  void reset() {
    last = null;
  }

  /** True when {@code state} should be published now; then it counts as published. */
  boolean due(ToasterState state, long nowNanos) {
    ToasterState before = last;
    boolean due =
        before == null
            || state.differsInKind(before)
            || moved(state, before, nowNanos)
            || nowNanos - lastAtNanos >= heartbeatNanos;
    if (due) {
      last = state;
      lastAtNanos = nowNanos;
    }
    return due;
  }

  private boolean moved(ToasterState s, ToasterState last, long now) {
    boolean active = s.isCycleRunning();
    long since = now - lastAtNanos;
    if (since < (active ? ACTIVE_INTERVAL_NANOS : IDLE_INTERVAL_NANOS)) {
      return false;
    }
    double band = active ? ACTIVE_DEADBAND_C : IDLE_DEADBAND_C;
    return s.remainingS() != last.remainingS()
        || (s.chamberC() != null
            && last.chamberC() != null
            && Math.abs(s.chamberC() - last.chamberC()) >= band);
  }
}
