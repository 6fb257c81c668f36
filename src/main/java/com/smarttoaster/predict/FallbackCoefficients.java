package com.smarttoaster.predict;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The contents of {@code model/fallback-table.json}: the fitted coefficients of the fallback table
 * over the terms of {@link FallbackBasis}, and how they were fitted. Written by {@code
 * dataset.FallbackFit}; read and checked once by {@link FallbackTimeTable}.
 *
 * @param version file format version ({@link #VERSION})
 * @param description how to read the file, in words
 * @param fit where the coefficients came from
 * @param start coefficients for a prediction at the start of a cycle
 * @param progress coefficients for a re-prediction with {@link HeatingProgress}; null when the
 *     fitting data had no such rows (a re-prediction then uses {@code start})
 * @param lateProgress coefficients for the second re-prediction, with all six rises; null when the
 *     fitting data had none (the second re-prediction then uses {@code progress} with the first
 *     three)
 * @param breadFactor how much longer bread colder than the room takes, when the bread thermometer
 *     reads it; null (as in files before generator 9) for none
 */
public record FallbackCoefficients(
    int version,
    String description,
    Fit fit,
    Set start,
    @Nullable Set progress,
    @Nullable Set lateProgress,
    @Nullable BreadFactor breadFactor) {
  /**
   * 2 since the late progress set and the fit weighted by the time squared (version 1 fitted ln
   * time unweighted and had no late set).
   */
  public static final int VERSION = 2;

  /**
   * @param generatorVersion the dataset generator's version
   * @param dataSeed the dataset's seed
   * @param dataRows rows in the dataset (all splits)
   * @param split the split fitted on ("train")
   * @param ridge the ridge penalty per row on every coefficient but the intercept
   */
  public record Fit(
      String generatorVersion, long dataSeed, int dataRows, String split, double ridge) {}

  /**
   * One coefficient set.
   *
   * @param variables the continuous variables with the range the fit saw (inputs are clamped to it)
   * @param terms term names, as {@link FallbackBasis} lists them
   * @param coefficients one per term: ln(heater-on time / 1 s) = Σ coefficient × term
   * @param rows rows fitted
   * @param rmsLn root-mean-square residual of ln(time) on those rows, unweighted
   */
  public record Set(
      List<Variable> variables,
      List<String> terms,
      double[] coefficients,
      int rows,
      double rmsLn) {}

  /**
   * The table's one use of the bread thermometer: ln(time) grows by {@code perKelvin} × (ambient
   * reading − bread reading), that difference taken between 0 and {@code maxColderK}. Physically
   * shaped: the heat that warms cold bread to room temperature first is, for a given toaster,
   * proportional to how much colder it is, so the time grows by a factor exponential in it. Bread
   * warmer than the room (or a reading warmed by the boards after a cycle) counts as room bread,
   * because the chamber's own warmth is already in the table. Defrost mode is left alone: its terms
   * were fitted on frozen bread.
   *
   * @param perKelvin fitted on train rows with a reading in toast and bagel mode, ≥ 0
   * @param maxColderK the largest difference the fit saw; larger ones are clamped to it
   * @param rows rows the factor was fitted on
   */
  public record BreadFactor(double perKelvin, double maxColderK, int rows) {}

  /** A continuous variable's name and the range of its (scaled) values in the fitted rows. */
  public record Variable(String name, double min, double max) {}
}
