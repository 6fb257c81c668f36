package com.smarttoaster.predict;

import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs predictor work on a daemon thread named "predictor". A task given up while its thread is
 * stuck takes that thread with it: the next task gets a fresh one.
 */
public final class ThreadPredictorRunner implements PredictorRunner {
  private ExecutorService executor = newExecutor();

  @Override
  public synchronized Task start(Callable<Double> work) {
    Future<Double> future = executor.submit(work);
    return new Task() {
      @Override
      public boolean isDone() {
        return future.isDone();
      }

      @Override
      public double answer() throws Exception {
        try {
          return future.get();
        } catch (ExecutionException e) {
          Throwable cause = e.getCause();
          if (cause instanceof Exception ex) {
            throw ex;
          }
          throw e;
        }
      }

      @Override
      public void abandon() {
        if (!future.isDone()) {
          future.cancel(true);
          replaceStuckThread();
        }
      }

      @Override
      public boolean await(long nanos) throws InterruptedException {
        try {
          future.get(nanos, TimeUnit.NANOSECONDS);
        } catch (ExecutionException | CancellationException e) {
          return true;
        } catch (TimeoutException e) {
          return false;
        }
        return true;
      }
    };
  }

  private synchronized void replaceStuckThread() {
    executor.shutdownNow();
    executor = newExecutor();
  }

  @Override
  public synchronized void close() {
    executor.shutdownNow();
  }

  private static ExecutorService newExecutor() {
    return Executors.newSingleThreadExecutor(
        r -> {
          Thread t = new Thread(r, "predictor");
          t.setDaemon(true);
          return t;
        });
  }
}
