package com.smarttoaster.hal.sim;

/**
 * The temperature of a thermal protector (cut-out or fuse) on its mounting bracket
 * (hardware/README.md, "Thermal cut-out and fuse"): a stainless bracket, riveted to the frame of
 * the outer mica board, holds the part's sensing face 10 mm from that board, with the part's body
 * and leads in the base compartment's air, which stays near the room temperature. The part settles
 * between the two:
 *
 * <pre>
 *   T_eq = T_room + w·(T_board − T_room),   w = G_board / (G_board + G_base)
 *   τ·dT/dt = T_eq − T                        (first-order: the part's own heat capacity)
 * </pre>
 *
 * w is set by the bracket (how much of the board's heat reaches the part, against what the base air
 * carries away); 0.38 is the design value, and bring-up measures it (README, bring-up step "cut-out
 * coupling"): a second thermocouple on the part's face in a normal cycle must read T_room +
 * w·(T_board − T_room) within ±0.03 of w, and the lag τ within 30…60 s. τ = 45 s is an estimate for
 * a KSD301-class disc (≈ 3 g of aluminium cap and ceramic body, ≈ 2.5 J/K) on a bracket and in air
 * that together conduct ≈ 0.055 W/K; it matters: a faster part (τ = 15 s) follows the board's peak
 * in a hot, short, dark cycle and would trip in normal use (ThermalProtectionTest).
 */
final class ProtectorMount {
  /** Design coupling weight of the part to the outer mica board (0 = base air only, 1 = board). */
  static final double BOARD_WEIGHT = 0.38;

  /** Design thermal time constant of the part on its bracket, s. */
  static final double TIME_CONSTANT_S = 45.0;

  private final double weight;
  private final double tauS;
  private double tempC;
  private double lastDtS = Double.NaN;
  private double lastGain;

  ProtectorMount(double weight, double tauS, double boardC, double roomC) {
    if (!(weight >= 0 && weight <= 1)) {
      throw new IllegalArgumentException("board weight " + weight + " must be within 0..1");
    }
    if (!(tauS > 0) || Double.isInfinite(tauS)) {
      throw new IllegalArgumentException(
          "time constant " + tauS + " s must be a finite time above 0 s");
    }
    this.weight = weight;
    this.tauS = tauS;
    this.tempC = equilibriumC(boardC, roomC);
  }

  /** The bracket's design values, starting settled with the board at {@code boardC}. */
  static ProtectorMount design(double boardC, double roomC) {
    return new ProtectorMount(BOARD_WEIGHT, TIME_CONSTANT_S, boardC, roomC);
  }

  private double equilibriumC(double boardC, double roomC) {
    return roomC + weight * (boardC - roomC);
  }

  /** Advances by {@code dtS} with the board at {@code boardC} and the base air at {@code roomC}. */
  void update(double boardC, double roomC, double dtS) {
    if (dtS != lastDtS) {
      // The appliance steps with one fixed dt, so the gain is computed once, not every step.
      lastDtS = dtS;
      lastGain = 1 - Math.exp(-dtS / tauS);
    }
    // exact for a constant target over the step, stable for any dt
    tempC += (equilibriumC(boardC, roomC) - tempC) * lastGain;
  }

  /** The part's temperature, °C. */
  double tempC() {
    return tempC;
  }
}
