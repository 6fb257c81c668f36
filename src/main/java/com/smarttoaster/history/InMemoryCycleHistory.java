package com.smarttoaster.history;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Cycle records in memory only (simulations, benchmarks); bounded like the database. */
public final class InMemoryCycleHistory implements CycleHistory {
  private final List<CycleRecord> records = new ArrayList<>();
  private final int maxCycles;

  public InMemoryCycleHistory(int maxCycles) {
    this.maxCycles = maxCycles;
  }

  @Override
  public synchronized void record(CycleRecord record) {
    records.removeIf(r -> r.cycleId().equals(record.cycleId()));
    records.add(record);
    while (records.size() > maxCycles) {
      records.remove(0);
    }
  }

  @Override
  public synchronized Optional<CycleRecord> last() {
    return records.isEmpty() ? Optional.empty() : Optional.of(records.get(records.size() - 1));
  }

  @Override
  public synchronized boolean rate(String cycleId, Rating rating) {
    for (int i = 0; i < records.size(); i++) {
      if (records.get(i).cycleId().equals(cycleId)) {
        records.set(i, records.get(i).withRating(rating));
        return true;
      }
    }
    return false;
  }

  @Override
  public synchronized List<CycleRecord> closeInterrupted() {
    List<CycleRecord> closed = new ArrayList<>();
    records.replaceAll(
        r -> {
          if (r.outcome() != CycleOutcome.RUNNING) {
            return r;
          }
          CycleRecord c = r.interrupted();
          closed.add(c);
          return c;
        });
    return closed;
  }

  @Override
  public synchronized List<CycleRecord> all() {
    return List.copyOf(records);
  }

  @Override
  public synchronized int size() {
    return records.size();
  }

  @Override
  public void close() {}
}
