package com.smarttoaster.modellife;

import com.smarttoaster.hal.Clock;
import com.smarttoaster.predict.PredictionInput;
import com.smarttoaster.predict.PredictorRunner;
import com.smarttoaster.predict.ToastTimePredictor;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The shadow candidate: an installed model that answers beside the active one on every cycle, its
 * answer recorded and never used for heat (issue 14, item 3). It cannot delay or break a cycle: its
 * work runs on its own {@link PredictorRunner} (a thread of its own on the appliance), nobody waits
 * for it, and when the cycle ends an answer that has not arrived is cut off and noted, like the
 * guard's deadline for the primary ({@link com.smarttoaster.predict.GuardedPredictor}), measured on
 * the appliance {@link Clock}. A candidate that throws or answers garbage costs only its own note.
 */
public final class ShadowModel implements AutoCloseable {
  private final ToastTimePredictor candidate;
  private final String version;
  private final PredictorRunner runner;
  private final Clock clock;
  private final long timeoutNanos;

  /** The candidate's answer on one cycle: seconds, or null and a note saying why not. */
  public record Answer(String version, @Nullable Double seconds, @Nullable String note) {}

  /**
   * @param runner where the candidate works (closed with this shadow)
   * @param timeoutS how long the candidate may take, s of {@code clock} (the primary's deadline)
   */
  public ShadowModel(
      ToastTimePredictor candidate,
      String version,
      PredictorRunner runner,
      Clock clock,
      double timeoutS) {
    this.candidate = Objects.requireNonNull(candidate, "candidate");
    this.version = Objects.requireNonNull(version, "version");
    this.runner = Objects.requireNonNull(runner, "runner");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.timeoutNanos = (long) (timeoutS * 1e9);
  }

  public String version() {
    return version;
  }

  public ToastTimePredictor candidate() {
    return candidate;
  }

  /** Starts the candidate on {@code input}; never blocks, never throws. */
  public Run start(PredictionInput input) {
    try {
      return new Run(runner.start(() -> candidate.predictSeconds(input)), clock.nanos(), null);
    } catch (RuntimeException e) {
      return new Run(null, clock.nanos(), "candidate could not be started: " + describe(e));
    }
  }

  /** One cycle's shadow answer in progress. */
  public final class Run {
    /** Null when the candidate could not be started; then {@code failed} says why. */
    private final PredictorRunner.@Nullable Task task;

    private final long startedNanos;
    private final @Nullable String failed;

    private Run(PredictorRunner.@Nullable Task task, long startedNanos, @Nullable String failed) {
      this.task = task;
      this.startedNanos = startedNanos;
      this.failed = failed;
    }

    /** The answer as it stands now; an unfinished one is abandoned and noted. Never blocks. */
    public Answer finish() {
      if (task == null) {
        return new Answer(version, null, failed);
      }
      if (!task.isDone()) {
        task.abandon();
        double tookMs = (clock.nanos() - startedNanos) / 1e6;
        return new Answer(
            version,
            null,
            String.format(
                Locale.ROOT,
                "cut off: no answer after %.0f ms (the deadline is %.0f ms)",
                tookMs,
                timeoutNanos / 1e6));
      }
      try {
        double s = task.answer();
        if (!Double.isFinite(s) || s <= 0) {
          return new Answer(
              version, null, "candidate answered " + s + ", not a positive number of seconds");
        }
        return new Answer(version, s, null);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return new Answer(version, null, "interrupted");
      } catch (Exception e) {
        return new Answer(version, null, "candidate declined or failed: " + describe(e));
      }
    }
  }

  private static String describe(Throwable t) {
    return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
  }

  /** Stops the candidate's thread and closes its runtime. */
  @Override
  public void close() {
    runner.close();
    if (candidate instanceof AutoCloseable c) {
      try {
        c.close();
      } catch (Exception e) {
        // closing a model we no longer use; nothing to do about it
      }
    }
  }
}
