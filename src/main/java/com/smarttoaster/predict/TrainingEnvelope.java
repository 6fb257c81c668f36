package com.smarttoaster.predict;

import com.smarttoaster.model.ModelCard;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.Locale;

/**
 * The ranges the model saw in training, from its card: the envelope the training data was sampled
 * from (wider than the operating one), so there is no cliff at the operating edge. A model is only
 * trusted inside them: an input outside (or NaN) makes the model decline, so the cycle uses the
 * fallback table and its {@code fallbackReason} names the input, its value and the range. No
 * clamping: a clamped input would silently describe a different toaster.
 */
final class TrainingEnvelope {
  private static final String MAINS_RATIO = "mainsRatio";

  /** Where the two voltages sit in the vector, for the mains-ratio message. */
  private static final class ModelFeaturesIndex {
    static final int MAINS_VOLTS =
        com.smarttoaster.predict.ModelFeatures.NAMES.indexOf("mainsVolts");
    static final int NOMINAL_MAINS_VOLTS =
        com.smarttoaster.predict.ModelFeatures.NAMES.indexOf("nominalMainsVolts");
  }

  private final List<ModelCard.Feature> features;

  TrainingEnvelope(List<ModelCard.Feature> features) {
    this.features = List.copyOf(features);
  }

  /**
   * @param raw the unscaled feature vector, in card order
   * @throws PredictorUnavailableException naming the first input outside its range
   */
  void check(float[] raw) throws PredictorUnavailableException {
    for (int i = 0; i < raw.length; i++) {
      ModelCard.Feature f = features.get(i);
      // Compared as floats, like the vector itself, so a value exactly at a bound is inside.
      if (!(raw[i] >= (float) f.min() && raw[i] <= (float) f.max())) {
        String why = describe(f, raw[i]);
        if (f.name().equals(MAINS_RATIO) && Float.isFinite(raw[i])) {
          why +=
              String.format(
                  Locale.ROOT,
                  " (configured mains %.1f V on a %.0f V element)",
                  raw[ModelFeaturesIndex.MAINS_VOLTS],
                  raw[ModelFeaturesIndex.NOMINAL_MAINS_VOLTS]);
        }
        throw new PredictorUnavailableException(why);
      }
    }
  }

  static String describe(ModelCard.Feature f, float value) {
    String v = oneDecimal(value);
    String lo = oneDecimal(f.min());
    String hi = oneDecimal(f.max());
    if (v.equals(lo) || v.equals(hi)) {
      v = significant(value);
      lo = significant(f.min());
      hi = significant(f.max());
    }
    String unit = physicalUnit(f.unit());
    return f.name() + " = " + v + unit + " is outside the training range " + lo + ".." + hi + unit;
  }

  /** " °C", " mm", " V"; nothing for counts, scales and 0/1 flags. */
  private static String physicalUnit(String unit) {
    if (unit == null || unit.isBlank() || unit.equals("count") || unit.matches(".*[0-9/].*")) {
      return "";
    }
    return " " + unit;
  }

  private static String oneDecimal(double x) {
    return Double.isFinite(x) ? String.format(Locale.ROOT, "%.1f", x) : String.valueOf(x);
  }

  private static String significant(double x) {
    return Double.isFinite(x)
        ? new BigDecimal(x).round(new MathContext(7)).stripTrailingZeros().toPlainString()
        : String.valueOf(x);
  }
}
