package com.smarttoaster.predict;

/**
 * Which infrared bread-thermometer readings count as a reading of bread at the press, for the rule
 * ({@code control.BreadCheck}) and the model's input alike, so that the dataset and the controller
 * drop the same readings. The chip's object range is −70…382 °C (Melexis MLX90614 datasheet
 * 3901090614), but bread comes from a freezer (≥ −40 °C) or a kitchen (≤ 60 °C); anything else is a
 * sensor looking at something else, or broken.
 */
public final class BreadReading {
  public static final double PLAUSIBLE_MIN_C = -40.0;

  public static final double PLAUSIBLE_MAX_C = 60.0;

  /**
   * Highest reading of the boards (carriage up) taken as one, °C: the chip's object range ends at
   * 382 °C; the boards of a toaster that has just toasted reach about 330 °C in the simulator's
   * physics (a dark cycle on a 45 °C kitchen).
   */
  public static final double PLAUSIBLE_BOARD_MAX_C = 380.0;

  private BreadReading() {}

  /**
   * True when {@code apparentC} (°C, emissivity 1), read with the carriage up, may be used as the
   * temperature of the boards the bread faces.
   */
  public static boolean plausibleBoard(double apparentC) {
    return within(apparentC, PLAUSIBLE_BOARD_MAX_C);
  }

  /** True when {@code apparentC} (°C, emissivity 1) may be used as a reading of the bread. */
  public static boolean plausible(double apparentC) {
    return within(apparentC, PLAUSIBLE_MAX_C);
  }

  /** True when {@code apparentC} is a number from {@link #PLAUSIBLE_MIN_C} to {@code maxC}. */
  public static boolean within(double apparentC, double maxC) {
    return Double.isFinite(apparentC) && apparentC >= PLAUSIBLE_MIN_C && apparentC <= maxC;
  }
}
