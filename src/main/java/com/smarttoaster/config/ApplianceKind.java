package com.smarttoaster.config;

import java.util.Locale;

/** Which hardware the appliance runs on. */
public enum ApplianceKind {
  /** The simulated appliance (physics model), on any computer. */
  SIMULATED,
  /** The Raspberry Pi appliance (Pi4J hardware layer). */
  PI,
  /**
   * The Raspberry Pi hardware layer on emulated chips wired to the simulated physics, on any
   * computer: the Pi code path without a Pi (needs the pi section for its wiring).
   */
  PI_EMULATED;

  /** The id used in the config file. */
  public String id() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** True for the kinds that run the Raspberry Pi hardware layer and need the pi section. */
  public boolean usesPiWiring() {
    return this != SIMULATED;
  }
}
