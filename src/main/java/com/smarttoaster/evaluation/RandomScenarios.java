package com.smarttoaster.evaluation;

import com.smarttoaster.dataset.EnvelopeSampler;
import com.smarttoaster.predict.PredictionInput;
import com.smarttoaster.scenario.BreadSpec;
import com.smarttoaster.scenario.Scenario;
import com.smarttoaster.toast.ToastSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Evaluation scenarios drawn from the same realistic envelope as the training data (see
 * {@link EnvelopeSampler}), but from a seed of their own so they are not the training rows.
 */
public final class RandomScenarios {
  private RandomScenarios() {}

  public static List<Scenario> draw(int count, long seed) {
    SplittableRandom seeds = new SplittableRandom(seed ^ 0x5EED_E7A1L);
    List<Scenario> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      long rowSeed = seeds.nextLong();
      EnvelopeSampler.Draw d = EnvelopeSampler.sample(rowSeed);
      PredictionInput in = d.input();
      ToastSettings s = in.settings();
      out.add(new Scenario(1, "random " + i, rowSeed, in.ambientC(), in.mainsVolts(), in.chamberStartC(), s.slices(),
          new BreadSpec(s.bread(), s.thicknessMm(), d.breadStartC()), s.shade(), s.mode(), List.of(), List.of()));
    }
    return out;
  }
}
