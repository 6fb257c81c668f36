package com.smarttoaster.safety;

import java.math.BigDecimal;
import java.util.Locale;

/**
 * The wording shared by fault messages: quantities with their unit, and the sentences that tell the
 * user what happened to the heat and what to do next.
 */
final class FaultText {
  static final String HEAT_CUT = "Heat cut and bread released.";
  static final String RESET = "then hold the reset button for 3 s.";
  static final String SERVICE =
      "Unplug the toaster and have it serviced; do not use it until it is repaired.";

  private FaultText() {}

  /** "283.5 °C". */
  static String celsius(double c) {
    return number(c) + " °C";
  }

  /** "+2.5 °C" or "-3.0 °C": a change of temperature. */
  static String celsiusChange(double c) {
    return (c >= 0 ? "+" : "") + celsius(c);
  }

  /** "1.05 s". */
  static String seconds(double s) {
    return number(s) + " s";
  }

  /** "25.0 °C/s". */
  static String celsiusPerSecond(double rate) {
    return number(rate) + " °C/s";
  }

  /** A configured factor as written, without trailing zeros: 0.07, 0.065, 0. */
  static String factor(double v) {
    return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
  }

  /** Two decimals, or one when the second is zero: 283.5, 150.25, 1.05, 0.5, 300.0. */
  static String number(double v) {
    String s = String.format(Locale.ROOT, "%.2f", v);
    return s.endsWith("0") ? s.substring(0, s.length() - 1) : s;
  }
}
