package com.smarttoaster.dataset;

import com.smarttoaster.hal.sim.ApplianceConditions;
import com.smarttoaster.hal.sim.BreadRadiance;
import com.smarttoaster.hal.sim.ShadeOracle;
import com.smarttoaster.hal.sim.SimulatedThermocouple;
import com.smarttoaster.hal.sim.ToasterPhysics;
import com.smarttoaster.predict.BreadReading;
import com.smarttoaster.predict.HeatHistory;
import com.smarttoaster.predict.HeatingProgress;
import com.smarttoaster.predict.PredictionInput;
import com.smarttoaster.predict.StoredHeat;
import com.smarttoaster.safety.SafetyLimits;
import com.smarttoaster.toast.ToastSettings;
import java.util.SplittableRandom;

/**
 * Runs a sampled situation ({@link EnvelopeSampler.Plan}) on one simulated toaster: from room
 * temperature through the earlier cycles (each heated for the oracle's time for its own shade and
 * bread, then a pause with the carriage up and the element off) to the row's bread loaded and
 * ready. The chamber reading at the start and the heating progress come from that same physics,
 * read the way the simulated appliance's MAX31855 reads the chamber air (junction lag, noise, 0.25
 * °C steps): the device's re-prediction sees noisy rises, so the network must learn from noisy
 * rises too.
 *
 * <p>Earlier cycles get the oracle's time rather than a cheaper estimate: a working predictor heats
 * for about that long, a few milliseconds per cycle is affordable, and a cheap rule (e.g. the
 * fallback table) would be badly wrong on 120 V appliances and leave the toaster in states the
 * device never sees.
 */
public final class BackToBackCycles {
  /** Step of the heating runs, s: the oracle's own step. */
  static final double HEAT_STEP_S = 0.01;

  /** Step of pauses, s (split into the physics' own step). */
  static final double PAUSE_STEP_S = 1.0;

  /** How long the carriage stays down after the heat stops, s. */
  static final double COOL_S = 10.0;

  private BackToBackCycles() {}

  /** Simulates the plan and reads what the appliance would see. */
  static EnvelopeSampler.Draw run(EnvelopeSampler.Plan plan) {
    ToastSettings s = plan.settings();
    double startC = Double.isNaN(plan.evenStartC()) ? plan.ambientC() : plan.evenStartC();
    ToasterPhysics p =
        new ToasterPhysics(
            new ApplianceConditions(
                plan.ambientC(),
                plan.actualMainsVolts(),
                startC,
                s.slices(),
                s.bread(),
                s.thicknessMm(),
                plan.breadStartC(),
                plan.nominalMainsVolts()));
    double lastHeatS = 0;
    double sincePauseS = PredictionInput.NO_RECENT_CYCLE_S;
    // the controller's memory of its heating, fed exactly as ToastController feeds it
    HeatHistory history = new HeatHistory();
    double share = HeatHistory.powerShare(plan.configuredMainsVolts(), plan.nominalMainsVolts());
    double restBeforeS = 0.0;
    for (EnvelopeSampler.EarlierCycle c : plan.earlier()) {
      p.loadBread(c.slices(), c.bread(), c.thicknessMm(), c.breadC());
      double heatS =
          EnvelopeSampler.quantise(
              ShadeOracle.bestHeatSeconds(p, c.shade(), DatasetGenerator.MAX_HEAT_S), 0.25);
      p.setElementPowered(true);
      advance(p, heatS, HEAT_STEP_S);
      p.setElementPowered(false);
      p.setBreadInChamber(false);
      // the pause's last HeatingProgress.AVERAGE_S is read below, sample by sample, as the
      // controller's reference
      advance(p, Math.max(0.0, c.pauseAfterS() - HeatingProgress.AVERAGE_S), PAUSE_STEP_S);
      history.heated(restBeforeS, heatS, share);
      restBeforeS = c.pauseAfterS();
      lastHeatS = heatS;
      sincePauseS = c.pauseAfterS();
    }
    Thermocouple tc = new Thermocouple(plan.sensorSeed(), p.chamberC());
    double baseC =
        plan.earlier().isEmpty()
            ? idleReference(tc)
            : coolingReference(p, tc, Math.min(sincePauseS, HeatingProgress.AVERAGE_S));
    p.loadBread(s.slices(), s.bread(), s.thicknessMm(), plan.breadStartC());
    double offsetC = breadThermometerOffsetC(plan.sensorSeed());
    // the part's raw views (NaN without one), the bread's for the model and the controller's rule,
    // the boards' with the carriage up for the rule (the bread's loading leaves them as they were)
    double breadApparentC = BreadRadiance.apparentC(p, true, offsetC);
    double boardReadC = BreadRadiance.apparentC(p, false, offsetC);
    double breadReadC = asModelInput(breadApparentC);
    double startReading = tc.read();
    HeatingProgress progress = progress(p, tc, baseC);
    boolean told = !plan.earlier().isEmpty() && !plan.historyForgotten();
    // (an evenly warm start has no earlier cycles, so it reports none)
    PredictionInput input =
        new PredictionInput(
            s,
            startReading,
            plan.ambientC(),
            plan.configuredMainsVolts(),
            plan.nominalMainsVolts(),
            told ? sincePauseS : PredictionInput.NO_RECENT_CYCLE_S,
            told ? lastHeatS : 0.0,
            told ? history.after(sincePauseS) : StoredHeat.NONE,
            progress,
            breadReadC);
    return new EnvelopeSampler.Draw(
        input,
        plan.breadStartC(),
        plan.storage(),
        plan.actualMainsVolts(),
        plan.earlier().size(),
        breadApparentC,
        boardReadC,
        p);
  }

  /**
   * Sensor sample period of the appliance, s: the supervisor reads the MAX31855 on the first 20 Hz
   * tick at least {@code sensorSampleS} after the previous read, so samples come every 0.15 s, not
   * every 0.125 s ({@link SafetyLimits#samplePeriodS()}).
   */
  static final double SAMPLE_S = SafetyLimits.defaults().samplePeriodS();

  /**
   * From the controller's heat request (where its clock for the rises starts) to current in the
   * elements, s: the supervisor switches the relay on its next 20 Hz tick, the dead-man stage and
   * the zero-cross SSR (≤ 10 ms at 50 Hz) follow. The simulated appliance's first "heater on" comes
   * 0.10 s after the request; {@code RiseMeasurementParityTest} holds this chain to the
   * controller's.
   */
  static final double HEAT_LAG_S = 0.10;

  /**
   * The controller's reference in a toaster at rest: {@link HeatingProgress#AVERAGE_S} of samples
   * of air that does not move.
   */
  static double idleReference(Thermocouple tc) {
    int perWindow = (int) Math.floor(HeatingProgress.AVERAGE_S / SAMPLE_S + 1e-9);
    double sum = 0;
    for (int k = 0; k < perWindow; k++) {
      sum += tc.read();
    }
    return sum / perWindow;
  }

  /**
   * The controller's reference after an earlier cycle: the mean of the samples in the pause's last
   * {@code tailS} (at most {@link HeatingProgress#AVERAGE_S}), while the air at the probe is still
   * cooling. Read as of the press, that mean lies above the reading at the press; a reference taken
   * from the frozen state at the press instead made second batches' rises look 0.2–0.5 °C too large
   * in training.
   */
  static double coolingReference(ToasterPhysics p, Thermocouple tc, double tailS) {
    long steps = Math.round(tailS / HEAT_STEP_S);
    long every = Math.round(SAMPLE_S / HEAT_STEP_S);
    double sum = 0;
    int n = 0;
    for (long k = 0; k <= steps; k++) {
      if (k > 0) {
        p.update(HEAT_STEP_S);
        tc.follow(p.chamberC(), HEAT_STEP_S);
      }
      long beforePress = steps - k;
      if (beforePress % every == 0
          && beforePress * HEAT_STEP_S < HeatingProgress.AVERAGE_S - 1e-9) {
        sum += tc.read();
        n++;
      }
    }
    return sum / n;
  }

  /**
   * The chamber's rise after {@link HeatingProgress#AT_S} of heating from {@code start}, as the
   * controller measures it: the mean of the samples in the {@link HeatingProgress#AVERAGE_S} before
   * each mark, less the mean of those before the heat request ({@link HeatingProgress#rise});
   * samples every {@link #SAMPLE_S} on a grid through the request, current flowing {@link
   * #HEAT_LAG_S} after it. A rise measured differently from the device's (an ideal heater start,
   * 0.125 s samples) is training/serving skew: 0.3–0.5 °C too high, which the network reads as 2–4
   * % more power.
   */
  static HeatingProgress progress(ToasterPhysics start, Thermocouple tc, double base) {
    ToasterPhysics p = start.copy();
    p.setBreadInChamber(true);
    double[] rise = new double[HeatingProgress.AT_S.length];
    double sum = 0;
    int n = 0;
    int mark = 0;
    long lastSample = 0;
    long lagSteps = Math.round(HEAT_LAG_S / HEAT_STEP_S);
    long steps = Math.round(HeatingProgress.lateCheckpointS() / HEAT_STEP_S);
    for (long k = 1; k <= steps; k++) {
      p.setElementPowered(k > lagSteps);
      p.update(HEAT_STEP_S);
      tc.follow(p.chamberC(), HEAT_STEP_S);
      double t = k * HEAT_STEP_S;
      long sample = (long) Math.floor(t / SAMPLE_S + 1e-9);
      if (sample != lastSample) {
        lastSample = sample;
        if (t > HeatingProgress.AT_S[mark] - HeatingProgress.AVERAGE_S + 1e-9) {
          sum += tc.read();
          n++;
        }
      }
      if (Math.abs(t - HeatingProgress.AT_S[mark]) < HEAT_STEP_S / 2) {
        rise[mark] = HeatingProgress.rise(sum / n, base);
        sum = 0;
        n = 0;
        mark++;
        if (mark == rise.length) {
          break;
        }
      }
    }
    return new HeatingProgress(rise);
  }

  /**
   * Share of rows from a toaster without a usable bread thermometer reading (the part is optional
   * on the Pi, and a failed part gives none). Chosen by measurement on the kitchen suites, with and
   * without the part (README, "In a real kitchen").
   */
  static final double NO_BREAD_THERMOMETER_SHARE = 0.5;

  /**
   * What the infrared bread thermometer reads at the press, as the simulated appliance's part does
   * ({@link BreadRadiance}): the loaded bread's surface and the boards reflected in it, plus the
   * part's calibration offset (one per appliance, within its ±0.5 °C); NaN for a toaster without
   * one or a reading no controller would use ({@link BreadReading}). The controller reads it at the
   * press, before heat flows, as here; {@code BreadReadingParityTest} holds the two together.
   */
  static double breadThermometer(ToasterPhysics atPress, long sensorSeed) {
    return asModelInput(
        BreadRadiance.apparentC(atPress, true, breadThermometerOffsetC(sensorSeed)));
  }

  /**
   * The part's reading as the model's input: NaN when there is none or no controller would use it,
   * else as the float the model sees, so the CSV's column reads back to the same input.
   */
  private static double asModelInput(double apparentC) {
    return BreadReading.plausible(apparentC) ? (double) (float) apparentC : Double.NaN;
  }

  /**
   * The row's part's calibration offset, °C; NaN when the row's toaster has none. Its own stream
   * from the sensor seed, so every other draw of the row is as in generator 6.
   */
  static double breadThermometerOffsetC(long sensorSeed) {
    SplittableRandom r = new SplittableRandom(sensorSeed ^ 0xB12EADL);
    if (r.nextDouble() < NO_BREAD_THERMOMETER_SHARE) {
      return Double.NaN;
    }
    return (r.nextDouble() * 2 - 1) * BreadRadiance.ACCURACY_C;
  }

  /**
   * The appliance's view of the chamber air, as the simulated appliance's MAX31855 gives it ({@link
   * SimulatedThermocouple}): a junction that follows the air with its time constant, Gaussian
   * reading noise, 0.25 °C steps. Seeded per row, so rows stay reproducible.
   */
  static final class Thermocouple {
    private final SplittableRandom noise;
    private double junctionC;

    Thermocouple(long seed, double startC) {
      this.noise = new SplittableRandom(seed);
      this.junctionC = startC;
    }

    void follow(double airC, double dtS) {
      junctionC += (airC - junctionC) * (1 - Math.exp(-dtS / SimulatedThermocouple.DEFAULT_TAU_S));
    }

    double read() {
      return reading(junctionC + SimulatedThermocouple.DEFAULT_NOISE_SIGMA_C * gaussian(noise));
    }

    private static double gaussian(SplittableRandom r) {
      double u1 = 1.0 - r.nextDouble();
      double u2 = r.nextDouble();
      return Math.sqrt(-2.0 * Math.log(u1)) * Math.cos(2.0 * Math.PI * u2);
    }
  }

  /**
   * The final shade after heating {@code start} for {@code heatS} and cooling as {@link
   * ShadeOracle} does: the same steps, so a row's label replayed here gives its target shade.
   */
  public static double shadeAfter(ToasterPhysics start, double heatS) {
    if (!(heatS >= 0) || Double.isInfinite(heatS)) {
      throw new IllegalArgumentException(
          "heatS " + heatS + " s must be a finite time of 0 s or more");
    }
    ToasterPhysics p = start.copy();
    p.setBreadInChamber(true);
    p.setElementPowered(true);
    long steps = Math.round(heatS / HEAT_STEP_S);
    for (long i = 0; i < steps; i++) {
      p.update(HEAT_STEP_S);
    }
    p.setElementPowered(false);
    p.setBreadInChamber(false);
    advance(p, COOL_S, HEAT_STEP_S);
    return p.achievedShade();
  }

  /** The MAX31855's view of a temperature: 0.25 °C steps. */
  static double reading(double trueC) {
    return EnvelopeSampler.quantise(trueC, 0.25);
  }

  private static void advance(ToasterPhysics p, double seconds, double step) {
    long n = (long) Math.floor(seconds / step + 1e-9);
    for (long i = 0; i < n; i++) {
      p.update(step);
    }
    double rest = seconds - n * step;
    if (rest > 1e-9) {
      p.update(rest);
    }
  }
}
