package com.smarttoaster.bench;

import com.smarttoaster.model.ModelCard;
import com.smarttoaster.predict.FallbackTimeTable;
import com.smarttoaster.predict.GuardedPredictor;
import com.smarttoaster.predict.ModelPredictor;
import com.smarttoaster.predict.PredictionInput;
import com.smarttoaster.predict.PredictorUnavailableException;
import com.smarttoaster.toast.BreadType;
import com.smarttoaster.toast.ToastMode;
import com.smarttoaster.toast.ToastSettings;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Model load time and prediction latency on this machine: the first load in the process (native
 * library loading included), a second load, then {@code predictSeconds} through the predictor API
 * and through the {@link GuardedPredictor} a cycle uses (which adds a hand-over to its worker
 * thread), on random inputs inside the card's training ranges.
 */
public final class ModelBench {
  /**
   * @param runtime the TFLite runtime that ran the model
   * @param firstLoadMs first {@link ModelPredictor#open} in this process, ms
   * @param secondLoadMs a second open of the same model, ms
   * @param apiMicros sorted latencies of {@code predictSeconds}, µs
   * @param guardedMicros sorted latencies of {@link GuardedPredictor#predict}, µs
   */
  public record Result(
      String runtime,
      double firstLoadMs,
      double secondLoadMs,
      double[] apiMicros,
      double[] guardedMicros) {}

  private ModelBench() {}

  public static Result run(
      byte[] model, String modelName, byte[] card, String cardName, int warmup, int predictions)
      throws PredictorUnavailableException {
    long t0 = System.nanoTime();
    ModelPredictor p = ModelPredictor.open(model, modelName, card, cardName);
    double first = (System.nanoTime() - t0) / 1e6;
    t0 = System.nanoTime();
    ModelPredictor second = ModelPredictor.open(model, modelName, card, cardName);
    double again = (System.nanoTime() - t0) / 1e6;
    second.close();

    Random rnd = new Random(1);
    PredictionInput[] inputs = new PredictionInput[1024];
    for (int i = 0; i < inputs.length; i++) {
      inputs[i] = randomInput(rnd, p.card());
    }
    try (GuardedPredictor guard = new GuardedPredictor(p, new FallbackTimeTable(), 0.5, 5, 285)) {
      double[] api = new double[predictions];
      double[] guarded = new double[predictions];
      for (int i = 0; i < warmup; i++) {
        p.predictSeconds(inputs[i % inputs.length]);
        guard.predict(inputs[i % inputs.length]);
      }
      for (int i = 0; i < predictions; i++) {
        PredictionInput in = inputs[i % inputs.length];
        long s = System.nanoTime();
        p.predictSeconds(in);
        api[i] = (System.nanoTime() - s) / 1e3;
      }
      for (int i = 0; i < predictions; i++) {
        PredictionInput in = inputs[i % inputs.length];
        long s = System.nanoTime();
        guard.predict(in);
        guarded[i] = (System.nanoTime() - s) / 1e3;
      }
      Arrays.sort(api);
      Arrays.sort(guarded);
      return new Result(p.runtimeName(), first, again, api, guarded);
    } finally {
      p.close();
    }
  }

  /** An input inside the card's ranges: settings at random, temperatures and voltage uniform. */
  static PredictionInput randomInput(Random rnd, ModelCard card) {
    List<ModelCard.Feature> f = card.features();
    double thickness = uniform(rnd, f.get(1));
    double ambient = uniform(rnd, f.get(4));
    double chamberLow = Math.max(ambient, f.get(3).min());
    double chamber = chamberLow + rnd.nextDouble() * Math.max(0, f.get(3).max() - chamberLow);
    ToastMode[] modes = {ToastMode.TOAST, ToastMode.DEFROST, ToastMode.BAGEL};
    ToastSettings s =
        new ToastSettings(
            1 + rnd.nextInt(7),
            BreadType.values()[rnd.nextInt(BreadType.values().length)],
            thickness,
            1 + rnd.nextInt(2),
            modes[rnd.nextInt(modes.length)]);
    // A 230 V appliance: the configured mains from the card's range of mains ÷ nominal.
    double mains =
        230.0
            * uniform(
                rnd, f.get(com.smarttoaster.predict.ModelFeatures.NAMES.indexOf("mainsRatio")));
    return new PredictionInput(s, chamber, ambient, mains);
  }

  private static double uniform(Random rnd, ModelCard.Feature f) {
    return f.min() + rnd.nextDouble() * (f.max() - f.min());
  }

  /** The p-th percentile (0..100) of sorted values. */
  public static double percentile(double[] sorted, double p) {
    int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
  }
}
