package com.smarttoaster.history;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** The user's verdict on a finished cycle's toast. */
public enum Rating {
  TOO_LIGHT,
  JUST_RIGHT,
  TOO_DARK;

  /** Lower-case id with dashes, e.g. "too-light", as in files and MQTT. */
  public String id() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** Parses {@link #id()}; null when unknown so callers can name the field in the error. */
  public static @Nullable Rating fromId(@Nullable String id) {
    for (Rating r : values()) {
      if (r.id().equals(id)) {
        return r;
      }
    }
    return null;
  }
}
