package com.smarttoaster.hal.sim;

/**
 * The heating ribbons: nichrome wound on mica boards, both slots' elements in series-parallel,
 * lumped into one fast thermal node (the boards they sit on are part of {@link ChamberModel}).
 *
 * <pre>
 *   R = V_rated² / P_rated                    (230 V, 950 W: R ≈ 55.7 Ω)
 *   P = V² / R  while powered, else 0         (a 10 % sag gives 0.9² = 81 %: 19 % less power)
 *   C_r · dT_r/dt = P − Q_out                 (Q_out: radiation and convection, see ToasterPhysics)
 * </pre>
 *
 * Nichrome's resistance rises only about 5 % between room temperature and a dull-red glow (α ≈
 * 1·10⁻⁴ /K), so R is held constant.
 */
final class ElementModel {
  /** Rated power of the two-slice toaster at the rated voltage, W. */
  static final double RATED_POWER_W = 950.0;

  /** Voltage the rating of a European appliance refers to, V. */
  static final double RATED_VOLTS = 230.0;

  /** Element resistance of a 230 V appliance, Ω: R = V_rated² / P_rated. */
  static final double RESISTANCE_OHM = RATED_VOLTS * RATED_VOLTS / RATED_POWER_W;

  /**
   * Heat capacity of the ribbons with the strips of mica they touch, J/K: about 15 g of nichrome
   * (450 J/(kg·K)) and 12 g of mica (880 J/(kg·K)). Small, so the ribbons glow within seconds.
   */
  static final double HEAT_CAPACITY_J_PER_K = 18.0;

  private final double volts;
  private final double resistanceOhm;

  /** V²/R: the power while powered, W (computed once; {@link #powerW} is read on every step). */
  private final double poweredW;

  private boolean powered;
  private double tempC;

  /**
   * @param volts the actual mains voltage, V rms
   * @param nominalVolts the voltage the element is designed for: R = nominal² / P_rated, so a 120 V
   *     appliance's element gives the rated power on 120 V
   * @param startC ribbon temperature at the start, °C
   */
  ElementModel(double volts, double nominalVolts, double startC) {
    this.volts = volts;
    this.resistanceOhm = nominalVolts * nominalVolts / RATED_POWER_W;
    this.poweredW = volts * volts / resistanceOhm;
    this.tempC = startC;
  }

  ElementModel copy() {
    ElementModel m = new ElementModel(volts, Math.sqrt(resistanceOhm * RATED_POWER_W), tempC);
    m.powered = powered;
    return m;
  }

  void setPowered(boolean on) {
    powered = on;
  }

  /** Electrical power dissipated now, W (0 when not powered). */
  double powerW() {
    return powered ? poweredW : 0.0;
  }

  /** Current the elements draw while powered, A rms (Ohm's law on the mains voltage). */
  double currentWhenPoweredA() {
    return volts / resistanceOhm;
  }

  /** The mains voltage across the elements while powered, V rms. */
  double volts() {
    return volts;
  }

  /** Ribbon temperature, °C. */
  double tempC() {
    return tempC;
  }

  /** Adds {@code joules} of heat (negative to remove). */
  void addHeat(double joules) {
    tempC += joules / HEAT_CAPACITY_J_PER_K;
  }
}
