package com.smarttoaster.fleet;

import java.time.Duration;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Assertions;

/**
 * Bounded waits for work that crosses real processes (broker, collector, database): poll, then fail
 * with a message.
 */
final class Awaiting {
  private Awaiting() {}

  static void until(Duration timeout, Callable<Boolean> condition, Callable<String> whatFailed)
      throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.call()) {
      if (System.nanoTime() > deadline) {
        Assertions.fail("after " + timeout.toSeconds() + " s: " + whatFailed.call());
      }
      Thread.sleep(50);
    }
  }
}
