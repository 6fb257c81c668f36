package com.smarttoaster.hal.sim;

/**
 * Maps the shade knob (1 lightest … 7 darkest) to the colour change ΔE (CIELAB, against the
 * untoasted crumb) of the toast surface and back. The scale is linear, ΔE = 5 + 5·shade, so each
 * step is the same visible difference (ΔE ≈ 5 is a clearly visible step) and both directions are
 * exact inverses:
 *
 * <pre>
 *   shade  ΔE   surface
 *     1    10   pale golden, barely toasted
 *     2    15   light golden
 *     3    20   golden
 *     4    25   golden brown (medium)
 *     5    30   brown
 *     6    35   dark brown
 *     7    40   very dark brown, edges starting to char
 *   (9.4   52   burnt: ΔE∞ of Zanoni et al.)
 * </pre>
 *
 * Real-valued shades in between are meaningful (4.3 is a little darker than 4). Untoasted bread (ΔE
 * = 0) is shade −1.
 */
public final class ShadeScale {
  /** ΔE at shade 0 (the intercept of the linear scale). */
  static final double DELTA_E_AT_SHADE_0 = 5.0;

  /** ΔE per shade step. */
  static final double DELTA_E_PER_SHADE = 5.0;

  private ShadeScale() {}

  /**
   * The colour change that a shade stands for.
   *
   * @param shade real-valued shade, at least {@code shadeForDeltaE(0)} (= −1)
   * @return ΔE, ≥ 0
   * @throws IllegalArgumentException for NaN or a shade lighter than untoasted bread
   */
  public static double deltaEForShade(double shade) {
    double deltaE = DELTA_E_AT_SHADE_0 + DELTA_E_PER_SHADE * shade;
    if (!(deltaE >= 0)) {
      throw new IllegalArgumentException(
          "shade "
              + shade
              + " is lighter than untoasted bread (lowest shade "
              + shadeForDeltaE(0)
              + ")");
    }
    return deltaE;
  }

  /**
   * The shade a colour change looks like; below 1 for barely toasted bread, above 7 towards burnt.
   *
   * @param deltaE colour change, ≥ 0
   * @return real-valued shade
   * @throws IllegalArgumentException for NaN or a negative ΔE
   */
  public static double shadeForDeltaE(double deltaE) {
    if (!(deltaE >= 0)) {
      throw new IllegalArgumentException("deltaE " + deltaE + " must be 0 or more");
    }
    return (deltaE - DELTA_E_AT_SHADE_0) / DELTA_E_PER_SHADE;
  }
}
