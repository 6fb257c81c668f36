package com.smarttoaster.safety;

/**
 * Chamber samples in time order, for the checks that compare readings across a time window.
 *
 * <p>A ring of primitive times and values rather than a deque of sample objects: these windows take
 * a sample and are scanned on every supervisor sample, and the simulator runs hundreds of cycles a
 * second through them. Scans run from the oldest sample to the newest, so sums add in time order.
 */
final class SampleWindow {
  record Sample(long atNanos, double chamberC) {}

  private static final int INITIAL_CAPACITY = 16;

  private long[] atNanos = new long[INITIAL_CAPACITY];
  private double[] chamberC = new double[INITIAL_CAPACITY];

  /** Index of the oldest sample. */
  private int head;

  private int size;

  void add(long at, double c) {
    if (size == atNanos.length) {
      grow();
    }
    int i = slot(size);
    atNanos[i] = at;
    chamberC[i] = c;
    size++;
  }

  /** Drops every sample taken before {@code at}. */
  void dropBefore(long at) {
    while (size > 0 && atNanos[head] < at) {
      removeOldest();
    }
  }

  /**
   * Drops old samples but keeps the newest one taken at or before {@code at}, so that it can serve
   * as the reference at the far end of a window.
   */
  void keepOneAtOrBefore(long at) {
    while (size >= 2 && atNanos[slot(1)] <= at) {
      removeOldest();
    }
  }

  /** The oldest sample; the checks ask only right after {@link #add}. */
  Sample oldest() {
    if (size == 0) {
      throw new IllegalStateException("no samples: ask for the oldest only after add");
    }
    return new Sample(atNanos[head], chamberC[head]);
  }

  double min() {
    double m = Double.NaN;
    for (int k = 0; k < size; k++) {
      double c = chamberC[slot(k)];
      m = Double.isNaN(m) ? c : Math.min(m, c);
    }
    return m;
  }

  double max() {
    double m = Double.NaN;
    for (int k = 0; k < size; k++) {
      double c = chamberC[slot(k)];
      m = Double.isNaN(m) ? c : Math.max(m, c);
    }
    return m;
  }

  double mean() {
    if (size == 0) {
      return Double.NaN;
    }
    double sum = 0;
    for (int k = 0; k < size; k++) {
      sum += chamberC[slot(k)];
    }
    return sum / size;
  }

  boolean isEmpty() {
    return size == 0;
  }

  void clear() {
    head = 0;
    size = 0;
  }

  /** Array index of the k-th oldest sample. */
  private int slot(int k) {
    int i = head + k;
    return i < atNanos.length ? i : i - atNanos.length;
  }

  private void removeOldest() {
    head = slot(1);
    size--;
  }

  /** Doubles the ring, oldest sample first. */
  private void grow() {
    long[] at = new long[atNanos.length * 2];
    double[] c = new double[atNanos.length * 2];
    for (int k = 0; k < size; k++) {
      at[k] = atNanos[slot(k)];
      c[k] = chamberC[slot(k)];
    }
    atNanos = at;
    chamberC = c;
    head = 0;
  }
}
