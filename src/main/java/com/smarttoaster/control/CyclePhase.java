package com.smarttoaster.control;

import java.util.Locale;

/** The toaster's cycle state as users see it. */
public enum CyclePhase {
  IDLE,
  /** Carriage held with bread in, no heat, waiting for a remote start. */
  ARMED,
  TOASTING,
  DONE,
  CANCELLED,
  FAULT;

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** True while the carriage is down under the controller's command. */
  public boolean isActive() {
    return this == ARMED || this == TOASTING;
  }
}
