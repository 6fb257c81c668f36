package com.smarttoaster.predict;

import java.util.Arrays;

/**
 * Fallback tables that give one time for every start and another for every re-prediction: the
 * installed table's terms with every coefficient zero but the intercept. For controller tests,
 * whose fake models must not be second-guessed by the checker (the checker has its own tests).
 */
public final class ConstantTables {
  private ConstantTables() {}

  public static FallbackTimeTable of(double startS, double rePredictionS) {
    return of(startS, rePredictionS, rePredictionS);
  }

  /**
   * A table that answers {@code startS} at the start, {@code rePredictionS} with the first three
   * rises and {@code lateS} with all six; NaN {@code lateS} for a table without a late set (the
   * second re-prediction then gets {@code rePredictionS} again).
   */
  public static FallbackTimeTable of(double startS, double rePredictionS, double lateS) {
    FallbackCoefficients installed = new FallbackTimeTable().coefficients();
    FallbackCoefficients.Set progress =
        installed.progress() == null ? null : constant(installed.progress(), rePredictionS);
    FallbackCoefficients.Set lateProgress =
        installed.lateProgress() == null || Double.isNaN(lateS)
            ? null
            : constant(installed.lateProgress(), lateS);
    try {
      return new FallbackTimeTable(
          new FallbackCoefficients(
              installed.version(),
              "constant, for tests",
              installed.fit(),
              constant(installed.start(), startS),
              progress,
              lateProgress,
              null));
    } catch (InvalidFallbackTableException e) {
      throw new IllegalStateException(e);
    }
  }

  private static FallbackCoefficients.Set constant(FallbackCoefficients.Set set, double s) {
    double[] c = new double[set.coefficients().length];
    Arrays.fill(c, 0.0);
    c[set.terms().indexOf("1")] = Math.log(s);
    return new FallbackCoefficients.Set(set.variables(), set.terms(), c, set.rows(), 0.0);
  }
}
