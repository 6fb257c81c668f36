package com.smarttoaster.hal.sim;

/**
 * The manual-reset thermal cut-out in the elements' mains path (hardware/README.md): a snap-action
 * bimetal disc thermostat, KSD301 class, manual reset, ceramic body, 16 A 250 V AC, opening at
 * {@link #RATED_TRIP_C} ± {@link #TOLERANCE_C} (KSD301 specification: action temperature 0…250 °C,
 * deviation ±3/±5/±10 °C as ordered; we order ±3 °C). Once open it stays open until its reset
 * button is pressed, which the disc allows only after it has cooled {@link #RESET_BELOW_C} below
 * its trip (KSD301 manual-reset type: about 20 °C). It is on a {@link ProtectorMount}.
 */
final class ThermalCutout extends MountedThermalSwitch {
  /** Rated opening temperature, °C. */
  static final double RATED_TRIP_C = 180.0;

  /** Opening tolerance as ordered, ±°C. */
  static final double TOLERANCE_C = 3.0;

  /** How far below its trip the disc must cool before the reset button can close it, °C. */
  static final double RESET_BELOW_C = 20.0;

  /** A cut-out that opens at {@code tripC} (the rating, or an end of its tolerance). */
  ThermalCutout(ProtectorMount mount, double tripC) {
    super(mount, tripC);
  }

  /** Presses the reset button: closes the disc only if it has cooled enough. True if it closed. */
  boolean pressReset() {
    if (isOpen() && tempC() <= tripC() - RESET_BELOW_C) {
      close();
    }
    return !isOpen();
  }

  double tripC() {
    return opensAtC();
  }
}
