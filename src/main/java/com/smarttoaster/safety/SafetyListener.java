package com.smarttoaster.safety;

/** Receives changes of safety state. Called on the supervisor's thread; must not block. */
public interface SafetyListener {
  void onFault(Fault fault);

  /** The heater command changed (true = relay commanded on). */
  default void onHeaterCommand(boolean on, long atNanos) {}

  /** The carriage latch was released (bread pops). */
  default void onCarriageReleased(long atNanos) {}

  SafetyListener NONE = fault -> {};
}
