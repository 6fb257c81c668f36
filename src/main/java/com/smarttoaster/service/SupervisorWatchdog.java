package com.smarttoaster.service;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * systemd's WatchdogSec= tied to the safety loop: it sends WATCHDOG=1 only while the supervisor
 * loop runs on time, so a JVM that hangs, a loop thread that died or a loop whose ticks keep
 * failing stops the pings, and systemd kills and restarts the service (whose ExecStopPost then
 * forces the heater pin low).
 *
 * <p>"On time" means the loop completed a tick without throwing within the last {@code onTimeNanos}
 * (the supervisor's own staleS: it treats a loop silent for that long as stalled). {@link
 * #pingIfOnTime()} checks and pings; {@link #start()} calls it every quarter of the watchdog
 * timeout (systemd recommends pinging at least every half), on its own daemon thread. Only changes
 * between on time and late are logged.
 */
public final class SupervisorWatchdog implements AutoCloseable {
  public static final String THREAD_NAME = "service-watchdog";

  private static final Logger log = LoggerFactory.getLogger(SupervisorWatchdog.class);

  private final ServiceNotifier notifier;
  private final LongSupplier nanosSinceLastGoodTick;
  private final long onTimeNanos;
  private final Duration timeout;

  /** Null until {@link #start} and after {@link #close}. */
  private @Nullable ScheduledExecutorService thread;

  private boolean late;
  private long pings;

  /**
   * @param nanosSinceLastGoodTick the loop's age, e.g. {@code
   *     SupervisorLoop::nanosSinceLastGoodTick}
   * @param onTimeNanos the largest age that still counts as on time
   * @param timeout systemd's watchdog timeout (WATCHDOG_USEC)
   */
  public SupervisorWatchdog(
      ServiceNotifier notifier,
      LongSupplier nanosSinceLastGoodTick,
      long onTimeNanos,
      Duration timeout) {
    this.notifier = Objects.requireNonNull(notifier, "notifier");
    this.nanosSinceLastGoodTick =
        Objects.requireNonNull(nanosSinceLastGoodTick, "nanosSinceLastGoodTick");
    if (onTimeNanos <= 0) {
      throw new IllegalArgumentException("onTimeNanos must be positive, was " + onTimeNanos);
    }
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive, was " + timeout);
    }
    this.onTimeNanos = onTimeNanos;
    this.timeout = timeout;
  }

  /**
   * The watchdog timeout systemd expects pings within: WATCHDOG_USEC, when it is set to a positive
   * number and WATCHDOG_PID is unset or names {@code pid}; empty otherwise
   * (sd_watchdog_enabled(3)).
   */
  public static Optional<Duration> timeoutFromEnvironment(
      Map<String, String> environment, long pid) {
    String usec = environment.get("WATCHDOG_USEC");
    if (usec == null || usec.isBlank()) {
      return Optional.empty();
    }
    String forPid = environment.get("WATCHDOG_PID");
    if (forPid != null && !forPid.isBlank() && !forPid.trim().equals(Long.toString(pid))) {
      return Optional.empty();
    }
    try {
      long micros = Long.parseLong(usec.trim());
      return micros > 0 ? Optional.of(Duration.ofNanos(micros * 1000)) : Optional.empty();
    } catch (NumberFormatException e) {
      log.warn("WATCHDOG_USEC={} is not a number of microseconds; no watchdog pings", usec);
      return Optional.empty();
    }
  }

  /** The interval between checks: a quarter of the timeout, at least 10 ms. */
  public Duration checkInterval() {
    return Duration.ofNanos(Math.max(10_000_000L, timeout.toNanos() / 4));
  }

  /**
   * Pings when the loop is on time; returns whether it pinged. Logs changes between on time and
   * late.
   */
  public synchronized boolean pingIfOnTime() {
    long age = nanosSinceLastGoodTick.getAsLong();
    boolean onTime = age <= onTimeNanos;
    if (onTime) {
      notifier.watchdog();
      pings++;
      if (late) {
        log.info("Safety loop on time again: watchdog pings resume");
      }
    } else if (!late) {
      log.error(
          "Safety loop late ({}): watchdog pings withheld; systemd restarts the service if this lasts {} ms",
          age == Long.MAX_VALUE
              ? "no tick completed yet"
              : "last good tick " + age / 1_000_000 + " ms ago",
          timeout.toMillis());
    }
    late = !onTime;
    return onTime;
  }

  /** Pings sent so far. */
  public synchronized long pings() {
    return pings;
  }

  /** Checks and pings every {@link #checkInterval()} on a daemon thread, starting now. */
  public synchronized void start() {
    if (thread != null) {
      throw new IllegalStateException("SupervisorWatchdog already started");
    }
    ScheduledExecutorService pinger =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, THREAD_NAME);
              t.setDaemon(true);
              return t;
            });
    thread = pinger;
    long interval = checkInterval().toNanos();
    pinger.scheduleAtFixedRate(
        () -> {
          try {
            pingIfOnTime();
          } catch (RuntimeException e) {
            log.error("Watchdog check failed", e);
          }
        },
        0,
        interval,
        TimeUnit.NANOSECONDS);
    log.info(
        "Watchdog: pinging systemd every {} ms while the safety loop is on time (timeout {} ms)",
        interval / 1_000_000,
        timeout.toMillis());
  }

  /** Stops pinging. */
  @Override
  public synchronized void close() {
    if (thread != null) {
      thread.shutdownNow();
      thread = null;
    }
  }
}
