package com.smarttoaster.control;

import com.smarttoaster.hal.Clock;
import com.smarttoaster.predict.HeatHistory;
import com.smarttoaster.predict.PredictionInput;
import com.smarttoaster.predict.StoredHeat;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the controller knows of its own earlier heating: when the last cycle's heat stopped, how
 * long it heated, and the heat every cycle left in the toaster ({@link HeatHistory}). Kept in
 * memory and, once {@link #keepIn} names a file, also on disk, so that a restarted controller takes
 * it over.
 *
 * <p>Not thread-safe: the controller's thread only.
 */
final class HeatMemory {
  private static final Logger log = LoggerFactory.getLogger(HeatMemory.class);

  private final Clock clock;
  private boolean hadCycle;
  private long lastHeatEndNanos;
  private double lastHeatS;
  private HeatHistory history = new HeatHistory();
  private @Nullable HeatRecordFile file;

  HeatMemory(Clock clock) {
    this.clock = clock;
  }

  /** Whether a cycle that heated is known (since this controller started, or taken over). */
  boolean hadCycle() {
    return hadCycle;
  }

  /** When the last known heating stopped, by the controller's clock; meaningless without one. */
  long lastHeatEndNanos() {
    return lastHeatEndNanos;
  }

  /** How long the last known cycle heated, s; 0 without one. */
  double lastHeatS() {
    return lastHeatS;
  }

  /**
   * Seconds since the last known heating stopped; {@link PredictionInput#NO_RECENT_CYCLE_S} without
   * one.
   */
  double sinceLastS(long nowNanos) {
    return hadCycle ? (nowNanos - lastHeatEndNanos) / 1e9 : PredictionInput.NO_RECENT_CYCLE_S;
  }

  /** The heat still held {@code restS} after the last known heating stopped. */
  StoredHeat after(double restS) {
    return history.after(restS);
  }

  /**
   * A heating from {@code startNanos} to {@code endNanos} at {@code powerShare} of the element's
   * rating; written to the file, if one is kept. A file that cannot be written is reported and the
   * memory goes on in memory: a toast is not refused for a full disk.
   */
  void heated(long startNanos, long endNanos, double powerShare) {
    double restBeforeS = hadCycle ? Math.max(0.0, (startNanos - lastHeatEndNanos) / 1e9) : 0;
    hadCycle = true;
    lastHeatEndNanos = endNanos;
    lastHeatS = (endNanos - startNanos) / 1e9;
    history.heated(restBeforeS, lastHeatS, powerShare);
    if (file != null) {
      try {
        file.save(lastHeatS, history.atLastHeatEnd());
      } catch (IOException | RuntimeException e) {
        log.warn(
            "The heat record {} could not be written ({}); a restart now forgets this cycle's heat.",
            file.path(),
            e.toString());
      }
    }
  }

  /**
   * Keeps this memory in {@code heatRecord} from now on, and takes over what it holds when this
   * controller knows no cycle yet: a heating that stopped less than {@link
   * PredictionInput#NO_RECENT_CYCLE_S} ago by the wall clock becomes the last known cycle. A record
   * that cannot be used (unreadable, out of its limits, stamped after the wall clock's now, as
   * before the clock is set after a power cut) is ignored: the controller then knows no cycle, as
   * it did before it kept a file, which makes the next toast longer, never shorter than a record
   * would.
   *
   * @return what was taken over or why not, in words
   */
  String keepIn(HeatRecordFile heatRecord) {
    this.file = heatRecord;
    if (hadCycle) {
      return "the heat record is kept from now on; this controller's own cycles stand";
    }
    Optional<HeatRecordFile.HeatRecord> stored;
    try {
      stored = heatRecord.load();
    } catch (IOException e) {
      return "the heat record is ignored, the toaster counts as unused: " + e.getMessage();
    }
    if (stored.isEmpty()) {
      return "no heat record yet";
    }
    HeatRecordFile.HeatRecord r = stored.get();
    Instant now = heatRecord.now();
    double agoS = Duration.between(r.heatEndedAt(), now).toNanos() / 1e9;
    if (agoS < 0) {
      return "the heat record is ignored, the toaster counts as unused: its heat stopped at "
          + r.heatEndedAt()
          + ", after the wall clock's "
          + now
          + " (is the clock set?)";
    }
    if (agoS >= PredictionInput.NO_RECENT_CYCLE_S) {
      return "the last heating (" + r.heatEndedAt() + ") is too long ago to matter";
    }
    hadCycle = true;
    lastHeatS = r.lastHeatS();
    lastHeatEndNanos = clock.nanos() - Math.round(agoS * 1e9);
    history = HeatHistory.restored(r.atHeatEnd());
    return String.format(
        Locale.ROOT,
        "took over the last cycle from the heat record: %.1f s of heat that stopped %.1f s ago",
        lastHeatS,
        agoS);
  }
}
