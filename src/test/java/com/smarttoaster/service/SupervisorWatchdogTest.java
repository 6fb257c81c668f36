package com.smarttoaster.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.smarttoaster.hal.Clock;
import com.smarttoaster.safety.SafetyLimits;
import com.smarttoaster.safety.SafetySupervisor;
import com.smarttoaster.safety.SupervisorLoop;
import com.smarttoaster.safety.fakes.FakeCarriageLatch;
import com.smarttoaster.safety.fakes.FakeCurrentSensor;
import com.smarttoaster.safety.fakes.FakeHeaterSwitch;
import com.smarttoaster.safety.fakes.FakeTemperatureSensor;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class SupervisorWatchdogTest {
  private static final long MS = 1_000_000L;

  private final RecordingNotifier notifier = new RecordingNotifier();
  private final AtomicLong loopAge = new AtomicLong(Long.MAX_VALUE);
  private final SupervisorWatchdog watchdog =
      new SupervisorWatchdog(notifier, loopAge::get, 1000 * MS, Duration.ofSeconds(5));

  @Test
  void pingsOnlyWhileTheLoopIsOnTime() {
    assertFalse(watchdog.pingIfOnTime(), "no ping before the loop's first good tick");

    loopAge.set(50 * MS);
    assertTrue(watchdog.pingIfOnTime());
    loopAge.set(1000 * MS);
    assertTrue(watchdog.pingIfOnTime(), "exactly the limit is still on time");
    loopAge.set(1001 * MS);
    assertFalse(watchdog.pingIfOnTime(), "a loop late by more than staleS gets no ping");
    loopAge.set(3000 * MS);
    assertFalse(watchdog.pingIfOnTime());
    loopAge.set(10 * MS);
    assertTrue(watchdog.pingIfOnTime(), "pings resume when the loop is on time again");

    assertEquals(3, watchdog.pings());
    assertEquals(java.util.List.of("WATCHDOG=1", "WATCHDOG=1", "WATCHDOG=1"), notifier.sent());
  }

  @Test
  void checksEveryQuarterOfTheTimeout() {
    assertEquals(Duration.ofMillis(1250), watchdog.checkInterval());
    assertEquals(
        Duration.ofMillis(10),
        new SupervisorWatchdog(notifier, loopAge::get, MS, Duration.ofMillis(20)).checkInterval());
  }

  @Test
  void timeoutComesFromWatchdogUsecForThisProcessOnly() {
    assertEquals(
        Optional.of(Duration.ofSeconds(5)),
        SupervisorWatchdog.timeoutFromEnvironment(Map.of("WATCHDOG_USEC", "5000000"), 42));
    assertEquals(
        Optional.of(Duration.ofSeconds(5)),
        SupervisorWatchdog.timeoutFromEnvironment(
            Map.of("WATCHDOG_USEC", "5000000", "WATCHDOG_PID", "42"), 42));
    assertEquals(
        Optional.empty(),
        SupervisorWatchdog.timeoutFromEnvironment(
            Map.of("WATCHDOG_USEC", "5000000", "WATCHDOG_PID", "7"), 42));
    assertEquals(Optional.empty(), SupervisorWatchdog.timeoutFromEnvironment(Map.of(), 42));
    assertEquals(
        Optional.empty(),
        SupervisorWatchdog.timeoutFromEnvironment(Map.of("WATCHDOG_USEC", "0"), 42));
    assertEquals(
        Optional.empty(),
        SupervisorWatchdog.timeoutFromEnvironment(Map.of("WATCHDOG_USEC", "5s"), 42));
  }

  @Test
  void refusesNonsense() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new SupervisorWatchdog(notifier, loopAge::get, 0, Duration.ofSeconds(5)));
    assertThrows(
        IllegalArgumentException.class,
        () -> new SupervisorWatchdog(notifier, loopAge::get, MS, Duration.ZERO));
  }

  /**
   * The real loop on its own thread: pings flow while it ticks, stop while a tick hangs in the
   * sensor, and resume when it returns. Real time, so the waits are bounded and generous.
   */
  @Test
  @Timeout(10)
  void realLoopThatHangsStopsThePingsAndOneThatRecoversResumesThem() throws Exception {
    Clock clock = Clock.system();
    FakeHeaterSwitch heater = new FakeHeaterSwitch(clock);
    FakeCarriageLatch latch = new FakeCarriageLatch();
    FakeTemperatureSensor sensor = new FakeTemperatureSensor(clock);
    CountDownLatch release = new CountDownLatch(1);
    java.util.concurrent.atomic.AtomicBoolean hang =
        new java.util.concurrent.atomic.AtomicBoolean();
    sensor.onRead(
        () -> {
          if (hang.get()) {
            try {
              release.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          }
        });
    SafetySupervisor supervisor =
        new SafetySupervisor(
            SafetyLimits.defaults(),
            heater,
            latch,
            sensor,
            new FakeCurrentSensor(heater, latch),
            clock,
            null);
    try (SupervisorLoop loop = new SupervisorLoop(supervisor, 0.01);
        SupervisorWatchdog dog =
            new SupervisorWatchdog(
                notifier, loop::nanosSinceLastGoodTick, 150 * MS, Duration.ofMillis(100))) {
      assertEquals(Long.MAX_VALUE, loop.nanosSinceLastGoodTick());
      loop.start();
      dog.start();
      awaitPings(dog, 3);

      hang.set(true);
      Thread.sleep(300); // the loop is stuck in a read; its last good tick ages past 150 ms
      long stuckAt = dog.pings();
      Thread.sleep(300);
      assertEquals(stuckAt, dog.pings(), "no pings while the loop hangs");
      assertTrue(loop.nanosSinceLastGoodTick() > 150 * MS);

      hang.set(false);
      release.countDown();
      awaitPings(dog, stuckAt + 3);
    }
  }

  private static void awaitPings(SupervisorWatchdog dog, long atLeast) throws InterruptedException {
    long deadline = System.nanoTime() + 3_000 * MS;
    while (dog.pings() < atLeast && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    assertTrue(
        dog.pings() >= atLeast, "expected at least " + atLeast + " pings, got " + dog.pings());
  }
}
