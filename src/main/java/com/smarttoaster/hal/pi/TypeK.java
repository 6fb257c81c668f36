package com.smarttoaster.hal.pi;

/**
 * The type-K thermocouple's reference functions on ITS-90 (NIST Monograph 175; the coefficient file
 * srdata.nist.gov/its90/download/type_k.tab), in °C and mV with the reference junction at 0 °C.
 *
 * <pre>
 *   E(t) = Σ c_i t^i                         −270 °C ≤ t &lt; 0 °C       (11 terms)
 *   E(t) = Σ c_i t^i + a0·exp(a1·(t − a2)²)  0 °C ≤ t ≤ 1372 °C        (10 terms + the Curie-point bump)
 *   t(E) = Σ d_i E^i                         inverse, three ranges:
 *          −5.891 … 0 mV (−200 … 0 °C), 0 … 20.644 mV (0 … 500 °C), 20.644 … 54.886 mV (500 … 1372 °C)
 * </pre>
 *
 * NIST gives the inverse polynomials' error against the reference function as −0.02…0.04 °C (−200…0
 * °C), −0.05…0.04 °C (0…500 °C) and −0.05…0.06 °C (500…1372 °C), far below the MAX31855's 0.25 °C
 * step. The MAX31855 does not use these curves: it assumes a straight line of 41.276 µV/°C
 * (datasheet 19-5793, Table 1), which is why {@link Max31855Frame} undoes the chip's conversion and
 * applies {@link #celsius(double)}.
 */
public final class TypeK {
  /** The MAX31855K's assumed Seebeck coefficient, mV/°C (datasheet 19-5793, Table 1). */
  public static final double CHIP_MV_PER_C = 0.041276;

  private static final double[] BELOW_ZERO = {
    0.0,
    0.394501280250e-01,
    0.236223735980e-04,
    -0.328589067840e-06,
    -0.499048287770e-08,
    -0.675090591730e-10,
    -0.574103274280e-12,
    -0.310888728940e-14,
    -0.104516093650e-16,
    -0.198892668780e-19,
    -0.163226974860e-22
  };
  private static final double[] ABOVE_ZERO = {
    -0.176004136860e-01, 0.389212049750e-01, 0.185587700320e-04, -0.994575928740e-07,
    0.318409457190e-09, -0.560728448890e-12, 0.560750590590e-15, -0.320207200030e-18,
    0.971511471520e-22, -0.121047212750e-25
  };
  private static final double A0 = 0.118597600000e+00;
  private static final double A1 = -0.118343200000e-03;
  private static final double A2 = 0.126968600000e+03;

  private static final double[] INVERSE_BELOW_ZERO = {
    0.0,
    2.5173462e+01,
    -1.1662878e+00,
    -1.0833638e+00,
    -8.9773540e-01,
    -3.7342377e-01,
    -8.6632643e-02,
    -1.0450598e-02,
    -5.1920577e-04
  };
  private static final double[] INVERSE_TO_500 = {
    0.0,
    2.508355e+01,
    7.860106e-02,
    -2.503131e-01,
    8.315270e-02,
    -1.228034e-02,
    9.804036e-04,
    -4.413030e-05,
    1.057734e-06,
    -1.052755e-08
  };
  private static final double[] INVERSE_ABOVE_500 = {
    -1.318058e+02,
    4.830222e+01,
    -1.646031e+00,
    5.464731e-02,
    -9.650715e-04,
    8.802193e-06,
    -3.110810e-08
  };

  /** Lowest and highest emf the inverse functions cover, mV. */
  static final double MIN_MV = -5.891;

  static final double MAX_MV = 54.886;
  private static final double MV_AT_500_C = 20.644;

  private TypeK() {}

  /** Thermoelectric voltage of a type-K junction at {@code celsius} against 0 °C, mV. */
  public static double millivolts(double celsius) {
    if (celsius < 0) {
      return poly(BELOW_ZERO, celsius);
    }
    double d = celsius - A2;
    return poly(ABOVE_ZERO, celsius) + A0 * Math.exp(A1 * d * d);
  }

  /**
   * Temperature whose emf against 0 °C is {@code millivolts}, °C.
   *
   * @throws IllegalArgumentException outside −5.891…54.886 mV (−200…1372 °C), where NIST gives no
   *     inverse; a reading there is not a chamber temperature
   */
  public static double celsius(double millivolts) {
    if (!(millivolts >= MIN_MV && millivolts <= MAX_MV)) {
      throw new IllegalArgumentException(
          String.format(
              "type-K emf %.3f mV is outside the NIST inverse range %.3f to %.3f mV (-200 to 1372 °C)",
              millivolts, MIN_MV, MAX_MV));
    }
    if (millivolts < 0) {
      return poly(INVERSE_BELOW_ZERO, millivolts);
    }
    return poly(millivolts <= MV_AT_500_C ? INVERSE_TO_500 : INVERSE_ABOVE_500, millivolts);
  }

  /**
   * Undoes the MAX31855's linear conversion and applies the type-K curve (the method of the
   * datasheet's "Thermocouple Temperature" section run backwards): the chip reported {@code
   * chipHotC} = V / 41.276 µV/°C + T_cj, so V = (chipHotC − T_cj)·41.276 µV/°C is the measured emf,
   * and the hot junction is at E⁻¹(V + E(T_cj)).
   *
   * @param chipHotC the chip's thermocouple temperature, °C
   * @param coldJunctionC the chip's own (cold-junction) temperature, °C
   * @throws IllegalArgumentException when the result would be outside −200…1372 °C
   */
  public static double correctedHotC(double chipHotC, double coldJunctionC) {
    double measuredMv = (chipHotC - coldJunctionC) * CHIP_MV_PER_C;
    return celsius(measuredMv + millivolts(coldJunctionC));
  }

  /**
   * What a MAX31855K reports (before rounding to its 0.25 °C step) for a hot junction truly at
   * {@code hotC} while the chip itself is at {@code coldJunctionC}: its linear conversion of the
   * real emf E(hot) − E(cold) (datasheet 19-5793, "Thermocouple Temperature": T = V / 41.276 µV/°C
   * + T_cj).
   */
  public static double chipHotC(double hotC, double coldJunctionC) {
    return (millivolts(hotC) - millivolts(coldJunctionC)) / CHIP_MV_PER_C + coldJunctionC;
  }

  private static double poly(double[] c, double x) {
    double sum = 0;
    for (int i = c.length - 1; i >= 0; i--) {
      sum = sum * x + c[i];
    }
    return sum;
  }
}
