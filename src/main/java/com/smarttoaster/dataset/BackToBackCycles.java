package com.smarttoaster.dataset;

import com.smarttoaster.hal.sim.ApplianceConditions;
import com.smarttoaster.hal.sim.ShadeOracle;
import com.smarttoaster.hal.sim.ToasterPhysics;
import com.smarttoaster.predict.HeatingProgress;
import com.smarttoaster.predict.PredictionInput;
import com.smarttoaster.toast.ToastSettings;

/**
 * Runs a sampled situation ({@link EnvelopeSampler.Plan}) on one simulated toaster: from room
 * temperature through the earlier cycles (each heated for the oracle's time for its own shade and
 * bread, then a pause with the carriage up and the element off) to the row's bread loaded and ready.
 * The chamber reading at the start and the heating progress come from that same physics, as the
 * MAX31855 would report the true chamber air (0.25 °C steps).
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
    ToasterPhysics p = new ToasterPhysics(new ApplianceConditions(plan.ambientC(), plan.actualMainsVolts(),
        plan.ambientC(), s.slices(), s.bread(), s.thicknessMm(), plan.breadStartC(), plan.nominalMainsVolts()));
    double lastHeatS = 0;
    double sincePauseS = PredictionInput.NO_RECENT_CYCLE_S;
    for (EnvelopeSampler.EarlierCycle c : plan.earlier()) {
      p.loadBread(c.slices(), c.bread(), c.thicknessMm(), c.breadC());
      double heatS = EnvelopeSampler.quantise(
          ShadeOracle.bestHeatSeconds(p, c.shade(), DatasetGenerator.MAX_HEAT_S), 0.25);
      p.setElementPowered(true);
      advance(p, heatS, HEAT_STEP_S);
      p.setElementPowered(false);
      p.setBreadInChamber(false);
      advance(p, c.pauseAfterS(), PAUSE_STEP_S);
      lastHeatS = heatS;
      sincePauseS = c.pauseAfterS();
    }
    p.loadBread(s.slices(), s.bread(), s.thicknessMm(), plan.breadStartC());
    double startReading = reading(p.chamberC());
    HeatingProgress progress = progress(p, startReading);
    boolean told = !plan.earlier().isEmpty() && !plan.historyForgotten();
    PredictionInput input = new PredictionInput(s, startReading, plan.ambientC(), plan.configuredMainsVolts(),
        plan.nominalMainsVolts(), told ? sincePauseS : PredictionInput.NO_RECENT_CYCLE_S, told ? lastHeatS : 0.0,
        progress);
    return new EnvelopeSampler.Draw(input, plan.breadStartC(), plan.storage(), plan.actualMainsVolts(),
        plan.earlier().size(), p);
  }

  /** The chamber reading's rise after {@link HeatingProgress#AT_S} of heating from {@code start}. */
  static HeatingProgress progress(ToasterPhysics start, double startReading) {
    ToasterPhysics p = start.copy();
    p.setBreadInChamber(true);
    p.setElementPowered(true);
    double[] rise = new double[HeatingProgress.AT_S.length];
    double t = 0;
    for (int i = 0; i < rise.length; i++) {
      advance(p, HeatingProgress.AT_S[i] - t, HEAT_STEP_S);
      t = HeatingProgress.AT_S[i];
      rise[i] = reading(p.chamberC()) - startReading;
    }
    return new HeatingProgress(rise);
  }

  /**
   * The final shade after heating {@code start} for {@code heatS} and cooling as {@link ShadeOracle}
   * does: the same steps, so a row's label replayed here gives its target shade.
   */
  public static double shadeAfter(ToasterPhysics start, double heatS) {
    if (!(heatS >= 0) || Double.isInfinite(heatS)) {
      throw new IllegalArgumentException("heatS " + heatS + " s must be a finite time of 0 s or more");
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
