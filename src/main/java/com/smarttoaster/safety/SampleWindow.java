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

  double min() {
    return samples.stream().mapToDouble(Sample::chamberC).min().orElse(Double.NaN);
  }

  double max() {
    return samples.stream().mapToDouble(Sample::chamberC).max().orElse(Double.NaN);
  }

  double mean() {
    return samples.stream().mapToDouble(Sample::chamberC).average().orElse(Double.NaN);
  }

  boolean isEmpty() {
    return samples.isEmpty();
  }

  void clear() {
    samples.clear();
  }
}
