package com.smarttoaster.remote;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one thread on which the remote side writes to the database and publishes, in the order the
 * work was handed over: so a cycle's end record follows its start, an event's outbox entry comes
 * before its publish, and neither a slow broker nor a slow SD card can stall the controller.
 */
final class RemoteWorker implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(RemoteWorker.class);
  private final ExecutorService thread;

  RemoteWorker(String deviceId) {
    this.thread =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, "remote-" + deviceId);
              t.setDaemon(true);
              return t;
            });
  }

  /** Runs {@code task} later on the worker; a failure is logged, never thrown. Any thread. */
  void run(Runnable task) {
    try {
      thread.execute(
          () -> {
            try {
              task.run();
            } catch (RuntimeException e) {
              log.error("Remote monitoring task failed", e);
            }
          });
    } catch (RejectedExecutionException e) {
      // closing: nothing more is done
    }
  }

  /**
   * Runs {@code task} on the worker and waits for its answer.
   *
   * @throws TimeoutException when it has not answered within {@code timeoutNanos}, or the worker is
   *     closed
   */
  <T> T call(Supplier<T> task, long timeoutNanos) throws InterruptedException, TimeoutException {
    CompletableFuture<T> answer = new CompletableFuture<>();
    try {
      thread.execute(
          () -> {
            try {
              answer.complete(task.get());
            } catch (RuntimeException e) {
              answer.completeExceptionally(e);
            }
          });
      return answer.get(timeoutNanos, TimeUnit.NANOSECONDS);
    } catch (RejectedExecutionException e) {
      throw new TimeoutException("closed");
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    }
  }

  /** Lets handed-over work finish (a few seconds at most), then stops. */
  @Override
  public void close() {
    thread.shutdown();
    try {
      thread.awaitTermination(3, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    thread.shutdownNow();
  }
}
