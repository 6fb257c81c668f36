package com.smarttoaster.safety;

import org.jspecify.annotations.Nullable;

/**
 * One independent safety check. It only looks: the supervisor alone acts on the fault it returns.
 * Each check is fed every tick while no fault is latched.
 */
interface SafetyCheck {
  /** The fault this tick reveals, or null when it reveals none. */
  @Nullable Fault evaluate(TickFacts facts);

  /** A new cycle starts: forget what only made sense for the last one. */
  default void onCycleStart(long nowNanos) {}

  /** A latched fault was cleared: forget everything seen so far and start afresh. */
  void onReset(long nowNanos);
}
