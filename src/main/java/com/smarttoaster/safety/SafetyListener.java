package com.smarttoaster.safety;

/**
 * Receives changes of safety state, strictly in the order the supervisor decided them (a heater-on
 * from the loop and a heater-off from the controller never overtake each other). Usually called on
 * the thread that caused the change (the supervisor's loop, or the controller's for heat off in
 * {@code requestHeat(false)} or {@code endCycle()}, a late renewal found in {@code renewLease()}),
 * but when another supervisor thread is delivering events at that moment, that thread delivers
 * these too, after its own. Never called while the supervisor's lock is held, so it may call back
 * into the supervisor; it must not block. An exception thrown here is logged and ignored.
 */
public interface SafetyListener {
  void onFault(Fault fault);

  /** The heater command changed (true = relay commanded on). */
  default void onHeaterCommand(boolean on, long atNanos) {}

  /** The carriage latch was released (bread pops). */
  default void onCarriageReleased(long atNanos) {}

  /** Two listeners heard as one, first {@code a} then {@code b}. */
  static SafetyListener both(SafetyListener a, SafetyListener b) {
    if (b == SafetyListener.NONE) {
      return a;
    }
    return new SafetyListener() {
      @Override
      public void onFault(Fault fault) {
        a.onFault(fault);
        b.onFault(fault);
      }

      @Override
      public void onHeaterCommand(boolean on, long atNanos) {
        a.onHeaterCommand(on, atNanos);
        b.onHeaterCommand(on, atNanos);
      }

      @Override
      public void onCarriageReleased(long atNanos) {
        a.onCarriageReleased(atNanos);
        b.onCarriageReleased(atNanos);
      }
    };
  }

  SafetyListener NONE = fault -> {};
}
