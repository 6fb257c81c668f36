package com.smarttoaster.predict;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.smarttoaster.toast.ToastMode;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The non-ML time table: the safe answer whenever the model's is not, and the checker the model's
 * answer must agree with (see {@link CheckerBand}).
 *
 * <p>ln(heater-on time) is a least-squares fit on the polynomial basis of {@link FallbackBasis} (a
 * cubic in shade, thickness, chamber warmth, ambient, mains and the previous cycle, with terms per
 * bread, mode and slice count), fitted to the simulator's oracle by {@code dataset.FallbackFit}.
 * Plain, inspectable arithmetic: the coefficients and their term names are in {@value #RESOURCE}. A
 * re-prediction (an input with {@link HeatingProgress}) uses a second coefficient set that adds the
 * chamber's rise at 10–30 s, when the file has one, and the second re-prediction a third set with
 * the rises to 60 s. That last set's fit weighs each row by its time squared, so it minimises the
 * error in seconds, which is what the shade follows (about 5 s a shade at any length of cycle), not
 * in ln time ({@code dataset.FallbackFit#weight}). The start answer is the surface's minimum over
 * every cooler chamber, so a warmer chamber never lengthens it. When the bread thermometer reads
 * bread colder than the room (toast and bagel mode), the answer is multiplied by one fitted factor
 * exponential in how much colder ({@link FallbackCoefficients.BreadFactor}), so the checker sees
 * fridge bread as the model does. Reheat is the fixed {@link ReheatTime} rule.
 *
 * <p>The file is read once per process. A missing or garbled file fails a build-time test
 * (FallbackTableResourceTest); should one reach a device anyway, the table logs one ERROR and uses
 * {@link BuiltInTimeRule}, the hand-fitted factors of earlier releases, so a cycle still gets a
 * time.
 */
public final class FallbackTimeTable implements ToastTimePredictor {
  /** Where the fitted coefficients live on the classpath (src/main/resources/model/). */
  public static final String RESOURCE = "model/fallback-table.json";

  /**
   * Largest bread factor a file may give, per K: 0.05 would double the time for bread 14 K colder
   * than the room, several times what the simulator's physics gives (README, the bread thermometer
   * as a model input), so a larger value is a broken fit, not a toaster.
   */
  static final double MAX_BREAD_PER_K = 0.05;

  /** Largest clamp of the bread factor's difference, K: room at 60 °C and bread at −40 °C. */
  static final double MAX_BREAD_COLDER_K =
      BreadReading.PLAUSIBLE_MAX_C - BreadReading.PLAUSIBLE_MIN_C;

  private static final Logger log = LoggerFactory.getLogger(FallbackTimeTable.class);
  private static final ObjectMapper JSON =
      new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

  /** Read on first use, once. */
  private static final class Installed {
    static final @Nullable FallbackCoefficients COEFFICIENTS = loadOrNull();

    private static @Nullable FallbackCoefficients loadOrNull() {
      try {
        return readInstalled();
      } catch (InvalidFallbackTableException e) {
        log.error(
            "FALLBACK TABLE NOT USABLE: {}. Using the built-in rule (mean shade error about 0.6) until a "
                + "build with a valid {} is installed.",
            e.getMessage(),
            RESOURCE);
        return null;
      }
    }
  }

  private final @Nullable FallbackCoefficients coefficients;

  /** The installed table ({@value #RESOURCE}), or the built-in rule if that cannot be used. */
  public FallbackTimeTable() {
    this.coefficients = Installed.COEFFICIENTS;
  }

  /**
   * A table with the given coefficients (for fitting and evaluation).
   *
   * @throws InvalidFallbackTableException if they do not fit {@link FallbackBasis}
   */
  public FallbackTimeTable(FallbackCoefficients coefficients) throws InvalidFallbackTableException {
    validate(coefficients, "coefficients");
    this.coefficients = coefficients;
  }

  /** The built-in rule alone: what a device without a usable {@value #RESOURCE} uses. */
  public static FallbackTimeTable builtInRule() {
    return new FallbackTimeTable(null, "the built-in rule needs no coefficients");
  }

  /** Without validation: for the installed (already checked) coefficients and the built-in rule. */
  private FallbackTimeTable(@Nullable FallbackCoefficients checkedOrNull, String why) {
    this.coefficients = checkedOrNull;
  }

  /** Reads and checks {@value #RESOURCE}. */
  public static FallbackCoefficients readInstalled() throws InvalidFallbackTableException {
    byte[] bytes;
    try (InputStream in = FallbackTimeTable.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new InvalidFallbackTableException(
            RESOURCE + " is not in this build; run dataset.FallbackFit");
      }
      bytes = in.readAllBytes();
    } catch (IOException e) {
      throw new InvalidFallbackTableException(RESOURCE + " cannot be read: " + e.getMessage());
    }
    return parse(bytes, RESOURCE);
  }

  /** Parses and checks a coefficients file. */
  public static FallbackCoefficients parse(byte[] json, String name)
      throws InvalidFallbackTableException {
    FallbackCoefficients c;
    try {
      c = JSON.readValue(json, FallbackCoefficients.class);
    } catch (JacksonException e) {
      throw new InvalidFallbackTableException(
          name + " is not a valid fallback table: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new InvalidFallbackTableException(name + " cannot be read: " + e.getMessage());
    }
    validate(c, name);
    return c;
  }

  private static void validate(FallbackCoefficients c, String name)
      throws InvalidFallbackTableException {
    if (c == null) {
      throw new InvalidFallbackTableException(name + " is empty");
    }
    if (c.version() != FallbackCoefficients.VERSION) {
      throw new InvalidFallbackTableException(
          name
              + " has version "
              + c.version()
              + ", this build reads version "
              + FallbackCoefficients.VERSION);
    }
    if (c.start() == null) {
      throw new InvalidFallbackTableException(name + " has no start coefficients");
    }
    validate(c.start(), FallbackBasis.Kind.START, name + " start");
    FallbackCoefficients.BreadFactor f = c.breadFactor();
    if (f != null) {
      requireBreadFactor(name, "perKelvin", f.perKelvin(), MAX_BREAD_PER_K);
      requireBreadFactor(name, "maxColderK", f.maxColderK(), MAX_BREAD_COLDER_K);
    }
    if (c.progress() != null) {
      validate(c.progress(), FallbackBasis.Kind.PROGRESS, name + " progress");
    }
    if (c.lateProgress() != null) {
      if (c.progress() == null) {
        throw new InvalidFallbackTableException(
            name + " has a late progress set without a progress set");
      }
      validate(c.lateProgress(), FallbackBasis.Kind.LATE_PROGRESS, name + " lateProgress");
    }
  }

  private static void requireBreadFactor(String name, String field, double value, double max)
      throws InvalidFallbackTableException {
    if (!(value >= 0 && value <= max)) {
      throw new InvalidFallbackTableException(
          name + " gives the bread factor " + field + " " + value + ", outside 0.." + max);
    }
  }

  private static void validate(FallbackCoefficients.Set s, FallbackBasis.Kind kind, String where)
      throws InvalidFallbackTableException {
    List<String> variables = kind.variables();
    List<String> terms = kind.terms();
    List<String> names =
        s.variables() == null
            ? List.of()
            : s.variables().stream().map(FallbackCoefficients.Variable::name).toList();
    if (!names.equals(variables)) {
      throw new InvalidFallbackTableException(
          where
              + " lists variables "
              + names
              + ", this build computes "
              + variables
              + "; refit with dataset.FallbackFit");
    }
    for (FallbackCoefficients.Variable v : s.variables()) {
      if (!Double.isFinite(v.min()) || !Double.isFinite(v.max()) || v.min() > v.max()) {
        throw new InvalidFallbackTableException(
            where + " gives variable " + v.name() + " the range " + v.min() + ".." + v.max());
      }
    }
    if (!terms.equals(s.terms())) {
      throw new InvalidFallbackTableException(
          where
              + " has "
              + (s.terms() == null ? 0 : s.terms().size())
              + " terms that differ from this build's "
              + terms.size()
              + "; refit with dataset.FallbackFit");
    }
    if (s.coefficients() == null || s.coefficients().length != terms.size()) {
      throw new InvalidFallbackTableException(
          where
              + " has "
              + (s.coefficients() == null ? 0 : s.coefficients().length)
              + " coefficients for "
              + terms.size()
              + " terms");
    }
    for (int i = 0; i < s.coefficients().length; i++) {
      if (!Double.isFinite(s.coefficients()[i])) {
        throw new InvalidFallbackTableException(
            where + " gives term " + terms.get(i) + " the coefficient " + s.coefficients()[i]);
      }
    }
  }

  @Override
  public PredictorName name() {
    return PredictorName.FALLBACK;
  }

  /**
   * Reference time for a shade, s (white, 12 mm, two slices, cold toaster); what a mechanical timer
   * uses.
   */
  public static double baseSecondsForShade(int shade) {
    return BuiltInTimeRule.baseSecondsForShade(shade);
  }

  /** True when a re-prediction's rise is used (the file has progress coefficients). */
  public boolean usesProgress() {
    return coefficients != null && coefficients.progress() != null;
  }

  /**
   * True when the second re-prediction's six rises are used (the file has late progress
   * coefficients): the table then has something new to say at 60 s.
   */
  public boolean usesLateProgress() {
    return coefficients != null && coefficients.lateProgress() != null;
  }

  /** True when the fitted coefficients are in use, false for the built-in rule. */
  public boolean isFitted() {
    return coefficients != null;
  }

  /** The coefficients in use, or null for the built-in rule. */
  public @Nullable FallbackCoefficients coefficients() {
    return coefficients;
  }

  @Override
  public double predictSeconds(PredictionInput in) {
    if (in.settings().mode() == ToastMode.REHEAT) {
      return ReheatTime.seconds(in);
    }
    if (coefficients == null) {
      return BuiltInTimeRule.seconds(in);
    }
    return Math.exp(lnWithoutBreadReading(in) + lnBreadFactor(coefficients.breadFactor(), in));
  }

  /**
   * ln(time) from the basis alone, as if the bread thermometer read nothing; the fitted table only
   * ({@code dataset.FallbackFit} fits the bread factor on its residuals).
   */
  public double lnWithoutBreadReading(PredictionInput in) {
    FallbackCoefficients c = java.util.Objects.requireNonNull(coefficients, "a fitted table");
    double[] ind = FallbackBasis.indicators(in);
    HeatingProgress p = in.progress();
    if (p != null && p.isLate() && c.lateProgress() != null) {
      return progressLn(c.lateProgress(), in, ind, FallbackBasis.lateRiseVariables(p));
    }
    if (p != null && c.progress() != null) {
      return progressLn(c.progress(), in, ind, FallbackBasis.riseVariables(p));
    }
    FallbackCoefficients.Set set = c.start();
    double[] v = clamped(FallbackBasis.startVariables(in), set.variables(), 0);
    return shortestAtOrBelowWarmth(set, v, ind);
  }

  private static double progressLn(
      FallbackCoefficients.Set set, PredictionInput in, double[] ind, double[] rises) {
    double[] v = clamped(FallbackBasis.startVariables(in), set.variables(), 0);
    double[] rise = clamped(rises, set.variables(), v.length);
    return dot(set.coefficients(), FallbackBasis.progressTerms(v, ind, rise));
  }

  /**
   * How many kelvin colder than the room the bread thermometer reads the bread, for the bread
   * factor: 0 without a reading, in defrost mode (its terms were fitted on frozen bread) and for
   * bread at or above the ambient reading.
   */
  public static double colderThanRoomK(PredictionInput in) {
    if (!in.hasBreadReading() || in.settings().mode() == ToastMode.DEFROST) {
      return 0.0;
    }
    double d = in.ambientC() - in.breadReadC();
    return d > 0 ? d : 0.0;
  }

  private static double lnBreadFactor(
      FallbackCoefficients.@Nullable BreadFactor f, PredictionInput in) {
    if (f == null) {
      return 0.0;
    }
    return f.perKelvin() * Math.min(f.maxColderK(), colderThanRoomK(in));
  }

  /**
   * ln(time) of the start set, never longer than at any cooler chamber with the other inputs the
   * same: the minimum of the fitted surface over warmth from the fitted range's lower end to {@code
   * v}'s. A least-squares cubic follows the data's average, and in thin corners (one thin slice,
   * high shade, high mains) it can turn up by a hair where a warmer chamber must not lengthen the
   * time; taking the running minimum makes "warmer is not longer" hold everywhere, not usually.
   *
   * <p>The basis is at most cubic in {@code warm}, so along warmth the surface is a cubic a + b·u +
   * c·u² + d·u³: found exactly from four evaluations, its minimum on the interval is at an end or
   * where its slope is 0.
   */
  private static double shortestAtOrBelowWarmth(
      FallbackCoefficients.Set set, double[] v, double[] ind) {
    int w = FallbackBasis.START_VARIABLES.indexOf("warm");
    double lo = set.variables().get(w).min();
    double hi = v[w];
    double here = lnTime(set, v, ind, w, hi);
    if (!(hi > lo)) {
      return here;
    }
    // Newton's divided differences through four equally spaced points give the cubic exactly.
    double h = (hi - lo) / 3.0;
    double y0 = lnTime(set, v, ind, w, lo);
    double y1 = lnTime(set, v, ind, w, lo + h);
    double y2 = lnTime(set, v, ind, w, lo + 2 * h);
    double d1 = (y1 - y0) / h;
    double d2 = (y2 - y1) / h;
    double d3 = (here - y2) / h;
    double e1 = (d2 - d1) / (2 * h);
    double e2 = (d3 - d2) / (2 * h);
    double f1 = (e2 - e1) / (3 * h);
    // In x = u − lo: y0 + d1·x + e1·x·(x − h) + f1·x·(x − h)·(x − 2h) = p0 + p1·x + p2·x² + p3·x³.
    double p1 = d1 - e1 * h + f1 * 2 * h * h;
    double p2 = e1 - f1 * 3 * h;
    double p3 = f1;
    double shortest = Math.min(y0, here);
    for (double x : stationaryPoints(p1, p2, p3)) {
      if (x > 0 && x < hi - lo) {
        shortest = Math.min(shortest, lnTime(set, v, ind, w, lo + x));
      }
    }
    return shortest;
  }

  /** Roots of the slope p1 + 2·p2·x + 3·p3·x² (none, one or two). */
  private static double[] stationaryPoints(double p1, double p2, double p3) {
    double a = 3 * p3;
    double b = 2 * p2;
    if (Math.abs(a) < 1e-12 * (Math.abs(b) + Math.abs(p1) + 1e-300)) {
      return b == 0 ? new double[0] : new double[] {-p1 / b};
    }
    double disc = b * b - 4 * a * p1;
    if (disc < 0) {
      return new double[0];
    }
    double r = Math.sqrt(disc);
    return new double[] {(-b - r) / (2 * a), (-b + r) / (2 * a)};
  }

  private static double lnTime(
      FallbackCoefficients.Set set, double[] v, double[] ind, int w, double warm) {
    double[] at = v.clone();
    at[w] = warm;
    return dot(set.coefficients(), FallbackBasis.startTerms(at, ind));
  }

  private static double[] clamped(
      double[] x, List<FallbackCoefficients.Variable> ranges, int offset) {
    double[] c = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      FallbackCoefficients.Variable r = ranges.get(offset + i);
      // NaN becomes the range's lower end rather than poisoning the sum.
      c[i] = x[i] >= r.min() ? Math.min(r.max(), x[i]) : r.min();
    }
    return c;
  }

  private static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }
}
