package com.smarttoaster.fleet.store;

import org.jspecify.annotations.Nullable;

/**
 * What a field event says of the device's checker on its cycle: whether the non-ML estimate
 * overruled the model, or nothing (an event without a cycle). Stored as 1, 0 or NULL.
 */
public enum CheckerVerdict {
  /** The model's answer agreed with the non-ML estimate (or no check was needed). */
  AGREED,
  /** The checker refused the model's answer and the non-ML time was used. */
  DISAGREED,
  /** The event does not say: it has no cycle. */
  NOT_REPORTED;

  public static CheckerVerdict of(boolean disagreed) {
    return disagreed ? DISAGREED : AGREED;
  }

  /** The stored column value: 1, 0, or null for {@link #NOT_REPORTED}. */
  public @Nullable Integer column() {
    return switch (this) {
      case AGREED -> 0;
      case DISAGREED -> 1;
      case NOT_REPORTED -> null;
    };
  }

  /** The verdict a stored column value stands for (null for SQL NULL). */
  public static CheckerVerdict ofColumn(@Nullable Integer value) {
    return value == null ? NOT_REPORTED : of(value != 0);
  }
}
