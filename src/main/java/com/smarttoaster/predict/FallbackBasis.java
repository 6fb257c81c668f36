package com.smarttoaster.predict;

import com.smarttoaster.toast.BreadType;
import com.smarttoaster.toast.ToastMode;
import com.smarttoaster.toast.ToastSettings;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * The terms of the fallback table's fit: ln(heater-on time / 1 s) is a linear combination of these,
 * with coefficients from {@code fallback-table.json}. Written out so anyone can evaluate the table
 * by hand.
 *
 * <p><b>Variables</b> (continuous, each scaled to roughly −1..1 over the envelope):
 *
 * <ul>
 *   <li>{@code shade} = (shade − 4) / 3
 *   <li>{@code thick} = (thickness − 20 mm) / 10 mm
 *   <li>{@code warm} = (chamber − ambient, at least 0) / 100 °C
 *   <li>{@code amb} = (ambient − 21 °C) / 10 °C
 *   <li>{@code mains} = 10 · ln(configured mains / nominal mains)
 *   <li>{@code heldFast} = the heat earlier cycles left in the ribbons and boards / 100 s ({@link
 *       StoredHeat#fastS()}; 0 for a rested toaster)
 *   <li>{@code heldSlow} = the heat they left in the walls / 300 s ({@link StoredHeat#slowS()})
 * </ul>
 *
 * and, for a re-prediction, {@code rise10}, {@code rise20}, {@code rise30} = the chamber's rise at
 * 10, 20, 30 s of heating / 50 °C; for the second re-prediction also {@code rise40}, {@code
 * rise50}, {@code rise60}.
 *
 * <p><b>Indicators</b> (0/1; white bread, toast mode and two slices are the reference): {@code
 * wholegrain, sourdough, rye, brioche, bagelBread, defrost, bagelMode, oneSlice}.
 *
 * <p><b>Terms, start set</b>: a full cubic in the seven variables and eight indicators together: 1
 * and every product of one, two or three of them ({@code shade}, {@code shade*thick}, {@code
 * thick*thick*warm}, {@code warm*defrost}, {@code shade*brioche*oneSlice}, …), an indicator
 * appearing at most once in a product since its square is itself. Products that the data never
 * makes non-zero (two bread types at once, defrost and bagel mode together, the previous cycle in a
 * dataset without one) are kept for a stable term list; the fit gives them 0. <b>Progress set</b>:
 * the start set, then every product of one, two or three rises, every rise times every start
 * variable and every rise times every indicator, every rise times every product of two start
 * variables and every product of two rises times every start variable. The last two let the rise
 * expected at the given settings, and so what a shortfall means, bend with them (how fast the
 * chamber warms depends on ambient, mains and slices together); they took the re-prediction's
 * residual on held-out rows from 3.5 % to 3.1 % rms (generator 6, seed 1). <b>Late progress
 * set</b>: the same with all six rises, for the second re-prediction at 60 s (README, "The table's
 * second re-prediction"): on the test split of generator 10 (seed 1) it took the table's ln
 * residual from 2.9 % to 2.0 % rms, and after a pause under a minute from 6.6 % to 4.1 %.
 *
 * <p>Before evaluation each variable is clamped to the range the fit saw (recorded in the file): a
 * cubic outside its data can turn round, and the table must stay smooth and monotone-looking there.
 */
public final class FallbackBasis {
  public static final List<String> START_VARIABLES =
      List.of("shade", "thick", "warm", "amb", "mains", "heldFast", "heldSlow");

  /** The first re-prediction's rises ({@link HeatingProgress#EARLY}). */
  public static final List<String> RISE_VARIABLES = List.of("rise10", "rise20", "rise30");

  /** The second re-prediction's rises (all of {@link HeatingProgress#AT_S}). */
  public static final List<String> LATE_RISE_VARIABLES =
      List.of("rise10", "rise20", "rise30", "rise40", "rise50", "rise60");

  public static final List<String> INDICATORS =
      List.of(
          "wholegrain",
          "sourdough",
          "rye",
          "brioche",
          "bagelBread",
          "defrost",
          "bagelMode",
          "oneSlice");

  /**
   * Over {@link #START_VARIABLES} then {@link #INDICATORS}: indices from START_VARIABLES.size() are
   * 0/1.
   */
  private static final List<int[]> START_CUBIC =
      monomials(START_VARIABLES.size() + INDICATORS.size(), START_VARIABLES.size());

  private static final List<int[]> RISE_CUBIC =
      monomials(RISE_VARIABLES.size(), RISE_VARIABLES.size());
  private static final List<int[]> LATE_RISE_CUBIC =
      monomials(LATE_RISE_VARIABLES.size(), LATE_RISE_VARIABLES.size());
  private static final List<String> START_TERMS = Collections.unmodifiableList(buildStartTerms());
  private static final List<String> PROGRESS_TERMS =
      Collections.unmodifiableList(buildProgressTerms(RISE_VARIABLES));
  private static final List<String> LATE_PROGRESS_TERMS =
      Collections.unmodifiableList(buildProgressTerms(LATE_RISE_VARIABLES));

  private FallbackBasis() {}

  /**
   * The table's three coefficient sets and what each takes: its continuous variables (the start
   * variables, then its rises), its terms and its rises' values for an input's progress. The fit
   * and the file's check both ask here, so a set's shape is written down once.
   */
  public enum Kind {
    /** At the start: no rises. */
    START(List.of()),
    /** The first re-prediction: {@link #RISE_VARIABLES}. */
    PROGRESS(RISE_VARIABLES),
    /** The second re-prediction: {@link #LATE_RISE_VARIABLES}. */
    LATE_PROGRESS(LATE_RISE_VARIABLES);

    private final List<String> variables;

    Kind(List<String> rises) {
      List<String> v = new ArrayList<>(START_VARIABLES);
      v.addAll(rises);
      this.variables = Collections.unmodifiableList(v);
    }

    /** The continuous variables, in the order the file lists their ranges. */
    public List<String> variables() {
      return variables;
    }

    /** The term names, in coefficient order. */
    public List<String> terms() {
      return switch (this) {
        case START -> START_TERMS;
        case PROGRESS -> PROGRESS_TERMS;
        case LATE_PROGRESS -> LATE_PROGRESS_TERMS;
      };
    }

    /**
     * The rise variables of {@code p} this set takes (none at the start).
     *
     * @throws IllegalArgumentException for the late set and a first re-prediction's progress
     */
    public double[] rises(HeatingProgress p) {
      return switch (this) {
        case START -> new double[0];
        case PROGRESS -> riseVariables(p);
        case LATE_PROGRESS -> lateRiseVariables(p);
      };
    }
  }

  /** Term names of the start set, in coefficient order. */
  public static List<String> startTerms() {
    return START_TERMS;
  }

  /** Term names of the progress set, in coefficient order. */
  public static List<String> progressTerms() {
    return PROGRESS_TERMS;
  }

  /** Term names of the late progress set, in coefficient order. */
  public static List<String> lateProgressTerms() {
    return LATE_PROGRESS_TERMS;
  }

  private static List<String> buildStartTerms() {
    List<String> all = new ArrayList<>(START_VARIABLES);
    all.addAll(INDICATORS);
    List<String> t = new ArrayList<>();
    t.add("1");
    for (int[] m : START_CUBIC) {
      t.add(name(m, all));
    }
    return t;
  }

  private static List<String> buildProgressTerms(List<String> rises) {
    List<String> t = new ArrayList<>(buildStartTerms());
    for (int[] m : monomials(rises.size(), rises.size())) {
      t.add(name(m, rises));
    }
    for (String r : rises) {
      for (String v : START_VARIABLES) {
        t.add(r + "*" + v);
      }
    }
    for (String r : rises) {
      for (String ind : INDICATORS) {
        t.add(r + "*" + ind);
      }
    }
    for (String r : rises) {
      for (int i = 0; i < START_VARIABLES.size(); i++) {
        for (int j = i; j < START_VARIABLES.size(); j++) {
          t.add(r + "*" + START_VARIABLES.get(i) + "*" + START_VARIABLES.get(j));
        }
      }
    }
    for (int a = 0; a < rises.size(); a++) {
      for (int b = a; b < rises.size(); b++) {
        for (String v : START_VARIABLES) {
          t.add(rises.get(a) + "*" + rises.get(b) + "*" + v);
        }
      }
    }
    return t;
  }

  /** The start variables of an input, unclamped, in {@link #START_VARIABLES} order. */
  public static double[] startVariables(PredictionInput in) {
    ToastSettings s = in.settings();
    // The stored heat replaced the time since the last cycle and its heat time (generator 6): it
    // holds both, and every cycle before them.
    StoredHeat held = in.storedHeat();
    return new double[] {
      (s.shade() - 4) / 3.0,
      (s.thicknessMm() - 20.0) / 10.0,
      Math.max(0.0, in.chamberStartC() - in.ambientC()) / 100.0,
      (in.ambientC() - 21.0) / 10.0,
      10.0 * Math.log(in.mainsVolts() / in.nominalMainsVolts()),
      held.fastS() / 100.0,
      held.slowS() / 300.0
    };
  }

  /** The rise variables of a re-prediction's progress, in {@link #RISE_VARIABLES} order. */
  public static double[] riseVariables(HeatingProgress p) {
    return scaled(p.early().riseC());
  }

  /**
   * The rise variables of the second re-prediction's progress, in {@link #LATE_RISE_VARIABLES}
   * order.
   *
   * @throws IllegalArgumentException for the first re-prediction's progress
   */
  public static double[] lateRiseVariables(HeatingProgress p) {
    if (!p.isLate()) {
      throw new IllegalArgumentException("the late set needs all six rises, not " + p);
    }
    return scaled(p.riseC());
  }

  private static double[] scaled(double[] r) {
    double[] v = new double[r.length];
    for (int i = 0; i < r.length; i++) {
      v[i] = r[i] / 50.0;
    }
    return v;
  }

  /** The indicators of an input, in {@link #INDICATORS} order. */
  public static double[] indicators(PredictionInput in) {
    ToastSettings s = in.settings();
    BreadType b = s.bread();
    return new double[] {
      b == BreadType.WHOLEGRAIN ? 1 : 0,
      b == BreadType.SOURDOUGH ? 1 : 0,
      b == BreadType.RYE ? 1 : 0,
      b == BreadType.BRIOCHE ? 1 : 0,
      b == BreadType.BAGEL ? 1 : 0,
      s.mode() == ToastMode.DEFROST ? 1 : 0,
      s.mode() == ToastMode.BAGEL ? 1 : 0,
      s.slices() == 1 ? 1 : 0
    };
  }

  /** The start set's term values for (already clamped) variables and indicators. */
  public static double[] startTerms(double[] v, double[] ind) {
    double[] t = new double[START_TERMS.size()];
    int k = fillStart(t, v, ind);
    assert k == t.length;
    return t;
  }

  /**
   * The progress set's term values for (already clamped) start variables, indicators and rises:
   * three rises for the progress set, six for the late progress set.
   */
  public static double[] progressTerms(double[] v, double[] ind, double[] rise) {
    boolean late = rise.length == LATE_RISE_VARIABLES.size();
    if (!late && rise.length != RISE_VARIABLES.size()) {
      throw new IllegalArgumentException(
          rise.length
              + " rises; the progress sets take "
              + RISE_VARIABLES.size()
              + " or "
              + LATE_RISE_VARIABLES.size());
    }
    double[] t = new double[late ? LATE_PROGRESS_TERMS.size() : PROGRESS_TERMS.size()];
    int k = fillStart(t, v, ind);
    for (int[] m : late ? LATE_RISE_CUBIC : RISE_CUBIC) {
      t[k++] = product(m, rise);
    }
    for (double r : rise) {
      for (double x : v) {
        t[k++] = r * x;
      }
    }
    for (double r : rise) {
      for (double i : ind) {
        t[k++] = r * i;
      }
    }
    for (double r : rise) {
      for (int i = 0; i < v.length; i++) {
        for (int j = i; j < v.length; j++) {
          t[k++] = r * v[i] * v[j];
        }
      }
    }
    for (int a = 0; a < rise.length; a++) {
      for (int b = a; b < rise.length; b++) {
        for (double x : v) {
          t[k++] = rise[a] * rise[b] * x;
        }
      }
    }
    assert k == t.length;
    return t;
  }

  private static int fillStart(double[] t, double[] v, double[] ind) {
    double[] all = Arrays.copyOf(v, v.length + ind.length);
    System.arraycopy(ind, 0, all, v.length, ind.length);
    int k = 0;
    t[k++] = 1.0;
    for (int[] m : START_CUBIC) {
      t[k++] = product(m, all);
    }
    return k;
  }

  private static double product(int[] m, double[] v) {
    double p = 1.0;
    for (int i : m) {
      p *= v[i];
    }
    return p;
  }

  /**
   * Every multiset of 1..3 of the indices 0..n−1, by degree then index (x0, x1, …, x0*x0, x0*x1,
   * …), without repeating an index from {@code firstIndicator} on (a 0/1 indicator's square is
   * itself).
   */
  private static List<int[]> monomials(int n, int firstIndicator) {
    List<int[]> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(new int[] {i});
    }
    for (int i = 0; i < n; i++) {
      for (int j = i; j < n; j++) {
        if (!(j == i && i >= firstIndicator)) {
          out.add(new int[] {i, j});
        }
      }
    }
    for (int i = 0; i < n; i++) {
      for (int j = i; j < n; j++) {
        for (int k = j; k < n; k++) {
          boolean repeatsIndicator =
              (j == i && i >= firstIndicator) || (k == j && j >= firstIndicator);
          if (!repeatsIndicator) {
            out.add(new int[] {i, j, k});
          }
        }
      }
    }
    return out;
  }

  private static String name(int[] m, List<String> vars) {
    StringBuilder sb = new StringBuilder();
    for (int i : m) {
      if (sb.length() > 0) {
        sb.append('*');
      }
      sb.append(vars.get(i));
    }
    return sb.toString();
  }
}
