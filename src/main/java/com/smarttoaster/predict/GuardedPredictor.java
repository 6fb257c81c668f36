package com.smarttoaster.predict;

import com.smarttoaster.hal.Clock;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Guardrails around a predictor: a deadline, and checks that the answer is a number of seconds a
 * toaster could sensibly heat for. Anything off gives the non-ML fallback table's time and a reason
 * that says what was wrong. The cycle always gets a usable time.
 *
 * <p>Asking never blocks: {@link #start} returns a {@link PendingPrediction} that the controller
 * polls on its ticks, renewing the supervisor's lease in between. The carriage is held while the
 * predictor works, so waiting inside a tick would let the lease (or the hung-controller check) run
 * out; a predictor answering just inside its deadline used to end in LEASE_EXPIRED that way. The
 * deadline is measured on the appliance {@link Clock}: real time on the toaster, simulated time in a
 * simulation (with a {@link SimulatedTimePredictorRunner}).
 */
public final class GuardedPredictor implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(GuardedPredictor.class);

  private final ToastTimePredictor primary;
  private final FallbackTimeTable fallback;
  private final long timeoutNanos;
  private final double minS;
  private final double maxS;
  private final Clock clock;
  private final PredictorRunner runner;

  /** A guard on the system clock, the primary running on its own thread. */
  public GuardedPredictor(
      ToastTimePredictor primary, FallbackTimeTable fallback, double timeoutS, double minS, double maxS) {
    this(primary, fallback, timeoutS, minS, maxS, Clock.system(), new ThreadPredictorRunner());
  }

  /**
   * @param primary the predictor the user chose
   * @param fallback the non-ML table used when the primary's answer cannot be used
   * @param timeoutS longest wait for the primary, s of {@code clock}
   * @param minS shortest acceptable answer, s
   * @param maxS longest acceptable answer, s (keep below the supervisor's maximum heating time)
   * @param runner where the primary's work runs (closed with this guard)
   */
  public GuardedPredictor(ToastTimePredictor primary, FallbackTimeTable fallback, double timeoutS, double minS,
      double maxS, Clock clock, PredictorRunner runner) {
    this.primary = primary;
    this.fallback = fallback;
    this.timeoutNanos = (long) (timeoutS * 1e9);
    this.minS = minS;
    this.maxS = maxS;
    this.clock = clock;
    this.runner = runner;
  }

  public String primaryName() {
    return primary.name();
  }

  /** Starts a prediction; never throws, never blocks for the answer. */
  public PendingPrediction start(PredictionInput input) {
    if (primary == fallback) {
      return new PendingPrediction(input, null, clock.nanos());
    }
    return new PendingPrediction(input, runner.start(() -> primary.predictSeconds(input)), clock.nanos());
  }

  /**
   * Blocks (in real time) until the answer or the deadline; for benches and tools on the system
   * clock. Never throws; always returns a time within [minS, maxS].
   */
  public Prediction predict(PredictionInput input) {
    PendingPrediction pending = start(input);
    while (true) {
      Optional<Prediction> answer = pending.poll();
      if (answer.isPresent()) {
        return answer.get();
      }
      pending.awaitBriefly();
    }
  }

  /** One prediction in progress; poll it until it answers. Not thread-safe: one poller. */
  public final class PendingPrediction {
    private final PredictionInput input;
    private final PredictorRunner.Task task;
    private final long startedNanos;
    private Prediction result;

    private PendingPrediction(PredictionInput input, PredictorRunner.Task task, long startedNanos) {
      this.input = input;
      this.task = task;
      this.startedNanos = startedNanos;
      if (task == null) {
        result = new Prediction(clamp(fallback.predictSeconds(input)), fallback.name(), null);
      }
    }

    public PredictionInput input() {
      return input;
    }

    /**
     * The prediction once there is one: the primary's checked answer, or the fallback's time with a
     * reason once the primary failed, answered garbage or ran past the deadline.
     */
    public Optional<Prediction> poll() {
      if (result == null) {
        if (task.isDone()) {
          result = checked();
        } else if (clock.nanos() - startedNanos >= timeoutNanos) {
          task.abandon();
          result = fellBack(String.format(Locale.ROOT, "%s predictor did not answer within %.0f ms",
              primary.name(), timeoutNanos / 1e6));
        }
      }
      return Optional.ofNullable(result);
    }

    /** The controller gave up (cancel, lever up, fault): a late answer is never used. */
    public void cancel() {
      if (result == null && task != null) {
        task.abandon();
      }
    }

    private void awaitBriefly() {
      long left = timeoutNanos - (clock.nanos() - startedNanos);
      try {
        task.await(Math.max(1_000_000L, left));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        task.abandon();
        result = fellBack(primary.name() + " predictor was interrupted");
      }
    }

    private Prediction checked() {
      String problem;
      try {
        double s = task.answer();
        problem = checkAnswer(s);
        if (problem == null) {
          return new Prediction(s, primary.name(), null);
        }
      } catch (PredictorUnavailableException e) {
        problem = e.getMessage();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        problem = primary.name() + " predictor was interrupted";
      } catch (Exception e) {
        problem = primary.name() + " predictor failed: " + describe(e);
      }
      return fellBack(problem);
    }

    private Prediction fellBack(String problem) {
      log.warn("Using the fallback time table: {}", problem);
      return new Prediction(clamp(fallback.predictSeconds(input)), fallback.name(), problem);
    }
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

  @Override
  public void close() {
    runner.close();
  }
}
