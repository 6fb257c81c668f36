package com.smarttoaster.predict;

import java.util.concurrent.Callable;

/**
 * Where a predictor's work runs and when its answer becomes visible to the controller. On the
 * appliance the work runs on its own thread ({@link ThreadPredictorRunner}); in a simulation it
 * runs at once but its answer appears only after the simulated time it would have taken ({@link
 * SimulatedTimePredictorRunner}), so the simulated clock, the supervisor and the controller's lease
 * renewals keep running while the controller waits, as on a real toaster.
 */
public interface PredictorRunner extends AutoCloseable {
  /** Starts {@code work}; never blocks for its answer. */
  Task start(Callable<Double> work);

  /** Stops any work still running. */
  @Override
  void close();

  /** One started piece of work. */
  interface Task {
    /** True once the answer (or the failure) is there. */
    boolean isDone();

    /**
     * The answer; call only once {@link #isDone()}.
     *
     * @throws Exception what the work threw
     */
    double answer() throws Exception;

    /** The controller stopped waiting: a late answer is never used, a stuck thread is given up. */
    void abandon();

    /**
     * Waits up to {@code nanos} of real time for the answer (blocking callers such as benches); a
     * simulated task answers at once whether it is done.
     */
    boolean await(long nanos) throws InterruptedException;
  }
}
