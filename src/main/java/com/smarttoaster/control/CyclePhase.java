package com.smarttoaster.control;

import java.util.Locale;

/** The toaster's cycle state as users see it. */
public enum CyclePhase {
  IDLE,
  /** Carriage held with bread in, no heat, waiting for a remote start. */
  ARMED,
  /**
   * Carriage held, no heat yet: the predictor is working out the time (at most the predictor's
   * deadline, 0.5 s by default). The lease is renewed meanwhile.
   */
  PREPARING,
  TOASTING,
  DONE,
  CANCELLED,
  FAULT;

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** True while the carriage is down under the controller's command. */
  public boolean isActive() {
    return this == ARMED || this == PREPARING || this == TOASTING;
  }
}
