package com.smarttoaster.train;

import com.smarttoaster.dataset.DatasetRow;
import com.smarttoaster.model.ModelCard;
import com.smarttoaster.model.ModelFeatures;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Standardisation fitted on the training split only: each feature to zero mean and unit standard
 * deviation, and the target as the standardised natural log of seconds (a multiplicative problem:
 * every factor – mains, warmth, bread – scales the time). Validation and test rows are scaled with
 * these same numbers, so nothing about them leaks into training.
 */
final class FeatureScaling {
  private FeatureScaling() {}

  /** Feature descriptions for the model card: unit, training range, mean and std. */
  static List<ModelCard.Feature> features(List<DatasetRow> train) {
    int n = train.size();
    double[] sum = new double[ModelFeatures.COUNT];
    double[] min = new double[ModelFeatures.COUNT];
    double[] max = new double[ModelFeatures.COUNT];
    Arrays.fill(min, Double.POSITIVE_INFINITY);
    Arrays.fill(max, Double.NEGATIVE_INFINITY);
    List<float[]> xs = new ArrayList<>(n);
    for (DatasetRow r : train) {
      float[] x = r.features();
      xs.add(x);
      for (int i = 0; i < x.length; i++) {
        sum[i] += x[i];
        min[i] = Math.min(min[i], x[i]);
        max[i] = Math.max(max[i], x[i]);
      }
    }
    List<ModelCard.Feature> out = new ArrayList<>();
    for (int i = 0; i < ModelFeatures.COUNT; i++) {
      double mean = sum[i] / n;
      double ss = 0;
      for (float[] x : xs) {
        ss += (x[i] - mean) * (x[i] - mean);
      }
      double std = Math.sqrt(ss / n);
      out.add(new ModelCard.Feature(ModelFeatures.NAMES.get(i), ModelFeatures.UNITS.get(i), min[i], max[i], mean,
          std > 1e-12 ? std : 1.0));
    }
    return out;
  }

  /** The target's scaling: natural log of seconds, standardised over the training split. */
  static ModelCard.Target target(List<DatasetRow> train) {
    double sum = 0;
    for (DatasetRow r : train) {
      sum += Math.log(r.heaterOnS());
    }
    double mean = sum / train.size();
    double ss = 0;
    for (DatasetRow r : train) {
      double d = Math.log(r.heaterOnS()) - mean;
      ss += d * d;
    }
    return new ModelCard.Target("heaterOnS", "s", "log", mean, Math.sqrt(ss / train.size()));
  }

  /** Scaled feature matrix, one row per dataset row. */
  static float[][] inputs(ModelCard scaling, List<DatasetRow> rows) {
    float[][] x = new float[rows.size()][];
    for (int i = 0; i < x.length; i++) {
      x[i] = scaling.scale(rows.get(i).features());
    }
    return x;
  }

  /** Scaled targets. */
  static float[] targets(ModelCard.Target t, List<DatasetRow> rows) {
    float[] y = new float[rows.size()];
    for (int i = 0; i < y.length; i++) {
      y[i] = (float) ((Math.log(rows.get(i).heaterOnS()) - t.mean()) / t.std());
    }
    return y;
  }
}
