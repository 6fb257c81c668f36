package com.smarttoaster.monitoring;

/**
 * When the model's rolling figures count as unhealthy (config {@code model.health}, validated like
 * every section; README "The life of a model"). A figure beyond its limit raises one {@code
 * model-health} event when it crosses, and one more when it is back within.
 *
 * @param window how many of the latest cycles the rolling figures cover
 * @param minCycles fewer eligible cycles than this in the window and nothing is judged (too few to
 *     tell a trend from chance)
 * @param maxFallbackRate largest share of model cycles that may fall back to the non-ML table
 * @param maxOutOfEnvelopeRate largest share of cycles whose inputs may lie outside the training
 *     envelope
 * @param maxInputDriftSd largest shift of an input's recent mean from its training mean, in
 *     training standard deviations
 * @param maxUnhappyRatingShare largest share of ratings that may be too light or too dark
 */
public record HealthThresholds(
    int window,
    int minCycles,
    double maxFallbackRate,
    double maxOutOfEnvelopeRate,
    double maxInputDriftSd,
    double maxUnhappyRatingShare) {

  public static final int DEFAULT_WINDOW = 50;
  public static final int DEFAULT_MIN_CYCLES = 10;
  public static final double DEFAULT_MAX_FALLBACK_RATE = 0.2;
  public static final double DEFAULT_MAX_OUT_OF_ENVELOPE_RATE = 0.1;

  /**
   * The training data is sampled evenly across an envelope wider than any kitchen, so one
   * household's habits (always two slices, always 21 °C) sit up to √3 ≈ 1.73 σ from the training
   * mean while still well inside the envelope; beyond 2 σ the recent mean itself lies near or past
   * the training range.
   */
  public static final double DEFAULT_MAX_INPUT_DRIFT_SD = 2.0;

  public static final double DEFAULT_MAX_UNHAPPY_RATING_SHARE = 0.5;

  public HealthThresholds {
    if (window < 1 || minCycles < 1 || minCycles > window) {
      throw new IllegalArgumentException(
          "window "
              + window
              + " and minCycles "
              + minCycles
              + " must be at least 1, minCycles at most window");
    }
  }

  public static HealthThresholds defaults() {
    return new HealthThresholds(
        DEFAULT_WINDOW,
        DEFAULT_MIN_CYCLES,
        DEFAULT_MAX_FALLBACK_RATE,
        DEFAULT_MAX_OUT_OF_ENVELOPE_RATE,
        DEFAULT_MAX_INPUT_DRIFT_SD,
        DEFAULT_MAX_UNHAPPY_RATING_SHARE);
  }
}
