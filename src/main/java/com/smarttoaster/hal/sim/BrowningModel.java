package com.smarttoaster.hal.sim;

/**
 * Surface browning as first-order kinetics towards a burnt limit (Zanoni, Peri &amp; Bruno 1995,
 * "Modelling of browning kinetics of bread crust during baking", LWT 28:604–609):
 *
 * <pre>
 *   dΔE/dt = k(T) · (ΔE∞ − ΔE),    k(T) = f_bread · k0 · exp(−Ea / (R · T_K))
 *   ΔE∞ = 52 (burnt),  k0 = 42 000 s⁻¹,  Ea = 64 151 J/mol,  R = 8.314 J/(mol·K)
 * </pre>
 *
 * The paper fitted these constants on dried crumb browned on a refractory plate at 140–250 °C. The
 * simulated toast surface stays inside that range only up to about shade 1 (241 °C in the typical
 * cycle); darker shades reach 250–330 °C and extrapolate the Arrhenius law beyond its data. No
 * published browning law for bread surfaces above 250 °C was found; docs/physics-validation.md
 * records this gap. f_bread is the per-bread sugar multiplier of {@link BreadProperties}.
 * Integrated exactly over a step at constant T: ΔE ← ΔE∞ − (ΔE∞ − ΔE)·exp(−k·dt).
 */
final class BrowningModel {
  /** Asymptotic colour change of a burnt surface, ΔE (CIELAB). */
  static final double DELTA_E_BURNT = 52.0;

  /** Pre-exponential factor k0, s⁻¹. */
  static final double K0_PER_S = 42_000.0;

  /** Activation energy Ea, J/mol. */
  static final double ACTIVATION_J_PER_MOL = 64_151.0;

  /** Molar gas constant R, J/(mol·K). */
  static final double GAS_CONSTANT = 8.314;

  /** Below this k·dt, exp(−k·dt) is taken from its series (see {@link #update}). */
  private static final double SERIES_LIMIT = 1e-3;

  private final double rateFactor;
  private double deltaE;
  private double lastSurfaceC = Double.NaN;
  private double lastRatePerS;

  /**
   * @param rateFactor per-bread multiplier on k, dimensionless
   */
  BrowningModel(double rateFactor) {
    this.rateFactor = rateFactor;
  }

  BrowningModel copy() {
    BrowningModel m = new BrowningModel(rateFactor);
    m.deltaE = deltaE;
    return m;
  }

  /** Colour change of the surface so far, ΔE (0 = unchanged bread, 52 = burnt). */
  double deltaE() {
    return deltaE;
  }

  /** Rate constant k at the surface temperature {@code surfaceC}, s⁻¹. */
  double rateConstantPerS(double surfaceC) {
    double kelvin = surfaceC + 273.15;
    if (kelvin <= 0) {
      return 0;
    }
    return rateFactor * K0_PER_S * Math.exp(-ACTIVATION_J_PER_MOL / (GAS_CONSTANT * kelvin));
  }

  /**
   * Advances browning by {@code dtS} at the surface temperature {@code surfaceC}, °C.
   *
   * <p>Called on every physics step, so it avoids both exponentials where it can without changing
   * the result: k is kept while the surface temperature is unchanged (the whole 100 °C drying
   * plateau), and exp(−x) for the tiny x = k·dt of a 0.02 s step is its Taylor series to x³, whose
   * error x⁴/24 stays below 10⁻¹⁵ for x below 10⁻³ (k·dt is at most 3·10⁻⁴ at 330 °C).
   */
  void update(double surfaceC, double dtS) {
    if (surfaceC != lastSurfaceC) {
      lastSurfaceC = surfaceC;
      lastRatePerS = rateConstantPerS(surfaceC);
    }
    double x = lastRatePerS * dtS;
    double decay = x < SERIES_LIMIT ? 1 - x * (1 - x * (0.5 - x / 6)) : Math.exp(-x);
    deltaE = DELTA_E_BURNT - (DELTA_E_BURNT - deltaE) * decay;
  }
}
