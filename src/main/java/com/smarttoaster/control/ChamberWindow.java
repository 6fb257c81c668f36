package com.smarttoaster.control;

import com.smarttoaster.hal.TemperatureReading;
import com.smarttoaster.predict.HeatingProgress;
import org.jspecify.annotations.Nullable;

/**
 * The chamber readings of the last few seconds, for the heating progress: a rise read from single
 * samples carries the MAX31855's noise (σ ≈ 0.3 °C) twice, which is as much as 1 % of mains;
 * averaging the samples of the last {@link HeatingProgress#AVERAGE_S} takes most of it out. Each
 * sample is kept once (by its timestamp); invalid samples are skipped.
 */
final class ChamberWindow {
  private static final int CAPACITY = 64;

  private final long[] atNanos = new long[CAPACITY];
  private final double[] chamberC = new double[CAPACITY];
  private int next;
  private int size;

  /** Adds a sample unless it is invalid or already kept. */
  void add(@Nullable TemperatureReading r) {
    if (r == null || !r.isValid()) {
      return;
    }
    int last = (next - 1 + CAPACITY) % CAPACITY;
    if (size > 0 && atNanos[last] == r.atNanos()) {
      return;
    }
    atNanos[next] = r.atNanos();
    chamberC[next] = r.chamberC();
    next = (next + 1) % CAPACITY;
    size = Math.min(size + 1, CAPACITY);
  }

  /**
   * Mean of the samples taken in ({@code toNanos} − {@link HeatingProgress#AVERAGE_S}, {@code
   * toNanos}]; NaN when none.
   */
  double meanBefore(long toNanos) {
    return meanBefore(toNanos, Long.MIN_VALUE);
  }

  /**
   * As {@link #meanBefore(long)}, from samples taken after {@code afterNanos} only: the reference
   * of a cycle pressed within {@link HeatingProgress#AVERAGE_S} of the last one's heat stopping
   * must not average that cycle's heating in (the training data's reference is the pause's own
   * samples).
   */
  double meanBefore(long toNanos, long afterNanos) {
    long fromNanos = Math.max(toNanos - (long) (HeatingProgress.AVERAGE_S * 1e9), afterNanos);
    double sum = 0;
    int n = 0;
    for (int k = 0; k < size; k++) {
      int i = (next - 1 - k + CAPACITY) % CAPACITY;
      if (atNanos[i] > fromNanos && atNanos[i] <= toNanos) {
        sum += chamberC[i];
        n++;
      }
    }
    return n == 0 ? Double.NaN : sum / n;
  }
}
