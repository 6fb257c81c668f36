package com.smarttoaster.safety;

import java.io.IOException;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The supervisor's side of the {@link FaultStore}: reads a stored fault back at start-up and writes
 * newly latched (or cleared) faults. Writes run as {@link OrderedEvents}, after the supervisor's
 * lock is released and after heat is already off; a write older than the last one written is
 * dropped.
 */
final class FaultStoreWriter {
  private static final Logger log = LoggerFactory.getLogger(FaultStoreWriter.class);

  private final @Nullable FaultStore store;

  /** Orders the store's writes. */
  private final Object storeLock = new Object();

  private long writtenGeneration;

  /** Guarded by the supervisor's lock. */
  private long queuedGeneration;

  /**
   * @param store where latched faults are kept, or null to keep them in memory only
   */
  FaultStoreWriter(@Nullable FaultStore store) {
    this.store = store;
  }

  /**
   * The stored fault, latched again; null when none is stored or there is no store. Never throws.
   */
  @Nullable Fault restored(long now) {
    FaultStore store = this.store;
    if (store == null) {
      return null;
    }
    try {
      Optional<FaultStore.StoredFault> stored = store.load();
      if (stored.isEmpty()) {
        log.info("No latched fault stored in {}", store.file());
        return null;
      }
      Fault f = stored.get().fault();
      log.warn(
          "Fault {} restored from {} (latched at {}): it stays latched until reset",
          f.code(),
          store.file(),
          stored.get().latchedAt());
      return new Fault(
          f.code(),
          f.message() + " (Restored after a restart: latched at " + stored.get().latchedAt() + ".)",
          f.measured(),
          f.limit(),
          now);
    } catch (FaultStore.UnreadableFaultException e) {
      log.error("The fault store cannot be read back: {}", e.getMessage());
      return new Fault(
          FaultCode.STORED_FAULT_UNREADABLE,
          "A latched fault was stored before the restart but cannot be read back ("
              + e.getMessage()
              + "), so it is kept as one that needs service. Heat is off and no cycle can start. "
              + FaultText.SERVICE
              + " After the check, hold the reset button while powering up.",
          0,
          0,
          now);
    }
  }

  /** Queues a write of {@code latched} to the store. Caller holds the supervisor's lock. */
  void queueSave(Fault latched, OrderedEvents events) {
    queue(latched, events);
  }

  /** Queues a clear of the store (the fault was reset). Caller holds the supervisor's lock. */
  void queueClear(OrderedEvents events) {
    queue(null, events);
  }

  /** {@code toStore} null: clear the store. */
  private void queue(@Nullable Fault toStore, OrderedEvents events) {
    FaultStore store = this.store;
    if (store == null) {
      return;
    }
    long generation = ++queuedGeneration;
    events.add(() -> write(store, generation, toStore));
  }

  private void write(FaultStore store, long generation, @Nullable Fault toStore) {
    synchronized (storeLock) {
      if (generation <= writtenGeneration) {
        return; // a newer state was written already
      }
      writtenGeneration = generation;
      try {
        if (toStore == null) {
          store.clear();
        } else {
          store.save(toStore);
        }
      } catch (IOException | RuntimeException e) {
        log.error(
            "Could not {} the fault store {}: {}. A restart {} this fault.",
            toStore == null ? "clear" : "write",
            store.file(),
            e.toString(),
            toStore == null ? "may bring back" : "would forget");
      }
    }
  }
}
