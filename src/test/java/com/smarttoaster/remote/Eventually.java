package com.smarttoaster.remote;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.junit.jupiter.api.Assertions;

/**
 * Bounded waits for real network I/O: polls a condition until a deadline, then fails with a
 * message.
 */
final class Eventually {
  static final Duration NETWORK = Duration.ofSeconds(10);

  private Eventually() {}

  static void await(BooleanSupplier condition, Supplier<String> whatFailed) {
    await(NETWORK, condition, whatFailed);
  }

  static void await(Duration timeout, BooleanSupplier condition, Supplier<String> whatFailed) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        Assertions.fail("after " + timeout.toMillis() + " ms: " + whatFailed.get());
      }
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        Assertions.fail("interrupted while waiting: " + whatFailed.get());
      }
    }
  }
}
