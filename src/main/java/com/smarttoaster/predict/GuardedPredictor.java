package com.smarttoaster.predict;

import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Guardrails around a predictor: a deadline, and checks that the answer is a number of seconds a
 * toaster could sensibly heat for. Anything off gives the non-ML fallback table's time and a reason
 * that says what was wrong. The cycle always gets a usable time.
 *
 * <p>The deadline is real time, not the appliance {@link com.smarttoaster.hal.Clock}: inference is
 * real work on the real CPU, and heat is not yet on while we wait, so waiting is safe.
 */
public final class GuardedPredictor implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(GuardedPredictor.class);

  private final ToastTimePredictor primary;
  private final FallbackTimeTable fallback;
  private final long timeoutNanos;
  private final double minS;
  private final double maxS;
  private ExecutorService executor = newExecutor();

  /**
   * @param primary the predictor the user chose
   * @param fallback the non-ML table used when the primary's answer cannot be used
   * @param timeoutS longest wait for the primary, s
   * @param minS shortest acceptable answer, s
   * @param maxS longest acceptable answer, s (keep below the supervisor's maximum heating time)
   */
  public GuardedPredictor(
      ToastTimePredictor primary, FallbackTimeTable fallback, double timeoutS, double minS, double maxS) {
    this.primary = primary;
    this.fallback = fallback;
    this.timeoutNanos = (long) (timeoutS * 1e9);
    this.minS = minS;
    this.maxS = maxS;
  }

  public String primaryName() {
    return primary.name();
  }

  /** Never throws; always returns a time within [minS, maxS]. */
  public synchronized Prediction predict(PredictionInput input) {
    if (primary == fallback) {
      return new Prediction(clamp(fallback.predictSeconds(input)), fallback.name(), null);
    }
    String problem;
    Future<Double> answer = executor.submit(() -> primary.predictSeconds(input));
    try {
      double s = answer.get(timeoutNanos, TimeUnit.NANOSECONDS);
      problem = checkAnswer(s);
      if (problem == null) {
        return new Prediction(s, primary.name(), null);
      }
    } catch (TimeoutException e) {
      answer.cancel(true);
      // The stuck thread may never come back; the next call gets a fresh one.
      executor.shutdownNow();
      executor = newExecutor();
      problem = String.format(Locale.ROOT, "%s predictor did not answer within %.0f ms",
          primary.name(), timeoutNanos / 1e6);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      problem = cause instanceof PredictorUnavailableException
          ? cause.getMessage()
          : primary.name() + " predictor failed: " + describe(cause);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      problem = primary.name() + " predictor was interrupted";
    }
    log.warn("Using the fallback time table: {}", problem);
    return new Prediction(clamp(fallback.predictSeconds(input)), fallback.name(), problem);
  }

  private String checkAnswer(double s) {
    if (Double.isNaN(s) || Double.isInfinite(s)) {
      return primary.name() + " predictor returned " + s + " instead of a number of seconds";
    }
    if (s < minS || s > maxS) {
      return String.format(Locale.ROOT, "%s predictor returned %.1f s, outside the accepted %.1f..%.1f s",
          primary.name(), s, minS, maxS);
    }
    return null;
  }

  private double clamp(double s) {
    return Math.max(minS, Math.min(maxS, s));
  }

  private static String describe(Throwable t) {
    String msg = t.getMessage();
    return msg == null ? t.getClass().getSimpleName() : msg;
  }

  private static ExecutorService newExecutor() {
    return Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "predictor");
      t.setDaemon(true);
      return t;
    });
  }

  @Override
  public synchronized void close() {
    executor.shutdownNow();
  }
}
