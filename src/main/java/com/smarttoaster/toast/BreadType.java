package com.smarttoaster.toast;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** Bread types the appliance knows, as named in scenario files, config and MQTT. */
public enum BreadType {
  WHITE,
  WHOLEGRAIN,
  SOURDOUGH,
  RYE,
  BRIOCHE,
  BAGEL;

  /** The lower-case name used in files and messages. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses a lower-case id; returns null when unknown so callers can name the field in the error.
   */
  public static @Nullable BreadType fromId(String id) {
    for (BreadType t : values()) {
      if (t.id().equals(id)) {
        return t;
      }
    }
    return null;
  }
}
