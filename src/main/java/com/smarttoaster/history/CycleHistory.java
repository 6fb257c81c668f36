package com.smarttoaster.history;

import java.util.List;
import java.util.Optional;

/**
 * Where finished cycles and the user's ratings are kept. Implementations are bounded: the oldest
 * records beyond their limit are deleted.
 */
public interface CycleHistory extends AutoCloseable {
  /** Stores a record durably (replacing one with the same cycle id) before returning. */
  void record(CycleRecord record);

  /** The most recently recorded cycle, if any. */
  Optional<CycleRecord> last();

  /**
   * Sets the rating of a recorded cycle.
   *
   * @return false when no cycle with that id is recorded (any more)
   */
  boolean rate(String cycleId, Rating rating);

  /** Every recorded cycle, oldest first. */
  List<CycleRecord> all();

  /** The number of recorded cycles. */
  int size();

  @Override
  void close();
}
