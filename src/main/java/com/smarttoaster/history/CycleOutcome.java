package com.smarttoaster.history;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** How a cycle ended; the ids are those of the result object (docs/contracts.md §3). */
public enum CycleOutcome {
  /** The predicted time ran out and the bread popped. */
  DONE,
  /** Cancel, lever up or remote cancel stopped it early. */
  CANCELLED,
  /** The safety supervisor cut the heat. */
  FAULT,
  /** The cycle never started (a latched fault, an unarmed remote start). */
  REFUSED,
  /**
   * Started and not ended yet. Written when the cycle starts, so that a power cut leaves a trace;
   * the record of how it ended replaces it.
   */
  RUNNING,
  /**
   * The process stopped (power cut, crash, kill) before the cycle ended: the next start found it
   * still {@link #RUNNING} and closed it ({@link CycleHistory#closeInterrupted()}).
   */
  INTERRUPTED;

  /** The id in the result object, the history and MQTT events (and so in JSON). */
  @JsonValue
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Whether a record with this outcome knows how long the heater was on. A running cycle has not
   * ended, and an interrupted one never said: its heater time stays unknown, stored as 0.
   */
  public boolean heaterTimeKnown() {
    return this != RUNNING && this != INTERRUPTED;
  }

  /** Parses {@link #id()}; null when unknown. */
  public static @Nullable CycleOutcome fromId(@Nullable String id) {
    for (CycleOutcome o : values()) {
      if (o.id().equals(id)) {
        return o;
      }
    }
    return null;
  }
}
