package com.smarttoaster.hal.sim;

/**
 * One slice of bread as a one-dimensional slab heated equally on both faces, discretised into cells
 * from the surface to the centre plane (the slab is symmetric, so one half is simulated and every
 * cell stands for the two mirrored layers).
 *
 * <p>Each cell holds an enthalpy and a moisture fraction X (water left / water at the start):
 *
 * <pre>
 *   C(X)   = m·(1−w)·c_solids + X·m·w·c_water                 sensible heat capacity, J/K
 *   H(T)   = C·T                               for T ≥ 0 °C   (reference: unfrozen bread at 0 °C)
 *          = (C + L_ice/ΔT_m)·T                for −ΔT_m ≤ T &lt; 0   (ice thaws over ΔT_m = 3 K)
 *          = −(C·ΔT_m + L_ice) + C·(T + ΔT_m)  below,  L_ice = m·w·f_freezable·334 kJ/kg
 *   boiling: heat that would take a wet cell above T_b = 100 °C evaporates water instead,
 *            ΔX = −excess / (m·w·L_v),  L_v = 2.257 MJ/kg
 *   conduction between neighbouring cells i, i+1:
 *          G = A / (Δx_i/(2·k_i) + Δx_(i+1)/(2·k_(i+1))),  k_i = k_dry + (k_moist − k_dry)·X_i
 * </pre>
 *
 * So a wet cell sits at 100 °C while it has water (the surface plateau), a dried crust conducts
 * poorly (k_dry = 0.04 W/(m·K): dry, porous crust), and the evaporation front recedes into the
 * crumb while the surface above it climbs: the crust thickens and browns, as in bread-baking models
 * (Purlis 2010, J. Food Eng. 99:239–249, reviews them). Evaporated water never condenses back.
 *
 * <p>Cells grow geometrically from {@link #SURFACE_CELL_M} at the face towards the centre, which
 * keeps the surface resolved and the cell count small (3 cells at 8 mm, 6 at 35 mm).
 */
final class BreadSlab {
  /** Area of one face of a slice (11 cm × 11 cm sandwich loaf), m². */
  static final double FACE_AREA_M2 = 0.11 * 0.11;

  /** Exposed area of a slice, both faces (edges neglected), m². */
  static final double EXPOSED_AREA_M2 = 2 * FACE_AREA_M2;

  /** Depth of the surface cell, m: the layer whose colour we see. */
  static final double SURFACE_CELL_M = 0.0008;

  /** Growth ratio of cell depth from the surface inwards. */
  static final double CELL_GROWTH = 1.6;

  /** Thermal conductivity of dried crust, W/(m·K). */
  static final double DRY_CRUST_CONDUCTIVITY = 0.04;

  /** Latent heat of fusion of ice, J/kg. */
  static final double LATENT_FUSION_J_PER_KG = 334_000.0;

  /** Latent heat of vaporisation of water near 100 °C, J/kg. */
  static final double LATENT_VAPORISATION_J_PER_KG = 2_257_000.0;

  /** Width of the thawing band below 0 °C, K. */
  static final double MELT_BAND_K = 3.0;

  /** Temperature at which the water in the crumb boils off, °C. */
  static final double BOILING_C = 100.0;

  private final int n;
  private final double[] halfDepthM;
  private final double[] dryCapacity;
  private final double[] waterCapacity;
  private final double[] latentIce;
  private final double[] latentVapour;
  private final double moistConductivity;
  private final double[] enthalpyJ;
  private final double[] moisture;
  private final double[] tempC;

  /**
   * @param props bread properties
   * @param thicknessMm slice thickness, mm
   * @param startC initial temperature of the whole slice, °C
   */
  BreadSlab(BreadProperties props, double thicknessMm, double startC) {
    double half = thicknessMm / 2000.0;
    double[] depths = cellDepths(half);
    this.n = depths.length;
    this.halfDepthM = new double[n];
    this.dryCapacity = new double[n];
    this.waterCapacity = new double[n];
    this.latentIce = new double[n];
    this.latentVapour = new double[n];
    this.enthalpyJ = new double[n];
    this.moisture = new double[n];
    this.tempC = new double[n];
    this.moistConductivity = props.conductivityWPerMK();
    double w = props.waterFraction();
    for (int i = 0; i < n; i++) {
      double mass = props.densityKgPerM3() * EXPOSED_AREA_M2 * depths[i];
      double water = mass * w;
      halfDepthM[i] = depths[i] / 2;
      dryCapacity[i] = (mass - water) * BreadProperties.SOLIDS_SPECIFIC_HEAT;
      waterCapacity[i] = water * BreadProperties.WATER_SPECIFIC_HEAT;
      latentIce[i] = water * BreadProperties.FREEZABLE_WATER_FRACTION * LATENT_FUSION_J_PER_KG;
      latentVapour[i] = water * LATENT_VAPORISATION_J_PER_KG;
      moisture[i] = 1.0;
      enthalpyJ[i] = enthalpyAt(i, startC);
      tempC[i] = startC;
    }
  }

  private BreadSlab(BreadSlab o) {
    this.n = o.n;
    this.halfDepthM = o.halfDepthM;
    this.dryCapacity = o.dryCapacity;
    this.waterCapacity = o.waterCapacity;
    this.latentIce = o.latentIce;
    this.latentVapour = o.latentVapour;
    this.moistConductivity = o.moistConductivity;
    this.enthalpyJ = o.enthalpyJ.clone();
    this.moisture = o.moisture.clone();
    this.tempC = o.tempC.clone();
  }

  BreadSlab copy() {
    return new BreadSlab(this);
  }

  /** Cell depths from the face to the centre plane, summing to {@code half}, m. */
  static double[] cellDepths(double half) {
    double[] buf = new double[64];
    int count = 0;
    double left = half;
    double d = Math.min(SURFACE_CELL_M, half);
    while (left > 1e-12) {
      if (left < 1.5 * d) {
        d = left;
      }
      buf[count++] = d;
      left -= d;
      d *= CELL_GROWTH;
    }
    double[] out = new double[count];
    System.arraycopy(buf, 0, out, 0, count);
    return out;
  }

  int cellCount() {
    return n;
  }

  /** Surface-cell temperature, °C. */
  double surfaceC() {
    return tempC[0];
  }

  /** Centre-cell temperature, °C. */
  double coreC() {
    return tempC[n - 1];
  }

  /** Fraction of the surface cell's initial water left, 0..1. */
  double surfaceMoisture() {
    return moisture[0];
  }

  /**
   * Advances the slab by {@code dtS} with {@code surfaceInW} reaching its faces from outside, W.
   */
  void step(double surfaceInW, double dtS) {
    double carried = surfaceInW * dtS;
    // Δx_i/(2·k_i) of cell i: settling cell i changes only its own moisture, so the inner half of
    // one link is the outer half of the next, computed once.
    double outerHalf = halfDepthM[0] / conductivity(0);
    for (int i = 0; i < n - 1; i++) {
      double innerHalf = halfDepthM[i + 1] / conductivity(i + 1);
      double g = EXPOSED_AREA_M2 / (outerHalf + innerHalf);
      outerHalf = innerHalf;
      double q = g * (tempC[i] - tempC[i + 1]) * dtS;
      enthalpyJ[i] += carried - q;
      carried = q;
      settle(i);
    }
    enthalpyJ[n - 1] += carried;
    settle(n - 1);
  }

  private double conductivity(int i) {
    return DRY_CRUST_CONDUCTIVITY + (moistConductivity - DRY_CRUST_CONDUCTIVITY) * moisture[i];
  }

  private double capacity(int i) {
    return dryCapacity[i] + moisture[i] * waterCapacity[i];
  }

  /** Boils off water if the cell went past boiling, then updates its temperature. */
  private void settle(int i) {
    double c = capacity(i);
    if (moisture[i] > 0) {
      double excess = enthalpyJ[i] - c * BOILING_C;
      if (excess > 0) {
        double available = moisture[i] * latentVapour[i];
        double boiled = Math.min(excess, available);
        moisture[i] = available - boiled <= 0 ? 0.0 : moisture[i] - boiled / latentVapour[i];
        double t = BOILING_C + (excess - boiled) / dryCapacity[i];
        c = capacity(i);
        enthalpyJ[i] = moisture[i] > 0 ? c * BOILING_C : c * t;
        tempC[i] = moisture[i] > 0 ? BOILING_C : t;
        return;
      }
    }
    tempC[i] = temperatureAt(i, enthalpyJ[i], c);
  }

  private double enthalpyAt(int i, double t) {
    double c = capacity(i);
    if (t >= 0) {
      return c * t;
    }
    double band = c + latentIce[i] * moisture[i] / MELT_BAND_K;
    if (t >= -MELT_BAND_K) {
      return band * t;
    }
    return -band * MELT_BAND_K + c * (t + MELT_BAND_K);
  }

  private double temperatureAt(int i, double h, double c) {
    if (h >= 0) {
      return h / c;
    }
    double band = c + latentIce[i] * moisture[i] / MELT_BAND_K;
    double frozenEdge = -band * MELT_BAND_K;
    if (h >= frozenEdge) {
      return h / band;
    }
    return (h - frozenEdge) / c - MELT_BAND_K;
  }
}
