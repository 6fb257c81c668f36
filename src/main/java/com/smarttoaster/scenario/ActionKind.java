package com.smarttoaster.scenario;

import org.jspecify.annotations.Nullable;

/**
 * What the user (or a remote) does during a scenario. A scenario begins with the bread in and the
 * lever pressed at 0 s.
 */
public enum ActionKind {
  /** The cancel button on the appliance. */
  CANCEL("cancel"),
  /** The user lifts the lever. */
  LEVER_UP("lever-up"),
  /** Cancel over MQTT. */
  REMOTE_CANCEL("remote-cancel"),
  /** Start over MQTT; refused unless the toaster was armed locally. */
  REMOTE_START("remote-start"),
  /** Only at 0 s: the lever press arms the toaster (carriage held, no heat) instead of starting. */
  ARM_REMOTE_START("arm-remote-start");

  private final String id;

  ActionKind(String id) {
    this.id = id;
  }

  /** The id used in the file's {@code do} field. */
  public String id() {
    return id;
  }

  /** Parses an id; null when unknown. */
  public static @Nullable ActionKind fromId(String id) {
    for (ActionKind k : values()) {
      if (k.id.equals(id)) {
        return k;
      }
    }
    return null;
  }
}
