package com.smarttoaster.simulation;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Whether the toaster's software is restarted in a scenario with earlier cycles, as the last of
 * them ends (a crash, an update or a power blip to the Pi alone between two batches): the new
 * supervisor and controller start on the same, still hot appliance.
 */
public enum ControllerRestart {
  /** The software runs through. */
  NONE,
  /** Restarted without a state directory: the controller knows no earlier cycle. */
  FORGETTING,
  /**
   * Restarted with a state directory: the controller takes over the last cycle's heat from its heat
   * record ({@code control.HeatRecordFile}).
   */
  REMEMBERING;

  /** The name on the command line. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The restart named {@code id}, or null for an unknown name. */
  public static @Nullable ControllerRestart fromId(String id) {
    for (ControllerRestart r : values()) {
      if (r.id().equals(id)) {
        return r;
      }
    }
    return null;
  }
}
