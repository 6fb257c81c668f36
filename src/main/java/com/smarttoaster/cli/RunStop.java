package com.smarttoaster.cli;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The end of a {@code run}: asked for from inside ({@link #request()}, e.g. the panel's q key) or
 * from outside (SIGTERM from systemd, Ctrl-C), whichever comes first. The run's own thread does the
 * switching off; a signal's shutdown hook waits for that (up to a grace period) instead of letting
 * the JVM halt with the simulated or real appliance half shut down.
 */
final class RunStop implements AutoCloseable {
  private final CountDownLatch requested = new CountDownLatch(1);
  private final CountDownLatch finished = new CountDownLatch(1);
  private final Thread hook;

  RunStop(Duration grace) {
    hook =
        new Thread(
            () -> {
              requested.countDown();
              try {
                finished.await(grace.toMillis(), TimeUnit.MILLISECONDS);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            "shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
  }

  /** Asks the run to stop (idempotent). */
  void request() {
    requested.countDown();
  }

  /** Blocks until a stop is asked for, by {@link #request()} or a signal. */
  void await() throws InterruptedException {
    requested.await();
  }

  /** Everything is switched off: a pending signal may let the JVM halt now. */
  @Override
  public void close() {
    finished.countDown();
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException alreadyShuttingDown) {
      // The hook is running (a signal arrived) and returns now that finished is counted down.
    }
  }
}
