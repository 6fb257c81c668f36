package com.smarttoaster.safety;

/**
 * Receives changes of safety state. Called on the thread that caused the change: usually the
 * supervisor's loop thread, but the controller's thread for changes it causes itself (heat off in
 * {@code requestHeat(false)} or {@code endCycle()}, a late renewal found in {@code renewLease()}).
 * Never called while the supervisor's lock is held, so it may call back into the supervisor; it must
 * not block. An exception thrown here is logged and ignored.
 */
public interface SafetyListener {
  void onFault(Fault fault);

  /** The heater command changed (true = relay commanded on). */
  default void onHeaterCommand(boolean on, long atNanos) {}

  /** The carriage latch was released (bread pops). */
  default void onCarriageReleased(long atNanos) {}

  SafetyListener NONE = fault -> {};
}
