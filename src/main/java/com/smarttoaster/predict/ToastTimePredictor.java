package com.smarttoaster.predict;

import java.util.OptionalDouble;
import org.jspecify.annotations.Nullable;

/** Predicts how long to heat. Implementations may be slow, wrong or throw; callers guard them. */
public interface ToastTimePredictor {
  /** Which predictor this is (its id is the name on the command line and in results). */
  PredictorName name();

  /** Heater-on time in seconds for the given input. */
  double predictSeconds(PredictionInput input) throws Exception;

  /**
   * The checker band this predictor's own card records (a loaded model's, measured on its test
   * split), if any; wrappers pass their inner predictor's on.
   */
  default OptionalDouble cardCheckerBand() {
    return OptionalDouble.empty();
  }

  /** The version of the learned model behind this predictor (its card's modelVersion), or null. */
  default @Nullable String modelVersion() {
    return null;
  }

  /** The same for re-predictions (inputs with the heating progress), if the card records one. */
  default OptionalDouble cardCheckerBandProgress() {
    return OptionalDouble.empty();
  }

  /** The same for a toaster at rest ({@link ToasterAtRest}), if the card records one. */
  default OptionalDouble cardCheckerBandAtRest() {
    return OptionalDouble.empty();
  }

  /**
   * The same for a toaster just used or warm with no known cycle ({@link ToasterJustUsed}), if the
   * card records one.
   */
  default OptionalDouble cardCheckerBandJustUsed() {
    return OptionalDouble.empty();
  }
}
