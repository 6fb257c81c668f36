package com.smarttoaster.simulation;

import com.smarttoaster.predict.PredictionInput;
import com.smarttoaster.predict.PredictorName;
import com.smarttoaster.predict.ToastTimePredictor;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Wraps the chosen predictor and makes it misbehave on cue, so scenarios can check the guardrails
 * with the real guard and the real fallback. Slowness and hangs are told to the simulated-time
 * runner through {@link #latencyS()}: the answer exists at once but becomes visible only later.
 */
final class FaultyPredictor implements ToastTimePredictor {
  enum Misbehaviour {
    NONE,
    NAN,
    EXTREME,
    ERROR,
    HANG,
    SLOW
  }

  private @Nullable ToastTimePredictor inner;
  private volatile Misbehaviour misbehaviour = Misbehaviour.NONE;

  /**
   * The extreme answer, or the slow predictor's delay: only one misbehaviour is active at a time.
   */
  private volatile double seconds;

  /** Predictions asked so far: a predictor fault acts only on predictions asked after it. */
  private volatile int asked;

  /** Wraps {@code predictor} (once, before the first prediction); returns this. */
  FaultyPredictor wrap(ToastTimePredictor predictor) {
    this.inner = predictor;
    return this;
  }

  /** The wrapped predictor; {@link #wrap} runs when the assembly is built, before any use. */
  private ToastTimePredictor inner() {
    return Objects.requireNonNull(inner, "wrap() comes before the predictor is used");
  }

  int asked() {
    return asked;
  }

  void misbehave(Misbehaviour how, double seconds) {
    this.seconds = seconds;
    this.misbehaviour = how;
  }

  /**
   * Simulated seconds the next answer takes to appear (for a {@link
   * com.smarttoaster.predict.SimulatedTimePredictorRunner}): the slow predictor's delay, forever
   * for a hung one, else none.
   */
  double latencyS() {
    return switch (misbehaviour) {
      case SLOW -> seconds;
      case HANG -> Double.POSITIVE_INFINITY;
      default -> 0.0;
    };
  }

  @Override
  public PredictorName name() {
    return inner().name();
  }

  @Override
  public @Nullable String modelVersion() {
    return inner().modelVersion();
  }

  @Override
  public java.util.OptionalDouble cardCheckerBand() {
    return inner().cardCheckerBand();
  }

  @Override
  public java.util.OptionalDouble cardCheckerBandProgress() {
    return inner().cardCheckerBandProgress();
  }

  @Override
  public java.util.OptionalDouble cardCheckerBandAtRest() {
    return inner().cardCheckerBandAtRest();
  }

  @Override
  public java.util.OptionalDouble cardCheckerBandJustUsed() {
    return inner().cardCheckerBandJustUsed();
  }

  @Override
  public double predictSeconds(PredictionInput input) throws Exception {
    asked++;
    switch (misbehaviour) {
      case NAN:
        return Double.NaN;
      case EXTREME:
        return seconds;
      case ERROR:
        throw new IllegalStateException("injected predictor error");
      case HANG:
        // The hang is the runner's infinite latency; blocking here would stop simulated time too.
        return inner().predictSeconds(input);
      default:
        return inner().predictSeconds(input);
    }
  }
}
