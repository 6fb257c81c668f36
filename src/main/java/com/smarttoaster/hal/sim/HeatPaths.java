package com.smarttoaster.hal.sim;

/**
 * Every heat path between the thermal nodes of {@link ToasterPhysics}, as the conductance G (W/K)
 * of a linear path or the exchange factor εFA (m², emissivity × view factor × area) of a radiant
 * one, Q = σ·εFA·(T₁⁴ − T₂⁴) with T in kelvin.
 *
 * <p>Geometry: a two-slot toaster, slots about 13 cm × 13 cm, each slice 11 cm × 11 cm (2 × 121 cm²
 * of faces). Each slice hangs between two mica boards that carry the nichrome ribbons; the outer
 * boards face the reflectors and housing. The values below are sized from that geometry and
 * textbook coefficients, then calibrated (within those physical bounds) so the whole model meets
 * the calibration targets of the simulator (oracle times, second-batch effect, sensor rise and fall
 * behaviour; see the tests). "Calibrated" marks the ones set mainly that way.
 */
final class HeatPaths {
  private HeatPaths() {}

  /** Stefan–Boltzmann constant, W/(m²·K⁴). */
  static final double SIGMA = 5.670374419e-8;

  /**
   * Ribbon → one slice, εFA in m²: the ribbons cover about a quarter of the board area facing each
   * slice (0.0242 m²), ε ≈ 0.85 oxidised nichrome with ε ≈ 0.9 bread, F ≈ 0.9. Calibrated.
   */
  static final double RIBBON_TO_SLICE_M2 = 0.0046;

  /**
   * Ribbon → boards (the mica behind and between the windings, and, for an empty slot, the opposite
   * board), εFA in m². Calibrated.
   */
  static final double RIBBON_TO_BOARD_M2 = 0.0061;

  /** Ribbon → boards by conduction through the mica it is wound on, W/K. Calibrated. */
  static final double RIBBON_TO_BOARD_W_PER_K = 0.5;

  /** Ribbon → air at the thermocouple (convection from the nearest windings), W/K. */
  static final double RIBBON_TO_AIR_W_PER_K = 0.07;

  /**
   * Boards → one slice, εFA in m²: two parallel grey plates, ε_mica ≈ 0.8 and ε_bread ≈ 0.9 give
   * ε_eff = 1/(1/0.8 + 1/0.9 − 1) ≈ 0.74, times the slice's 0.0242 m².
   */
  static final double BOARD_TO_SLICE_M2 = 0.018;

  /**
   * Boards → one slice by convection in the slot air, W/K: h ≈ 20 W/(m²·K) (narrow hot slot with a
   * chimney draught) on 0.0242 m².
   */
  static final double BOARD_TO_SLICE_W_PER_K = 0.5;

  /**
   * Boards → walls: mounting rivets plus radiation from the outer boards to the reflectors, W/K.
   */
  static final double BOARD_TO_WALL_W_PER_K = 0.46;

  /**
   * Chimney draught through the slots, ṁ·c_p in W/K: about 0.8 g/s of room air heated to the board
   * temperature leaves through the top. This is where most of the heat that misses the bread goes.
   */
  static final double BOARD_DRAUGHT_W_PER_K = 0.84;

  /** Boards → air at the thermocouple, W/K. */
  static final double BOARD_TO_AIR_W_PER_K = 0.066;

  /** Air at the thermocouple → walls (the reflector it sits against), W/K. */
  static final double AIR_TO_WALL_W_PER_K = 1.0;

  /** Air at the thermocouple → room through the vent slits, W/K. */
  static final double AIR_VENT_W_PER_K = 0.02;

  /**
   * Walls → room through the housing, W/K: about 0.2 m² of outer surface with h ≈ 10 W/(m²·K)
   * (natural convection plus radiation).
   */
  static final double WALL_LOSS_W_PER_K = 1.9;

  /** Natural convection from a slice standing in room air, W/(m²·K). */
  static final double ROOM_CONVECTION_W_PER_M2K = 10.0;

  /** Emissivity of a bread surface. */
  static final double BREAD_EMISSIVITY = 0.9;

  /** (T + 273.15)⁴ for T in °C: the radiant "potential" of a surface, K⁴. */
  static double kelvin4(double c) {
    double k = c + 273.15;
    double k2 = k * k;
    return k2 * k2;
  }
}
