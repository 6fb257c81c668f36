package com.smarttoaster.dataset;

import java.util.Locale;

/**
 * Where the bread came from, which sets its start temperature. Not observable by the appliance; the
 * dataset keeps it as a hidden truth column for evaluation only.
 */
public enum BreadStorage {
  /** Bread bin or counter: about room temperature. */
  ROOM,
  /** Straight from the fridge: about 4 °C, in toast or bagel mode (the user did not say). */
  FRIDGE,
  /** Straight from the freezer, in defrost mode. */
  FREEZER;

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static BreadStorage fromId(String id) {
    for (BreadStorage s : values()) {
      if (s.id().equals(id)) {
        return s;
      }
    }
    throw new IllegalArgumentException(
        "breadStorage '" + id + "' is not one of room, fridge, freezer");
  }
}
