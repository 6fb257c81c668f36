package com.smarttoaster.train;

import com.smarttoaster.dataset.DatasetRow;
import com.smarttoaster.dataset.EnvelopeSampler;
import com.smarttoaster.model.ModelCard;
import com.smarttoaster.predict.ModelFeatures;
import com.smarttoaster.predict.PredictionInput;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The training examples and their standardisation, fitted on the training split only: each feature
 * to zero mean and unit standard deviation, and the target as the standardised natural log of
 * seconds (a multiplicative problem: every factor – mains, warmth, bread – scales the time).
 * Validation and test rows are scaled with these same numbers, so nothing about them leaks into
 * training.
 *
 * <p>Every row gives one example for the start and, when it has the heating progress, one for each
 * re-prediction it has the rises for ({@link PredictionInput#askedInACycle()}), with the same
 * label.
 *
 * <p>The card's ranges are the envelope the data was sampled from ({@link
 * EnvelopeSampler#SAMPLED_RANGES}), not the values that happened to be drawn, so the model refuses
 * only inputs outside what it was shown. Features the physics decides (the chamber reading at
 * start, the rises) take the range of every example in the dataset, all splits.
 */
final class FeatureScaling {
  private FeatureScaling() {}

  /**
   * The examples of {@code rows}: start first, then with the first re-prediction's progress, then
   * with all of it, row by row.
   */
  static List<float[]> examples(List<DatasetRow> rows) {
    List<float[]> x = new ArrayList<>(rows.size() * 3);
    for (DatasetRow r : rows) {
      for (PredictionInput in : r.input().askedInACycle()) {
        x.add(ModelFeatures.encode(in));
      }
    }
    return x;
  }

  /** The label of each of {@link #examples}, s. */
  static double[] labels(List<DatasetRow> rows) {
    List<Double> y = new ArrayList<>(rows.size() * 3);
    for (DatasetRow r : rows) {
      for (int k = r.input().askedInACycle().size(); k > 0; k--) {
        y.add(r.heaterOnS());
      }
    }
    return y.stream().mapToDouble(Double::doubleValue).toArray();
  }

  /**
   * Feature descriptions for the model card: unit, range (sampling envelope, or the observed range
   * of {@code all} for physics-decided features), and the mean and std of the training examples.
   */
  static List<ModelCard.Feature> features(List<DatasetRow> train, List<DatasetRow> all) {
    List<float[]> xs = examples(train);
    int n = xs.size();
    double[] sum = new double[ModelFeatures.COUNT];
    for (float[] x : xs) {
      for (int i = 0; i < x.length; i++) {
        sum[i] += x[i];
      }
    }
    double[] min = new double[ModelFeatures.COUNT];
    double[] max = new double[ModelFeatures.COUNT];
    Arrays.fill(min, Double.POSITIVE_INFINITY);
    Arrays.fill(max, Double.NEGATIVE_INFINITY);
    for (float[] x : examples(all)) {
      for (int i = 0; i < x.length; i++) {
        min[i] = Math.min(min[i], x[i]);
        max[i] = Math.max(max[i], x[i]);
      }
    }
    List<ModelCard.Feature> out = new ArrayList<>();
    for (int i = 0; i < ModelFeatures.COUNT; i++) {
      String name = ModelFeatures.NAMES.get(i);
      double mean = sum[i] / n;
      double ss = 0;
      for (float[] x : xs) {
        ss += (x[i] - mean) * (x[i] - mean);
      }
      double std = Math.sqrt(ss / n);
      double[] sampled = EnvelopeSampler.SAMPLED_RANGES.get(name);
      double lo = sampled != null ? sampled[0] : min[i];
      double hi = sampled != null ? sampled[1] : max[i];
      out.add(
          new ModelCard.Feature(
              name, ModelFeatures.UNITS.get(i), lo, hi, mean, std > 1e-12 ? std : 1.0));
    }
    return out;
  }

  /** The target's scaling: natural log of seconds, standardised over the training examples. */
  static ModelCard.Target target(List<DatasetRow> train) {
    double[] y = labels(train);
    double sum = 0;
    for (double v : y) {
      sum += Math.log(v);
    }
    double mean = sum / y.length;
    double ss = 0;
    for (double v : y) {
      double d = Math.log(v) - mean;
      ss += d * d;
    }
    return new ModelCard.Target("heaterOnS", "s", "log", mean, Math.sqrt(ss / y.length));
  }

  /** Scaled feature matrix, one row per example. */
  static float[][] inputs(ModelCard scaling, List<DatasetRow> rows) {
    List<float[]> ex = examples(rows);
    float[][] x = new float[ex.size()][];
    for (int i = 0; i < x.length; i++) {
      x[i] = scaling.scale(ex.get(i));
    }
    return x;
  }

  /** Scaled targets, one per example. */
  static float[] targets(ModelCard.Target t, List<DatasetRow> rows) {
    double[] labels = labels(rows);
    float[] y = new float[labels.length];
    for (int i = 0; i < y.length; i++) {
      y[i] = (float) ((Math.log(labels[i]) - t.mean()) / t.std());
    }
    return y;
  }
}
