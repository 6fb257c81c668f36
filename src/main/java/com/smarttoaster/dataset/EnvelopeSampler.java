package com.smarttoaster.dataset;

import com.smarttoaster.hal.sim.ToasterPhysics;
import com.smarttoaster.predict.BreadReading;
import com.smarttoaster.predict.HeatHistory;
import com.smarttoaster.predict.PredictionInput;
import com.smarttoaster.toast.BreadType;
import com.smarttoaster.toast.ToastMode;
import com.smarttoaster.toast.ToastSettings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Draws one situation from the training envelope: deliberately WIDER than the operating envelope of
 * docs/contracts.md, so that an input just outside the operating range is still one the model has
 * seen, and the card's ranges (the envelope the data was sampled from, {@link #SAMPLED_RANGES}) are
 * where the model may refuse. Every draw comes from the row's own seed only, so rows are
 * independent and any row can be regenerated alone.
 *
 * <p>A situation is a toaster that starts at room temperature, runs 0–3 earlier cycles with their
 * own bread, shade and slices (each heated for the oracle's time, on the same physics) and pauses
 * after each, and then gets the row's bread ({@link BackToBackCycles} simulates it). So a second
 * batch has the uneven thermal state of a real one: hot elements and air, walls still warming.
 *
 * <p>Values are quantised the way the appliance reports them, and to numbers that float and double
 * hold exactly, so the CSV's feature columns round-trip without drift: chamber 0.25 °C (the
 * MAX31855's step), ambient and bread 0.0625 °C (its cold-junction step), mains 0.5 V, thickness 1
 * mm, pauses and earlier heat times 0.25 s.
 *
 * <p>The bread's temperature is not observable, so its distribution is conditional on what the
 * appliance does know, with the user's mistakes in it: mostly frozen in defrost mode, but sometimes
 * room bread; mostly room bread in toast and bagel mode, but sometimes straight from the fridge or
 * frozen (the user forgot the defrost button).
 */
public final class EnvelopeSampler {
  /** Shares of the modes (reheat is a fixed rule, not modelled). */
  static final double TOAST_SHARE = 0.6;

  static final double DEFROST_SHARE = 0.2;

  /** In bagel mode, this share of the bread is bagels; the rest is any type. */
  static final double BAGEL_MODE_BAGEL_SHARE = 0.5;

  static final double ONE_SLICE_SHARE = 0.35;

  /** Share of 120 V appliances (the rest are 230 V). */
  static final double SHARE_120_V = 0.25;

  static final double MIN_MAINS_230_V = 195;
  static final double MAX_MAINS_230_V = 260;
  static final double MIN_MAINS_120_V = 100;
  static final double MAX_MAINS_120_V = 135;

  /**
   * Actual mains = configured × (1 + d): d within ±{@link #SMALL_DEVIATION} mostly, else ±{@link
   * #LARGE_DEVIATION}.
   */
  static final double SMALL_DEVIATION = 0.03;

  static final double LARGE_DEVIATION = 0.10;
  static final double LARGE_DEVIATION_SHARE = 0.25;

  static final double MIN_AMBIENT_C = 0;
  static final double MAX_AMBIENT_C = 45;
  static final int MIN_THICKNESS_MM = 6;
  static final int MAX_THICKNESS_MM = 40;

  /** Shares of 0, 1, 2 and 3 earlier cycles on the same toaster. */
  static final double[] EARLIER_CYCLE_SHARES = {0.40, 0.30, 0.18, 0.12};

  /**
   * Pause after a cycle: uniform 0..{@link #SHORT_PAUSE_S} mostly, else up to {@link
   * PredictionInput#NO_RECENT_CYCLE_S}.
   */
  static final double SHORT_PAUSE_S = 600;

  static final double LONG_PAUSE_SHARE = 0.2;

  /**
   * Share of rows with earlier cycles whose controller has forgotten them (restarted): no recent
   * cycle reported.
   */
  static final double HISTORY_FORGOTTEN_SHARE = 0.08;

  /**
   * Share of rows without earlier cycles whose toaster starts evenly warm (the old shortcut, now
   * rare): 12.5 % of the 40 %, i.e. 5 % of all rows. A controller restarted beside a warm toaster
   * sees this.
   */
  static final double EVEN_WARM_SHARE_OF_RESTED = 0.125;

  static final double EVEN_WARM_MAX_C = 200;

  /** Share of earlier cycles with frozen bread. */
  static final double EARLIER_FROZEN_SHARE = 0.15;

  /**
   * Toast/bagel mode: share of bread straight from the fridge, and share of frozen bread (defrost
   * forgotten).
   */
  static final double FRIDGE_SHARE = 0.05;

  static final double FROZEN_IN_TOAST_SHARE = 0.10;

  /** Defrost mode: share of bread at room temperature (defrost pressed by mistake). */
  static final double ROOM_IN_DEFROST_SHARE = 0.12;

  static final double FRIDGE_MIN_C = 3;
  static final double FRIDGE_MAX_C = 6;

  /** Room bread: ambient plus a normal spread of this sigma, clipped to ±{@link #ROOM_CLIP_C}. */
  static final double ROOM_SIGMA_C = 1.5;

  static final double ROOM_CLIP_C = 4;
  static final double FREEZER_MIN_C = -25;
  static final double FREEZER_MAX_C = -12;

  /**
   * The envelope the inputs were sampled from, per feature: the model card's ranges, so the model
   * refuses only what it was never shown. Features that the physics decides (the chamber reading at
   * start and its rises) are not here: their range is what the sampled situations produced.
   */
  public static final Map<String, double[]> SAMPLED_RANGES;

  static {
    Map<String, double[]> m = new LinkedHashMap<>();
    m.put("shade", new double[] {1, 7});
    m.put("thicknessMm", new double[] {MIN_THICKNESS_MM, MAX_THICKNESS_MM});
    m.put("slices", new double[] {1, 2});
    m.put("ambientC", new double[] {MIN_AMBIENT_C, MAX_AMBIENT_C});
    m.put("mainsVolts", new double[] {MIN_MAINS_120_V, MAX_MAINS_230_V});
    m.put("nominalMainsVolts", new double[] {120, 230});
    m.put(
        "mainsRatio",
        new double[] {
          Math.min(MIN_MAINS_230_V / 230, MIN_MAINS_120_V / 120),
          Math.max(MAX_MAINS_230_V / 230, MAX_MAINS_120_V / 120)
        });
    m.put("sinceLastCycleS", new double[] {0, PredictionInput.NO_RECENT_CYCLE_S});
    m.put("lastHeatS", new double[] {0, DatasetGenerator.MAX_HEAT_S});
    // at most a heating so long that the part is full, at the highest power share sampled
    double maxShare = HeatHistory.powerShare(m.get("mainsRatio")[1], 1.0);
    m.put("storedHeatFastS", new double[] {0, HeatHistory.FAST_TAU_S * maxShare});
    m.put("storedHeatSlowS", new double[] {0, HeatHistory.SLOW_TAU_S * maxShare});
    // The controller passes on every plausible reading (BreadReading), so the model must not refuse
    // one: its range is that, not the span the dataset's bread and boards happened to give.
    m.put("breadReadC", new double[] {BreadReading.PLAUSIBLE_MIN_C, BreadReading.PLAUSIBLE_MAX_C});
    for (String flag :
        List.of(
            "bread_white",
            "bread_wholegrain",
            "bread_sourdough",
            "bread_rye",
            "bread_brioche",
            "bread_bagel",
            "mode_defrost",
            "mode_bagel",
            "progressKnown",
            "breadReadKnown",
            "lateProgressKnown")) {
      m.put(flag, new double[] {0, 1});
    }
    SAMPLED_RANGES = java.util.Collections.unmodifiableMap(m);
  }

  /** The distributions above in words, for the data card. */
  public static final List<String> DESCRIPTION =
      List.of(
          "appliance: 75 % 230 V, 25 % 120 V (element R = nominal² / 950 W)",
          "configured mains: uniform 195–260 V on 230 V appliances, 100–135 V on 120 V ones, step 0.5 V (wider than "
              + "the operating 200–250 V, so the model has no cliff at the operating edge)",
          "actual mains (hidden, NOT a feature): configured × (1 + d), d uniform ±3 % (75 %) or ±10 % (25 %)",
          "ambient (cold-junction) temperature: uniform 0–45 °C, step 0.0625 °C",
          "history: 0 (40 %), 1 (30 %), 2 (18 %) or 3 (12 %) earlier cycles on the same simulated toaster, which "
              + "starts at room temperature; each with its own bread type, 6–40 mm, 1–2 slices, shade 1–7, bread at "
              + "room temperature (85 %) or frozen (15 %), heated for the oracle's time (0.25 s step) and followed by "
              + "a pause uniform 0–600 s (80 %) or 600–1800 s (20 %), carriage up",
          "sinceLastCycleS / lastHeatS: the last pause and the last heat time; 1800 / 0 without earlier cycles, and "
              + "for 8 % of rows with earlier cycles (a restarted controller that forgot them)",
          "storedHeatFastS / storedHeatSlowS: the heat every earlier cycle left in the ribbons and boards (τ 103 s) "
              + "and in the walls (τ 294 s), first-order filters of the element's power at the configured mains "
              + "(HeatHistory, the controller's own estimate); 0 / 0 whenever the last two are 1800 / 0",
          "rare evenly warm toaster: 5 % of rows (12.5 % of those without earlier cycles) start with every part at "
              + "ambient + 2 °C … 200 °C and no known previous cycle",
          "mode: toast 60 %, defrost 20 %, bagel 20 % (reheat is a fixed rule, not modelled)",
          "bread type: uniform over the six types; in bagel mode half the draws are bagels, the other half any type",
          "thickness: uniform whole millimetres 6–40; slices: 1 (35 %) or 2 (65 %); shade: uniform 1–7",
          "chamber at start: the simulated air temperature after the history, read like the MAX31855 model of the "
              + "simulated appliance (junction τ 0.3 s, noise σ 0.3 °C, step 0.25 °C)",
          "progress: the chamber's rise after 10, 20, 30, 40, 50 and 60 s of the same heating run the oracle labels, "
              + "measured as the controller does (mean of the samples, every 0.15 s as the supervisor reads them, in the "
              + "last 4 s before each mark less the mean of the 4 s before the heat request; current flows 0.1 s after "
              + "the request; 1/32 °C steps; RiseMeasurementParityTest holds it to the controller); every row trains "
              + "three examples with the same label: the start (progressKnown 0, rises 0), the first re-prediction "
              + "(the rises at 10–30 s) and the second (lateProgressKnown 1, all six)",
          "bread start temperature (hidden, NOT a feature): defrost mode → 88 % frozen −25…−12 °C, 12 % room bread "
              + "(defrost by mistake); toast/bagel mode → 85 % room bread (ambient + N(0, 1.5 °C) clipped to ±4 °C), "
              + "5 % from the fridge 3–6 °C, 10 % frozen (defrost forgotten); seen only through the bread thermometer",
          "bread thermometer (breadReadKnown / breadReadC): 50 % of rows' toasters have a usable one; its apparent "
              + "reading at the press (emissivity 1: the loaded bread's surface at ε 0.9 plus the boards reflected in "
              + "it, plus the part's calibration offset uniform ±0.5 °C), no correction, as the controller passes it "
              + "to the predictor (BreadReadingParityTest holds it to the controller); without one, or with a reading "
              + "outside −40…60 °C, breadReadKnown 0 and breadReadC the ambient reading");

  private EnvelopeSampler() {}

  /**
   * One earlier cycle of a situation.
   *
   * @param pauseAfterS time from its heat stopping to the next cycle's heat starting, s
   */
  public record EarlierCycle(
      int slices, BreadType bread, int thicknessMm, double breadC, int shade, double pauseAfterS) {}

  /**
   * Every random choice of one situation, before any physics runs.
   *
   * @param settings the row's cycle
   * @param ambientC room (and cold-junction) temperature, °C
   * @param configuredMainsVolts what the appliance's config says, V (a feature)
   * @param nominalMainsVolts the element's design voltage, V (a feature)
   * @param actualMainsVolts what the supply really gives, V (hidden)
   * @param breadStartC the row's bread temperature, °C (hidden)
   * @param storage where that bread came from (hidden)
   * @param earlier the cycles before, oldest first
   * @param historyForgotten the controller restarted: it reports no recent cycle although there was
   *     one
   * @param evenStartC NaN for a toaster that starts at room temperature; otherwise the rare toaster
   *     that starts evenly warm at this temperature (every part, e.g. after standing in a hot place
   *     or a long warm-up) with no cycle the controller knows of
   * @param sensorSeed seed of the thermocouple's reading noise
   */
  public record Plan(
      ToastSettings settings,
      double ambientC,
      double configuredMainsVolts,
      double nominalMainsVolts,
      double actualMainsVolts,
      double breadStartC,
      BreadStorage storage,
      List<EarlierCycle> earlier,
      boolean historyForgotten,
      double evenStartC,
      long sensorSeed) {
    public Plan {
      earlier = List.copyOf(earlier);
      if (!Double.isNaN(evenStartC) && !earlier.isEmpty()) {
        throw new IllegalArgumentException("an evenly warm start has no earlier cycles");
      }
    }

    /** A toaster that starts at room temperature. */
    public Plan(
        ToastSettings settings,
        double ambientC,
        double configuredMainsVolts,
        double nominalMainsVolts,
        double actualMainsVolts,
        double breadStartC,
        BreadStorage storage,
        List<EarlierCycle> earlier,
        boolean historyForgotten) {
      this(
          settings,
          ambientC,
          configuredMainsVolts,
          nominalMainsVolts,
          actualMainsVolts,
          breadStartC,
          storage,
          earlier,
          historyForgotten,
          Double.NaN,
          1L);
    }
  }

  /**
   * One situation, simulated: what the appliance observes, and the hidden truth.
   *
   * @param input what the appliance knows, including the heating progress of this cycle
   * @param breadStartC the bread's true start temperature, °C
   * @param storage where the bread came from
   * @param actualMainsVolts the real supply voltage, V
   * @param earlierCycles how many cycles ran before on this toaster
   * @param breadApparentC the bread thermometer's reading at the press as the part gives it, before
   *     any range check (the input keeps it only within {@code BreadReading}'s); NaN without a part
   * @param boardReadC the same part's reading of the boards with the carriage up, just before the
   *     press (what the controller reads between cycles, {@code control.BreadCheck}); NaN without a
   *     part
   */
  public record Draw(
      PredictionInput input,
      double breadStartC,
      BreadStorage storage,
      double actualMainsVolts,
      int earlierCycles,
      double breadApparentC,
      double boardReadC,
      ToasterPhysics start) {
    /** A copy of the toaster as this cycle begins: bread in, element off. */
    @Override
    public ToasterPhysics start() {
      return start.copy();
    }
  }

  /** The simulated situation for a row seed; the same seed always gives the same draw. */
  public static Draw sample(long rowSeed) {
    return BackToBackCycles.run(plan(rowSeed));
  }

  /** Simulates a hand-made situation the way rows are simulated (for tests and studies). */
  public static Draw simulate(Plan plan) {
    return BackToBackCycles.run(plan);
  }

  /** The random choices for a row seed, without running any physics. */
  public static Plan plan(long rowSeed) {
    SplittableRandom r = new SplittableRandom(rowSeed);
    boolean is120 = r.nextDouble() < SHARE_120_V;
    double nominal = is120 ? 120.0 : 230.0;
    double configured =
        is120
            ? uniform(r, MIN_MAINS_120_V, MAX_MAINS_120_V)
            : uniform(r, MIN_MAINS_230_V, MAX_MAINS_230_V);
    configured = quantise(configured, 0.5);
    double spread = r.nextDouble() < LARGE_DEVIATION_SHARE ? LARGE_DEVIATION : SMALL_DEVIATION;
    double actual = configured * (1 + uniform(r, -spread, spread));
    double ambient = quantise(uniform(r, MIN_AMBIENT_C, MAX_AMBIENT_C), 0.0625);

    int earlierCount = pick(r, EARLIER_CYCLE_SHARES);
    List<EarlierCycle> earlier = new ArrayList<>();
    for (int i = 0; i < earlierCount; i++) {
      int slices = r.nextDouble() < ONE_SLICE_SHARE ? 1 : 2;
      BreadType bread = BreadType.values()[r.nextInt(BreadType.values().length)];
      int thickness = MIN_THICKNESS_MM + r.nextInt(MAX_THICKNESS_MM - MIN_THICKNESS_MM + 1);
      double breadC =
          r.nextDouble() < EARLIER_FROZEN_SHARE
              ? uniform(r, FREEZER_MIN_C, FREEZER_MAX_C)
              : ambient;
      int shade = 1 + r.nextInt(7);
      double pause =
          r.nextDouble() < LONG_PAUSE_SHARE
              ? uniform(r, SHORT_PAUSE_S, PredictionInput.NO_RECENT_CYCLE_S)
              : uniform(r, 0, SHORT_PAUSE_S);
      earlier.add(
          new EarlierCycle(
              slices, bread, thickness, quantise(breadC, 0.0625), shade, quantise(pause, 0.25)));
    }
    boolean forgotten = earlierCount > 0 && r.nextDouble() < HISTORY_FORGOTTEN_SHARE;
    double evenStart = Double.NaN;
    if (earlierCount == 0 && r.nextDouble() < EVEN_WARM_SHARE_OF_RESTED) {
      evenStart = quantise(uniform(r, ambient + 2.0, EVEN_WARM_MAX_C), 0.25);
    }
    long sensorSeed = r.nextLong();

    double m = r.nextDouble();
    ToastMode mode =
        m < TOAST_SHARE
            ? ToastMode.TOAST
            : m < TOAST_SHARE + DEFROST_SHARE ? ToastMode.DEFROST : ToastMode.BAGEL;
    BreadType bread = BreadType.values()[r.nextInt(BreadType.values().length)];
    if (mode == ToastMode.BAGEL && r.nextDouble() < BAGEL_MODE_BAGEL_SHARE) {
      bread = BreadType.BAGEL;
    }
    int thickness = MIN_THICKNESS_MM + r.nextInt(MAX_THICKNESS_MM - MIN_THICKNESS_MM + 1);
    int slices = r.nextDouble() < ONE_SLICE_SHARE ? 1 : 2;
    int shade = 1 + r.nextInt(7);
    BreadStorage storage;
    double b = r.nextDouble();
    if (mode == ToastMode.DEFROST) {
      storage = b < ROOM_IN_DEFROST_SHARE ? BreadStorage.ROOM : BreadStorage.FREEZER;
    } else {
      storage =
          b < FRIDGE_SHARE
              ? BreadStorage.FRIDGE
              : b < FRIDGE_SHARE + FROZEN_IN_TOAST_SHARE ? BreadStorage.FREEZER : BreadStorage.ROOM;
    }
    double breadC;
    switch (storage) {
      case FREEZER:
        breadC = uniform(r, FREEZER_MIN_C, FREEZER_MAX_C);
        break;
      case FRIDGE:
        breadC = uniform(r, FRIDGE_MIN_C, FRIDGE_MAX_C);
        break;
      default:
        breadC =
            ambient + Math.max(-ROOM_CLIP_C, Math.min(ROOM_CLIP_C, ROOM_SIGMA_C * gaussian(r)));
    }
    ToastSettings settings = new ToastSettings(shade, bread, thickness, slices, mode);
    return new Plan(
        settings,
        ambient,
        configured,
        nominal,
        actual,
        quantise(breadC, 0.0625),
        storage,
        earlier,
        forgotten,
        evenStart,
        sensorSeed);
  }

  /**
   * The bread temperature a predictor can assume without measuring it: ambient in toast and bagel
   * mode, the middle of the freezer range in defrost mode. For evaluation: the oracle run with this
   * temperature shows how much of the error the hidden bread temperature alone costs.
   */
  public static double nominalBreadC(PredictionInput in) {
    return in.settings().mode() == ToastMode.DEFROST
        ? (FREEZER_MIN_C + FREEZER_MAX_C) / 2
        : in.ambientC();
  }

  static double quantise(double v, double step) {
    return Math.round(v / step) * step;
  }

  private static double uniform(SplittableRandom r, double lo, double hi) {
    return lo + (hi - lo) * r.nextDouble();
  }

  private static int pick(SplittableRandom r, double[] shares) {
    double u = r.nextDouble();
    for (int i = 0; i < shares.length - 1; i++) {
      u -= shares[i];
      if (u < 0) {
        return i;
      }
    }
    return shares.length - 1;
  }

  /** A standard normal draw (Box–Muller), so the stream does not depend on java.util.Random. */
  private static double gaussian(SplittableRandom r) {
    double u1 = 1.0 - r.nextDouble(); // (0, 1]
    double u2 = r.nextDouble();
    return Math.sqrt(-2.0 * Math.log(u1)) * Math.cos(2.0 * Math.PI * u2);
  }
}
