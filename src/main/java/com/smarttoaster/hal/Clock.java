package com.smarttoaster.hal;

/**
 * The only time source of the controller. The real appliance uses the monotonic system clock; the
 * simulated appliance steps time explicitly so a three-minute cycle runs in milliseconds and tests
 * are deterministic.
 */
public interface Clock {
  /** Monotonic time in nanoseconds from an arbitrary origin. */
  long nanos();

  /** Monotonic time in seconds, for readability in checks that use seconds. */
  default double seconds() {
    return nanos() / 1e9;
  }

  /** The system's monotonic clock. */
  static Clock system() {
    return System::nanoTime;
  }
}
