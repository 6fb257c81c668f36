package com.smarttoaster.history;

import java.util.List;
import java.util.Optional;

/**
 * Where cycles and the user's ratings are kept: each cycle as {@link CycleOutcome#RUNNING} from its
 * start, replaced by how it ended. Implementations are bounded: the oldest records beyond their
 * limit are deleted.
 */
public interface CycleHistory extends AutoCloseable {
  /** Stores a record durably (replacing one with the same cycle id) before returning. */
  void record(CycleRecord record);

  /** The latest {@code n} records, oldest first (for monitoring's rolling figures). */
  default java.util.List<CycleRecord> latest(int n) {
    java.util.List<CycleRecord> all = all();
    return all.subList(Math.max(0, all.size() - n), all.size());
  }

  /** The most recently recorded cycle, if any. */
  Optional<CycleRecord> last();

  /**
   * Sets (or replaces) the rating of a recorded cycle. Whether a rating may be given or changed is
   * decided before this, by {@code taste.RatingDesk}; this only stores it.
   *
   * @return false when no cycle with that id is recorded (any more)
   */
  boolean rate(String cycleId, Rating rating);

  /**
   * Closes every cycle still recorded as {@link CycleOutcome#RUNNING} as {@link
   * CycleOutcome#INTERRUPTED}, all in one transaction. Meant for start-up, before this process runs
   * a cycle: a running record is then one whose process stopped (power cut, crash, kill) before the
   * cycle ended. What was known at the start (inputs, prediction, start time) is kept; how long the
   * heater was on is not known, and stays 0 ({@link CycleOutcome#heaterTimeKnown()}).
   *
   * @return the records closed, as now stored, oldest first; empty when none was running
   */
  List<CycleRecord> closeInterrupted();

  /** Every recorded cycle, oldest first. */
  List<CycleRecord> all();

  /** The number of recorded cycles. */
  int size();

  @Override
  void close();
}
