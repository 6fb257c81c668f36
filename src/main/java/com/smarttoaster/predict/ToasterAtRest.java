package com.smarttoaster.predict;

/**
 * Whether the toaster is at rest when a cycle starts: no cycle for a quarter of an hour and the
 * chamber within a few kelvin of the room. Then every part (element, boards, walls, the air at the
 * probe) is near the room's temperature, so the readings say all there is about the toaster's
 * warmth, and the bread thermometer sees the bread against surroundings the chamber reading gives.
 * After a cycle the boards stay far hotter than the air at the probe (HeatHistory), and neither
 * holds.
 *
 * <p>Two rules use it: the bread thermometer's ({@code control.BreadCheck}) and the checker's,
 * whose band at rest is measured on such inputs alone ({@link CheckerBand}). One definition for
 * both, so that what counts as a toaster at rest cannot drift apart.
 */
public final class ToasterAtRest {
  /** The chamber reads at most this above the cold junction (the room), K. */
  public static final double WITHIN_K = 10.0;

  /**
   * The previous cycle's heat stopped at least this long ago, s: three time constants of the fast
   * parts ({@link HeatHistory#FAST_TAU_S}, 103 s), which then hold 5 % of their heat.
   */
  public static final double AFTER_S = 900.0;

  private ToasterAtRest() {}

  /**
   * @param chamberC the chamber reading at the press, °C
   * @param ambientC the cold-junction (room) reading at the press, °C
   * @param sinceLastCycleS time since the previous cycle's heat stopped, s
   */
  public static boolean at(double chamberC, double ambientC, double sinceLastCycleS) {
    return chamberC - ambientC <= WITHIN_K && sinceLastCycleS >= AFTER_S;
  }

  /** The same for a predictor's input, from its readings at the press. */
  public static boolean at(PredictionInput in) {
    return at(in.chamberStartC(), in.ambientC(), in.sinceLastCycleS());
  }
}
