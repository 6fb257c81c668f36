package com.smarttoaster.hal.sim;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.smarttoaster.safety.SafetyLimits;
import com.smarttoaster.toast.BreadType;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Chamber behaviour the safety supervisor's checks depend on, across the realistic envelope of
 * DESIGN.md section 5 (ambient 5–40 °C, mains 200–250 V, chamber start from ambient to 200 °C, 1–2
 * slices, every bread, 8–35 mm, bread start −25…30 °C). Checked on a grid of the envelope's corners
 * and on random points inside it.
 */
@Tag("slow")
class ChamberSafetyTest {
  /** The limits the supervisor ships with: the bounds below are read from them, not copied. */
  private static final SafetyLimits LIMITS = SafetyLimits.defaults();

  /**
   * (a) Highest chamber temperature allowed while heating up to 1.3 × the oracle time, °C: a
   * physics claim, 25 °C of margin below the cut-off.
   */
  static final double NORMAL_PEAK_LIMIT_C = LIMITS.cutoffC() - 25.0;

  /** (b) The supervisor's over-temperature cut-off, °C. */
  static final double CUTOFF_C = LIMITS.cutoffC();

  /**
   * (c) Minimum rise within the no-rise check's window of heating, °C: twice what the supervisor
   * asks for, so a healthy element is never near a NO_HEAT_RISE.
   */
  static final double MIN_RISE_IN_WINDOW_C = 2 * LIMITS.noRiseMinC();

  /**
   * (d) Largest fall within the fall check's window after its settle time, °C: a physics claim,
   * well under the check's trip ({@code fallWhileHeatingC}, asserted below).
   */
  static final double MAX_FALL_IN_WINDOW_C = 3.0;

  /** (e) The supervisor's heater-stuck check: its settle time, window and trip rise. */
  static final double STUCK_SETTLE_S = LIMITS.stuckSettleS();

  static final double STUCK_WINDOW_S = LIMITS.stuckWindowS();
  static final double STUCK_RISE_C = LIMITS.stuckRiseC();

  /** (f) Fastest rise from the heater alone, °C/s: a physics claim, under the rate check's trip. */
  static final double MAX_RISE_RATE_C_PER_S = 15.0;

  @Test
  void thePhysicsClaimsSitInsideTheSupervisorsTrips() {
    assertTrue(
        MAX_FALL_IN_WINDOW_C < LIMITS.fallWhileHeatingC(),
        "fall claim vs trip " + LIMITS.fallWhileHeatingC());
    assertTrue(
        MAX_RISE_RATE_C_PER_S < LIMITS.maxRateCPerS(),
        "rise-rate claim vs trip " + LIMITS.maxRateCPerS());
  }

  private static final double[] AMBIENTS = {5, 40};
  private static final double[] MAINS = {200, 250};
  private static final double[] THICKNESSES = {8, 35};
  private static final double[] BREAD_STARTS = {-25, 30};

  private static List<ApplianceConditions> corners() {
    List<ApplianceConditions> all = new ArrayList<>();
    for (double ambient : AMBIENTS) {
      for (double volts : MAINS) {
        for (double chamber : new double[] {ambient, 200}) {
          for (int slices = 1; slices <= 2; slices++) {
            for (BreadType bread : BreadType.values()) {
              for (double mm : THICKNESSES) {
                for (double start : BREAD_STARTS) {
                  all.add(
                      new ApplianceConditions(ambient, volts, chamber, slices, bread, mm, start));
                }
              }
            }
          }
        }
      }
    }
    return all;
  }

  /** Every check for one toaster, heating for 1.3 × the oracle time of {@code shade}. */
  private static void checkCycle(ApplianceConditions c, int shade) {
    double oracleS = ShadeOracle.bestHeatSeconds(c, shade, 300);
    ChamberRun run = ChamberRun.of(c, 1.3 * oracleS, true);
    String at = c + ", shade " + shade + ", heated " + Math.round(1.3 * oracleS) + " s";
    double peak = run.maxWhileHeatingC();
    assertTrue(
        peak < NORMAL_PEAK_LIMIT_C,
        "(a) chamber reached " + peak + " °C (limit " + NORMAL_PEAK_LIMIT_C + ") in " + at);
    if (run.heating.length > LIMITS.noRiseWindowS() / ChamberRun.DT) {
      double rise = run.riseByC(LIMITS.noRiseWindowS());
      assertTrue(
          rise >= MIN_RISE_IN_WINDOW_C,
          "(c) chamber rose only "
              + rise
              + " °C in the first "
              + LIMITS.noRiseWindowS()
              + " s (need "
              + MIN_RISE_IN_WINDOW_C
              + ") in "
              + at);
    }
    double fall = run.maxFallC(LIMITS.heatingSettleS(), LIMITS.fallWindowS());
    assertTrue(
        fall <= MAX_FALL_IN_WINDOW_C,
        "(d) chamber fell "
            + fall
            + " °C within "
            + LIMITS.fallWindowS()
            + " s while heating (limit "
            + MAX_FALL_IN_WINDOW_C
            + ") in "
            + at);
    double rate = run.maxRiseRateCPerS();
    assertTrue(
        rate <= MAX_RISE_RATE_C_PER_S,
        "(f) chamber rose at " + rate + " °C/s (limit " + MAX_RISE_RATE_C_PER_S + ") in " + at);
    double stuck = run.stuckCheckRiseC(STUCK_SETTLE_S, STUCK_WINDOW_S);
    assertTrue(
        stuck < STUCK_RISE_C,
        "(e) after heat-off the chamber rose "
            + stuck
            + " °C within "
            + STUCK_WINDOW_S
            + " s after the "
            + STUCK_SETTLE_S
            + " s settle: a healthy toaster would trip the"
            + " heater-stuck check, in "
            + at);
  }

  /** The longest the supervisor lets the heater run: 300 s continuously. */
  private static void checkMaxHeat(ApplianceConditions c) {
    ChamberRun run = ChamberRun.of(c, 300, false);
    double peak = run.maxWhileHeatingC();
    assertTrue(
        peak < CUTOFF_C,
        "(b) 300 s of continuous heat took the chamber to "
            + peak
            + " °C, at or over the "
            + CUTOFF_C
            + " °C cut-off, in "
            + c);
    double stuck = run.stuckCheckRiseC(STUCK_SETTLE_S, STUCK_WINDOW_S);
    assertTrue(
        stuck < STUCK_RISE_C,
        "(e) after 300 s of heat and heat-off with the bread left in, the chamber rose "
            + stuck
            + " °C within the stuck-check window in "
            + c);
  }

  @Test
  void cornersOfTheEnvelopeAtLightestAndDarkestShade() {
    for (ApplianceConditions c : corners()) {
      checkCycle(c, 1);
      checkCycle(c, 7);
    }
  }

  @Test
  void cornersOfTheEnvelopeWithThreeHundredSecondsOfHeat() {
    for (ApplianceConditions c : corners()) {
      checkMaxHeat(c);
    }
  }

  /**
   * Random points inside the envelope, from a fixed seed so a failure always reproduces (the
   * message names the conditions).
   */
  @Test
  void randomPointsInsideTheEnvelope() {
    Random rng = new Random(20_261_127L);
    BreadType[] breads = BreadType.values();
    for (int i = 0; i < 150; i++) {
      double ambientC = 5 + 35 * rng.nextDouble();
      double mainsVolts = 200 + 50 * rng.nextDouble();
      double chamberStartC = ambientC + rng.nextDouble() * (200 - ambientC);
      int slices = 1 + rng.nextInt(2);
      BreadType bread = breads[rng.nextInt(breads.length)];
      double thicknessMm = 8 + 27 * rng.nextDouble();
      double breadStartC = -25 + 55 * rng.nextDouble();
      int shade = 1 + rng.nextInt(7);
      ApplianceConditions c =
          new ApplianceConditions(
              ambientC, mainsVolts, chamberStartC, slices, bread, thicknessMm, breadStartC);
      checkCycle(c, shade);
      checkMaxHeat(c);
    }
  }
}
