package com.smarttoaster.hal.sim;

import com.smarttoaster.toast.BreadType;

/**
 * Thermal and browning properties of one bread type.
 *
 * <p>Sources and justification (typical literature ranges, rounded; the model needs the right order
 * and the right ranking between breads, not laboratory precision):
 *
 * <ul>
 *   <li>Water content of fresh bread crumb: 35–45 % by mass (white about 38 %, rye the wettest,
 *       enriched brioche the driest because butter and eggs replace water).
 *   <li>Density of sliced bread: 0.23–0.26 g/cm³ for airy white and brioche, about 0.3 g/cm³ for
 *       whole-grain, sourdough and a mixed rye-wheat sandwich loaf, 0.33 g/cm³ for a sliced bagel.
 *   <li>Specific heat from composition: c = w·4180 + (1−w)·1600 J/(kg·K) (water plus dry solids),
 *       which gives the measured 2.5–2.8 kJ/(kg·K) of fresh crumb. Frozen bread uses the same
 *       value; the error (ice has half the heat capacity of water) is small next to the latent
 *       heat.
 *   <li>Effective thermal conductivity of crumb: 0.1–0.2 W/(m·K), rising with density and water.
 *   <li>Freezable water: about 60 % of the water in bread crystallises at −18 °C; the rest stays
 *       bound. Latent heat of fusion 334 kJ/kg.
 *   <li>Browning-rate multiplier on the Zanoni constant k (white = 1): Maillard reactions and
 *       caramelisation speed up with reducing sugars, so enriched brioche (sugar, milk, egg) browns
 *       fastest, malt-boiled bagel crust a little faster than white, whole grain and sourdough a
 *       little slower (less free sugar, acidic pH slows Maillard), rye slowest (low free sugar, low
 *       pH). These multipliers are modelling assumptions chosen to rank the breads as bakers do,
 *       not measured constants.
 * </ul>
 *
 * @param waterFraction water mass fraction of the fresh crumb, 0..1
 * @param densityKgPerM3 bulk density of the slice, kg/m³
 * @param conductivityWPerMK effective thermal conductivity of the crumb, W/(m·K)
 * @param browningRateFactor multiplier on the browning rate constant k, dimensionless (white 1.0)
 */
record BreadProperties(
    double waterFraction,
    double densityKgPerM3,
    double conductivityWPerMK,
    double browningRateFactor) {

  /** Specific heat of liquid water, J/(kg·K). */
  static final double WATER_SPECIFIC_HEAT = 4180.0;

  /** Specific heat of the dry bread solids (starch, protein, fat), J/(kg·K). */
  static final double SOLIDS_SPECIFIC_HEAT = 1600.0;

  /** Fraction of the water that freezes at domestic freezer temperature, dimensionless. */
  static final double FREEZABLE_WATER_FRACTION = 0.6;

  /** Properties of {@code type}. */
  static BreadProperties of(BreadType type) {
    switch (type) {
      case WHITE:
        return new BreadProperties(0.38, 260.0, 0.11, 1.0);
      case WHOLEGRAIN:
        return new BreadProperties(0.40, 300.0, 0.13, 0.9);
      case SOURDOUGH:
        return new BreadProperties(0.40, 280.0, 0.13, 0.85);
      case RYE:
        return new BreadProperties(0.40, 310.0, 0.14, 0.8);
      case BRIOCHE:
        return new BreadProperties(0.30, 230.0, 0.10, 1.6);
      case BAGEL:
        return new BreadProperties(0.35, 330.0, 0.15, 1.05);
      default:
        throw new IllegalArgumentException("no properties for bread type " + type);
    }
  }

  /** Specific heat of the fresh crumb, J/(kg·K): c = w·c_water + (1−w)·c_solids. */
  double specificHeatJPerKgK() {
    return waterFraction * WATER_SPECIFIC_HEAT + (1.0 - waterFraction) * SOLIDS_SPECIFIC_HEAT;
  }
}
