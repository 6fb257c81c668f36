package com.smarttoaster.hal.sim;

import com.smarttoaster.toast.BreadType;
import com.smarttoaster.toast.ElementRating;

/**
 * The physical situation a simulated cycle starts from: the room, the mains, how warm the toaster
 * still is, and what bread is in the slots.
 *
 * <p>Values outside the realistic envelope (docs/contracts.md, the scenario fields table) are
 * accepted as long as they are physically possible; the constructor refuses only impossible ones.
 *
 * @param ambientC room air temperature, °C
 * @param mainsVolts RMS mains voltage across the elements, V
 * @param chamberStartC chamber air, walls and elements at the start, °C (ambient for a cold
 *     toaster)
 * @param slices number of slices in the slots, 1 or 2
 * @param bread bread type
 * @param thicknessMm slice thickness, mm
 * @param breadStartC bread temperature at the start (below 0 °C for frozen bread), °C
 * @param nominalMainsVolts the mains voltage the elements are designed for (230 or 120 V): the
 *     element resistance is sized so it gives the rated power at this voltage
 */
public record ApplianceConditions(
    double ambientC,
    double mainsVolts,
    double chamberStartC,
    int slices,
    BreadType bread,
    double thicknessMm,
    double breadStartC,
    double nominalMainsVolts) {

  /** Absolute zero, °C: no temperature may be at or below it. */
  static final double ABSOLUTE_ZERO_C = -273.15;

  /** Thinnest slice the model accepts, mm. */
  public static final double MIN_THICKNESS_MM = 1.0;

  public ApplianceConditions {
    requireTemperature("ambientC", ambientC);
    requireTemperature("chamberStartC", chamberStartC);
    requireTemperature("breadStartC", breadStartC);
    if (!(mainsVolts >= 0) || Double.isInfinite(mainsVolts)) {
      throw new IllegalArgumentException(
          "mainsVolts " + mainsVolts + " must be a finite voltage of 0 V or more");
    }
    if (!(nominalMainsVolts > 0) || Double.isInfinite(nominalMainsVolts)) {
      throw new IllegalArgumentException(
          "nominalMainsVolts " + nominalMainsVolts + " must be a finite voltage above 0 V");
    }
    if (slices < 1 || slices > 2) {
      throw new IllegalArgumentException(
          "slices " + slices + " is outside 1..2: the toaster has two slots");
    }
    if (bread == null) {
      throw new IllegalArgumentException("bread is required");
    }
    if (!(thicknessMm >= MIN_THICKNESS_MM) || Double.isInfinite(thicknessMm)) {
      throw new IllegalArgumentException(
          "thicknessMm "
              + thicknessMm
              + " must be a finite thickness of at least "
              + MIN_THICKNESS_MM
              + " mm (nothing thinner is a slice of bread)");
    }
  }

  /** A 230 V appliance (the element designed for 230 V). */
  public ApplianceConditions(
      double ambientC,
      double mainsVolts,
      double chamberStartC,
      int slices,
      BreadType bread,
      double thicknessMm,
      double breadStartC) {
    this(
        ambientC,
        mainsVolts,
        chamberStartC,
        slices,
        bread,
        thicknessMm,
        breadStartC,
        ElementRating.VOLTS_230);
  }

  /** A cold toaster at 21 °C on 230 V with two 12 mm slices of white bread from the bread bin. */
  public static ApplianceConditions typical() {
    return new ApplianceConditions(21.0, 230.0, 21.0, 2, BreadType.WHITE, 12.0, 21.0);
  }

  public ApplianceConditions withAmbientC(double c) {
    return new ApplianceConditions(
        c, mainsVolts, chamberStartC, slices, bread, thicknessMm, breadStartC, nominalMainsVolts);
  }

  public ApplianceConditions withMainsVolts(double v) {
    return new ApplianceConditions(
        ambientC, v, chamberStartC, slices, bread, thicknessMm, breadStartC, nominalMainsVolts);
  }

  public ApplianceConditions withChamberStartC(double c) {
    return new ApplianceConditions(
        ambientC, mainsVolts, c, slices, bread, thicknessMm, breadStartC, nominalMainsVolts);
  }

  public ApplianceConditions withSlices(int n) {
    return new ApplianceConditions(
        ambientC, mainsVolts, chamberStartC, n, bread, thicknessMm, breadStartC, nominalMainsVolts);
  }

  public ApplianceConditions withBread(BreadType b) {
    return new ApplianceConditions(
        ambientC,
        mainsVolts,
        chamberStartC,
        slices,
        b,
        thicknessMm,
        breadStartC,
        nominalMainsVolts);
  }

  public ApplianceConditions withThicknessMm(double mm) {
    return new ApplianceConditions(
        ambientC, mainsVolts, chamberStartC, slices, bread, mm, breadStartC, nominalMainsVolts);
  }

  public ApplianceConditions withBreadStartC(double c) {
    return new ApplianceConditions(
        ambientC, mainsVolts, chamberStartC, slices, bread, thicknessMm, c, nominalMainsVolts);
  }

  public ApplianceConditions withNominalMainsVolts(double v) {
    return new ApplianceConditions(
        ambientC, mainsVolts, chamberStartC, slices, bread, thicknessMm, breadStartC, v);
  }

  private static void requireTemperature(String name, double c) {
    if (!(c > ABSOLUTE_ZERO_C) || Double.isInfinite(c)) {
      throw new IllegalArgumentException(
          name + " " + c + " °C is not a physical temperature (finite, above -273.15 °C)");
    }
  }
}
