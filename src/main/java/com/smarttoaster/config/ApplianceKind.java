package com.smarttoaster.config;

import java.util.Locale;

/** Which hardware the appliance runs on. */
public enum ApplianceKind {
  /** The simulated appliance (physics model), on any computer. */
  SIMULATED,
  /** The Raspberry Pi appliance (Pi4J hardware layer). */
  PI;

  /** The id used in the config file. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
