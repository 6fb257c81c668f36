package com.smarttoaster.safety;

import java.util.ArrayDeque;

/** Chamber samples in time order, for the checks that compare readings across a time window. */
final class SampleWindow {
  record Sample(long atNanos, double chamberC) {}

  private final ArrayDeque<Sample> samples = new ArrayDeque<>();

  void add(long atNanos, double chamberC) {
    samples.addLast(new Sample(atNanos, chamberC));
  }

  /** Drops every sample taken before {@code atNanos}. */
  void dropBefore(long atNanos) {
    while (!samples.isEmpty() && samples.peekFirst().atNanos() < atNanos) {
      samples.removeFirst();
    }
  }

  /**
   * Drops old samples but keeps the newest one taken at or before {@code atNanos}, so that it can
   * serve as the reference at the far end of a window.
   */
  void keepOneAtOrBefore(long atNanos) {
    while (samples.size() >= 2) {
      Sample first = samples.removeFirst();
      if (samples.peekFirst().atNanos() > atNanos) {
        samples.addFirst(first);
        return;
      }
    }
  }

  Sample oldest() {
    return samples.peekFirst();
  }

  Sample newest() {
    return samples.peekLast();
  }

  // Plain loops, not streams: these run on every supervisor tick, and the simulator runs thousands
  // of cycles a second through them.

  double min() {
    double m = Double.NaN;
    for (Sample s : samples) {
      m = Double.isNaN(m) ? s.chamberC() : Math.min(m, s.chamberC());
    }
    return m;
  }

  double max() {
    double m = Double.NaN;
    for (Sample s : samples) {
      m = Double.isNaN(m) ? s.chamberC() : Math.max(m, s.chamberC());
    }
    return m;
  }

  double mean() {
    if (samples.isEmpty()) {
      return Double.NaN;
    }
    double sum = 0;
    for (Sample s : samples) {
      sum += s.chamberC();
    }
    return sum / samples.size();
  }

  boolean isEmpty() {
    return samples.isEmpty();
  }

  void clear() {
    samples.clear();
  }
}
