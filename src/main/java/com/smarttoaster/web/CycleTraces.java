package com.smarttoaster.web;

import com.smarttoaster.control.ControllerSnapshot;
import com.smarttoaster.hal.TemperatureReading;
import com.smarttoaster.predict.Prediction;
import com.smarttoaster.safety.SafetyStatus;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

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
  record Sample(double tS, @Nullable Double chamberC, boolean heaterOn) {}

  /**
   * One cycle's trace; {@code predictedS} is heating time from the cycle's start, null before it is
   * known.
   */
  record Trace(
      Instant startedAt,
      double startS,
      @Nullable Double predictedS,
      boolean running,
      List<Sample> samples) {}

  private final Deque<Trace> done = new ArrayDeque<>();

  /** The cycle being traced; null between cycles. */
  private @Nullable Tracing current;

  /** What is gathered while one cycle runs. */
  private static final class Tracing {
    private final Instant startedAt = Instant.now();
    private final double startS;
    private @Nullable Double predictedS;
    private final List<Sample> samples = new ArrayList<>();
    private double lastSampleS = Double.NEGATIVE_INFINITY;

    Tracing(double startS) {
      this.startS = startS;
    }

    Trace trace(boolean running) {
      return new Trace(startedAt, startS, predictedS, running, List.copyOf(samples));
    }
  }

  /** After a controller tick; {@code nowS} is appliance time. */
  synchronized void afterTick(ControllerSnapshot c, SafetyStatus s, double nowS) {
    boolean active = c.phase().isActive();
    if (active && current == null) {
      current = new Tracing(nowS);
    }
    Tracing t = current;
    if (t == null) {
      return;
    }
    Prediction p = c.prediction();
    if (p != null && c.phase() == com.smarttoaster.control.CyclePhase.TOASTING) {
      t.predictedS = p.seconds();
    }
    if (nowS - t.lastSampleS >= SAMPLE_EVERY_S - 1e-9 || !active) {
      if (t.samples.size() < MAX_SAMPLES) {
        TemperatureReading r = s.lastReading();
        Double chamber = r != null && r.isValid() ? round(r.chamberC()) : null;
        t.samples.add(new Sample(round(nowS - t.startS), chamber, s.heaterCommandedOn()));
      }
      t.lastSampleS = nowS;
    }
    if (!active) {
      done.addFirst(t.trace(false));
      while (done.size() > KEPT) {
        done.removeLast();
      }
      current = null;
    }
  }

  /** The running cycle's trace so far. */
  synchronized Optional<Trace> running() {
    Tracing t = current;
    return t == null ? Optional.empty() : Optional.of(t.trace(true));
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
