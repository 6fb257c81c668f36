package com.smarttoaster.toast;

import java.util.List;

/**
 * The mains voltages a toaster's heating element is designed for: European (230 V) and North
 * American (120 V) appliances. The element gives its rated power at its design voltage.
 */
public final class ElementRating {
  public static final double VOLTS_230 = 230.0;
  public static final double VOLTS_120 = 120.0;

  /** Every design voltage, the usual one first. */
  public static final List<Double> DESIGN_VOLTS = List.of(VOLTS_230, VOLTS_120);

  private ElementRating() {}

  public static boolean isDesignVoltage(double volts) {
    return DESIGN_VOLTS.contains(volts);
  }

  /** The design voltage nearer a stated mains voltage (120 for 100–174 V, else 230). */
  public static double nearest(double mainsVolts) {
    return Math.abs(mainsVolts - VOLTS_120) < Math.abs(mainsVolts - VOLTS_230)
        ? VOLTS_120
        : VOLTS_230;
  }
}
