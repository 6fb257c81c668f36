package com.smarttoaster.hal.sim;

/**
 * When a zero-cross solid-state relay conducts. A zero-cross SSR (e.g. Crydom D2425: "zero voltage
 * turn-on", turn-off "at zero current"; its datasheet gives turn-on and turn-off times of at most ½
 * cycle) fires its triac only near a voltage zero, and a triac, once fired, conducts until the load
 * current next passes through zero. With the resistive elements current and voltage cross zero
 * together, so the relay conducts through a half-cycle exactly when its control input was driven at
 * the zero crossing that began it:
 *
 * <pre>
 *   conducts(t) = drive(z),  z = the last zero crossing at or before t = ⌊2·f·t⌋ / (2·f)
 * </pre>
 *
 * So turn-on waits for the next zero (≤ 1/(2f)) and turn-off runs to the next current zero (≤
 * 1/(2f): 10 ms at 50 Hz, 8.3 ms at 60 Hz). The model uses 50 Hz, the longer of the two.
 */
final class ZeroCrossSsr {
  /** Mains frequency, Hz (50 Hz: the longer half-cycle of the 50/60 Hz supplies). */
  static final double MAINS_HZ = 50.0;

  /** Half a mains cycle, ns: the longest an SSR keeps conducting after its input went off. */
  static final long HALF_CYCLE_NANOS = Math.round(1e9 / (2 * MAINS_HZ));

  private ZeroCrossSsr() {}

  /** The last voltage (and current) zero crossing at or before {@code nanos}. */
  static long lastZeroCrossingNanos(long nanos) {
    return Math.floorDiv(nanos, HALF_CYCLE_NANOS) * HALF_CYCLE_NANOS;
  }
}
