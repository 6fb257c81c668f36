package com.smarttoaster.web;

import com.smarttoaster.control.ControllerSnapshot;
import com.smarttoaster.safety.SafetyStatus;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * The chamber reading and heater state of the running cycle and of the last {@value #KEPT} cycles
 * of this run, for the page's chart. Fed after every controller tick (controller thread, cheap,
 * never blocks for long); a sample every {@value #SAMPLE_EVERY_S} s of appliance time. Cycles of
 * earlier runs have no trace: the history database keeps results, not readings.
 */
final class CycleTraces {
  static final int KEPT = 20;
  static final double SAMPLE_EVERY_S = 0.5;

  /** Longer than any allowed cycle at one sample per {@link #SAMPLE_EVERY_S}. */
  static final int MAX_SAMPLES = 2000;

  /**
   * A trace matches a history record started this close to it (both take the wall clock at start).
   */
  static final long MATCH_MS = 5000;

  /** One sample: appliance time since the cycle's start, chamber °C (null when invalid), heater. */
  record Sample(double tS, Double chamberC, boolean heaterOn) {}

  /**
   * One cycle's trace; {@code predictedS} is heating time from the cycle's start, null before it is
   * known.
   */
  record Trace(
      Instant startedAt, double startS, Double predictedS, boolean running, List<Sample> samples) {}

  private final Deque<Trace> done = new ArrayDeque<>();
  private Instant startedAt;
  private double startS;
  private Double predictedS;
  private List<Sample> samples;
  private double lastSampleS = Double.NEGATIVE_INFINITY;

  /** After a controller tick; {@code nowS} is appliance time. */
  synchronized void afterTick(ControllerSnapshot c, SafetyStatus s, double nowS) {
    boolean active = c.phase().isActive();
    if (active && samples == null) {
      startedAt = Instant.now();
      startS = nowS;
      predictedS = null;
      samples = new ArrayList<>();
      lastSampleS = Double.NEGATIVE_INFINITY;
    }
    if (samples == null) {
      return;
    }
    if (c.prediction() != null && c.phase() == com.smarttoaster.control.CyclePhase.TOASTING) {
      predictedS = c.prediction().seconds();
    }
    if (nowS - lastSampleS >= SAMPLE_EVERY_S - 1e-9 || !active) {
      if (samples.size() < MAX_SAMPLES) {
        Double chamber =
            s.lastReading() != null && s.lastReading().isValid()
                ? s.lastReading().chamberC()
                : null;
        samples.add(
            new Sample(
                round(nowS - startS),
                chamber == null ? null : round(chamber),
                s.heaterCommandedOn()));
      }
      lastSampleS = nowS;
    }
    if (!active) {
      done.addFirst(new Trace(startedAt, startS, predictedS, false, List.copyOf(samples)));
      while (done.size() > KEPT) {
        done.removeLast();
      }
      samples = null;
    }
  }

  /** The running cycle's trace so far. */
  synchronized Optional<Trace> running() {
    return samples == null
        ? Optional.empty()
        : Optional.of(new Trace(startedAt, startS, predictedS, true, List.copyOf(samples)));
  }

  /**
   * The running or a finished trace of this run that started within {@link #MATCH_MS} of {@code
   * start}.
   */
  synchronized Optional<Trace> near(Instant start) {
    List<Trace> all = new ArrayList<>(done);
    running().ifPresent(all::add);
    return all.stream()
        .filter(t -> Math.abs(t.startedAt().toEpochMilli() - start.toEpochMilli()) <= MATCH_MS)
        .min(
            (a, b) ->
                Long.compare(
                    Math.abs(a.startedAt().toEpochMilli() - start.toEpochMilli()),
                    Math.abs(b.startedAt().toEpochMilli() - start.toEpochMilli())));
  }

  private static double round(double v) {
    return Math.round(v * 100) / 100.0;
  }
}
