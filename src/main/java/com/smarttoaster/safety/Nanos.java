package com.smarttoaster.safety;

/** Converts between the limits' seconds and the clock's nanoseconds. */
final class Nanos {
  private Nanos() {}

  /** {@code seconds} as whole nanoseconds, rounded. */
  static long of(double seconds) {
    return Math.round(seconds * 1e9);
  }

  static double toSeconds(long nanos) {
    return nanos / 1e9;
  }
}
