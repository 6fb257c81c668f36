package com.smarttoaster.predict;

import com.smarttoaster.hal.Clock;
import java.util.concurrent.Callable;
import java.util.function.DoubleSupplier;

/**
 * Runs predictor work at once, on the caller's thread, and makes its answer visible only after the
 * simulated time the work is said to take ({@code latencyS}, read when the work starts; infinite
 * for a predictor that never answers). The deterministic counterpart of {@link
 * ThreadPredictorRunner}: the same controller code polls it on its ticks while the simulated clock
 * moves on.
 */
public final class SimulatedTimePredictorRunner implements PredictorRunner {
  private final Clock clock;
  private final DoubleSupplier latencyS;

  /**
   * @param latencyS how long, in simulated seconds, the next piece of work takes (0 for the real
   *     model, whose microseconds are below the controller's tick)
   */
  public SimulatedTimePredictorRunner(Clock clock, DoubleSupplier latencyS) {
    this.clock = clock;
    this.latencyS = latencyS;
  }

  @Override
  public Task start(Callable<Double> work) {
    double latency = latencyS.getAsDouble();
    long readyAt =
        Double.isInfinite(latency) ? Long.MAX_VALUE : clock.nanos() + Math.round(latency * 1e9);
    double value = Double.NaN;
    Exception failure = null;
    try {
      value = work.call();
    } catch (Exception e) {
      failure = e;
    }
    double answer = value;
    Exception thrown = failure;
    return new Task() {
      @Override
      public boolean isDone() {
        return clock.nanos() >= readyAt;
      }

      @Override
      public double answer() throws Exception {
        if (thrown != null) {
          throw thrown;
        }
        return answer;
      }

      @Override
      public void abandon() {}

      @Override
      public boolean await(long nanos) {
        return isDone();
      }
    };
  }

  @Override
  public void close() {}
}
