package com.smarttoaster.monitoring;

import com.smarttoaster.model.ModelCard;
import com.smarttoaster.predict.ModelFeatures;
import com.smarttoaster.predict.PredictionInput;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * How far a cycle's inputs lie outside a model's training envelope (its card's per-input min..max):
 * for each input the distance beyond the nearer bound divided by the input's training range, and
 * the largest of those. 0 inside the envelope; 0.1 means one input is 10 % of its range outside. A
 * number rather than yes/no so that monitoring can tell a toaster creeping out of the envelope (a
 * colder kitchen, a sagging mains) from one far outside it.
 */
public final class EnvelopeDistance {
  private EnvelopeDistance() {}

  /**
   * @return the distance, or null when the input cannot be encoded (reheat is not modelled) or the
   *     card's features do not match this build's inputs
   */
  public static @Nullable Double of(
      @Nullable List<ModelCard.Feature> features, PredictionInput input) {
    float[] raw;
    try {
      raw = ModelFeatures.encode(input);
    } catch (IllegalArgumentException e) {
      return null;
    }
    if (features == null || features.size() != raw.length) {
      return null;
    }
    double worst = 0;
    for (int i = 0; i < raw.length; i++) {
      ModelCard.Feature f = features.get(i);
      double range = f.max() - f.min();
      double beyond = raw[i] < f.min() ? f.min() - raw[i] : raw[i] > f.max() ? raw[i] - f.max() : 0;
      if (!Double.isFinite(raw[i])) {
        return null; // not a number: the guard refuses it; no distance to report
      }
      if (beyond > 0) {
        worst = Math.max(worst, range > 0 ? beyond / range : beyond);
      }
    }
    return worst;
  }
}
