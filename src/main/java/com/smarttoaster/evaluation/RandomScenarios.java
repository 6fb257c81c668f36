package com.smarttoaster.evaluation;

import com.smarttoaster.dataset.BreadStorage;
import com.smarttoaster.dataset.EnvelopeSampler;
import com.smarttoaster.predict.PredictionInput;
import com.smarttoaster.scenario.BreadSpec;
import com.smarttoaster.scenario.Scenario;
import com.smarttoaster.toast.ToastMode;
import com.smarttoaster.toast.ToastSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Evaluation scenarios drawn like the training data ({@link EnvelopeSampler}), but from a seed of
 * their own so they are not the training rows, and kept inside the operating envelope of
 * docs/contracts.md (230 V appliances configured 200–250 V, ambient 5–40 °C, 8–35 mm, bread as the
 * mode says), which the training envelope is wider than. A scenario has one mains voltage and one
 * starting temperature for the whole toaster, so the supply is taken to be the configured one and a
 * toaster with a history starts evenly at its chamber reading (the controller, fresh for each
 * scenario, reports no previous cycle).
 */
public final class RandomScenarios {
  private RandomScenarios() {}

  public static List<Scenario> draw(int count, long seed) {
    SplittableRandom seeds = new SplittableRandom(seed ^ 0x5EED_E7A1L);
    List<Scenario> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      long rowSeed = seeds.nextLong();
      while (!insideOperatingEnvelope(EnvelopeSampler.plan(rowSeed))) {
        rowSeed = seeds.nextLong();
      }
      EnvelopeSampler.Draw d = EnvelopeSampler.sample(rowSeed);
      PredictionInput in = d.input();
      ToastSettings s = in.settings();
      // The chamber's true temperature (the scenario is physics; the appliance reads it with its
      // own noise),
      // in the MAX31855's steps.
      double chamberC = Math.max(in.ambientC(), Math.round(d.start().chamberC() * 4) / 4.0);
      out.add(
          new Scenario(
              1,
              "random " + i,
              rowSeed,
              in.ambientC(),
              in.mainsVolts(),
              chamberC,
              s.slices(),
              new BreadSpec(s.bread(), s.thicknessMm(), d.breadStartC()),
              s.shade(),
              s.mode(),
              List.of(),
              List.of()));
    }
    return out;
  }

  private static boolean insideOperatingEnvelope(EnvelopeSampler.Plan p) {
    double mm = p.settings().thicknessMm();
    // The bread the mode expects (frozen in defrost; room or fridge otherwise): user mistakes are
    // segments of the training metrics, not of the realistic envelope.
    boolean defrost = p.settings().mode() == ToastMode.DEFROST;
    boolean breadAsTheModeSays =
        defrost ? p.storage() == BreadStorage.FREEZER : p.storage() != BreadStorage.FREEZER;
    return p.nominalMainsVolts() == 230.0
        && p.configuredMainsVolts() >= 200
        && p.configuredMainsVolts() <= 250
        && p.ambientC() >= 5
        && p.ambientC() <= 40
        && mm >= 8
        && mm <= 35
        && breadAsTheModeSays;
  }
}
