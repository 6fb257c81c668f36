package com.smarttoaster.safety;

import com.smarttoaster.hal.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs {@link SafetySupervisor#tick()} at a fixed rate on its own thread, for the real appliance.
 * (The simulation driver calls {@code tick()} itself, in simulated time.)
 *
 * <p>The thread is a daemon named {@value #THREAD_NAME}, at maximum priority. A tick that throws
 * does not stop the loop: heat is cut at once (fail-safe), the failure is logged, and the next tick
 * runs as usual. {@link #close()} stops the loop and leaves the heater off and the carriage
 * released.
 *
 * <p>{@link #nanosSinceLastGoodTick()} tells a process watchdog whether the loop is alive and on
 * time (systemd's WatchdogSec: the service pings only while this stays small).
 */
public final class SupervisorLoop implements AutoCloseable {
  public static final String THREAD_NAME = "safety-supervisor";

  private static final Logger log = LoggerFactory.getLogger(SupervisorLoop.class);

  /** While ticks keep failing, repeat the error log this often (about every 10 s at 20 Hz). */
  private static final int LOG_EVERY_N_FAILURES = 200;

  private static final long CLOSE_WAIT_MS = 500;

  private final SafetySupervisor supervisor;
  private final long periodNanos;

  /** The time {@link #nanosSinceLastGoodTick()} is measured in: that of the ticks. */
  private final Clock tickClock;

  private @Nullable ScheduledExecutorService executor;
  private boolean closed;
  private int failuresInARow; // only touched on the loop thread

  /** tickClock's time when the last tick completed without throwing; valid once goodTickSeen. */
  private volatile long lastGoodTickNanos;

  private volatile boolean goodTickSeen;

  /** A loop at the supervisor's own limits.loopPeriodS. */
  public SupervisorLoop(SafetySupervisor supervisor) {
    this(supervisor, supervisor.limits().loopPeriodS());
  }

  /** A loop with an explicit period, s. */
  public SupervisorLoop(SafetySupervisor supervisor, double periodS) {
    this(supervisor, periodS, Clock.system());
  }

  private SupervisorLoop(SafetySupervisor supervisor, double periodS, Clock tickClock) {
    if (!(periodS > 0 && periodS <= 0.1)) {
      throw new IllegalArgumentException(
          "periodS must be above 0 and at most 0.1 (at least 10 Hz), was " + periodS);
    }
    this.supervisor = supervisor;
    this.periodNanos = Nanos.of(periodS);
    this.tickClock = tickClock;
  }

  /**
   * A loop that is never started: a driver in simulated time calls {@link #tickOnce()} itself on
   * {@code clock}'s time, so the loop's age ({@link #nanosSinceLastGoodTick()}) is measured in that
   * time too (and a tick reads no system clock).
   */
  public static SupervisorLoop tickedIn(Clock clock, SafetySupervisor supervisor) {
    return new SupervisorLoop(supervisor, supervisor.limits().loopPeriodS(), clock);
  }

  /** Starts ticking now. */
  public synchronized void start() {
    if (closed) {
      throw new IllegalStateException("SupervisorLoop was closed; create a new one");
    }
    if (executor != null) {
      throw new IllegalStateException("SupervisorLoop already started");
    }
    executor =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, THREAD_NAME);
              thread.setDaemon(true);
              thread.setPriority(Thread.MAX_PRIORITY);
              return thread;
            });
    executor.scheduleAtFixedRate(this::tickOnce, 0, periodNanos, TimeUnit.NANOSECONDS);
    log.info("Safety loop started, period {} ms", periodNanos / 1_000_000.0);
  }

  /** Stops the loop, then switches the heater off and releases the carriage. Idempotent. */
  @Override
  public synchronized void close() {
    closed = true;
    if (executor != null) {
      executor.shutdownNow();
      try {
        if (!executor.awaitTermination(CLOSE_WAIT_MS, TimeUnit.MILLISECONDS)) {
          log.warn("Safety loop thread did not stop within {} ms", CLOSE_WAIT_MS);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      executor = null;
      log.info("Safety loop stopped");
    }
    supervisor.shutdown();
  }

  /**
   * How long ago, in System.nanoTime() nanoseconds (simulated ones for a loop {@link #tickedIn} a
   * simulated clock), the last tick completed without throwing; Long.MAX_VALUE before the first. It
   * grows while ticks fail, hang or the loop is stopped.
   */
  public long nanosSinceLastGoodTick() {
    if (!goodTickSeen) {
      return Long.MAX_VALUE;
    }
    return Math.max(0, tickClock.nanos() - lastGoodTickNanos);
  }

  /**
   * One guarded tick: what the loop's thread runs every period, also called directly by drivers in
   * simulated time so that they run the same fail-safe (a tick that throws cuts heat; the next tick
   * runs as usual). Never throws.
   */
  public void tickOnce() {
    try {
      supervisor.tick();
      lastGoodTickNanos = tickClock.nanos();
      if (!goodTickSeen) { // a volatile write costs a fence; this one is needed once
        goodTickSeen = true;
      }
      if (failuresInARow > 0) {
        log.info("Safety loop ticks normally again after {} failed ticks", failuresInARow);
        failuresInARow = 0;
      }
    } catch (Throwable t) { // anything escaping would silently cancel the schedule
      failuresInARow++;
      if (failuresInARow % LOG_EVERY_N_FAILURES == 1) {
        log.error("Safety tick failed ({} in a row); heat cut, loop continues", failuresInARow, t);
      }
      try {
        supervisor.cutHeatAfterFailure();
      } catch (Throwable again) {
        log.error("Fail-safe after a failed tick failed too", again);
      }
    }
  }
}
