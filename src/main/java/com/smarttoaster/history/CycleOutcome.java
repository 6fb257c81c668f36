package com.smarttoaster.history;

import java.util.Locale;

/** How a cycle ended; the ids are those of the result object (DESIGN.md §6). */
public enum CycleOutcome {
  /** The predicted time ran out and the bread popped. */
  DONE,
  /** Cancel, lever up or remote cancel stopped it early. */
  CANCELLED,
  /** The safety supervisor cut the heat. */
  FAULT,
  /** The cycle never started (a latched fault, an unarmed remote start). */
  REFUSED;

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses {@link #id()}; null when unknown. */
  public static CycleOutcome fromId(String id) {
    for (CycleOutcome o : values()) {
      if (o.id().equals(id)) {
        return o;
      }
    }
    return null;
  }
}
