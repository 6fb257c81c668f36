package com.smarttoaster.appliance;

import com.smarttoaster.hal.sim.ApplianceConditions;
import com.smarttoaster.hal.sim.SimClock;
import com.smarttoaster.hal.sim.SteppedAppliance;
import com.smarttoaster.toast.ToastSettings;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drives a simulated appliance's hardware (the simulated one or the emulated Pi) in real time,
 * scaled by a factor, on its own thread, so {@code run} behaves like a toaster on the counter. Its
 * clock is the appliance's clock: the supervisor and controller read it like any other Clock.
 *
 * <p>A step that throws is logged and the next step runs: an exception escaping a scheduled task
 * would silently cancel every later step, freezing the physics (and simulated time) under a
 * supervisor that then sees a stale clock.
 */
public final class SimulatedApplianceRunner implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(SimulatedApplianceRunner.class);
  private static final long STEP_NANOS = 10_000_000L;
  private static final int LOG_EVERY_N_FAILURES = 500;

  private final SimClock clock = new SimClock();
  private final SteppedAppliance appliance;
  private final double factor;
  private int failuresInARow;
  private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "physics");
    t.setDaemon(true);
    return t;
  });

  /**
   * @param build makes the appliance on this runner's clock from the conditions (e.g. {@code
   *     (c, clock) -> SimulatedAppliances.create("pi-emulated", c, seed, clock, true, bread)})
   */
  public SimulatedApplianceRunner(double ambientC, double chamberStartC, double mainsVolts, double elementRatedVolts,
      ToastSettings bread, double realtimeFactor, BiFunction<ApplianceConditions, SimClock, SteppedAppliance> build) {
    ApplianceConditions c = new ApplianceConditions(ambientC, mainsVolts, chamberStartC, bread.slices(),
        bread.bread(), bread.thicknessMm(), ambientC, elementRatedVolts);
    this.appliance = build.apply(c, clock);
    this.factor = realtimeFactor;
  }

  public SimClock clock() {
    return clock;
  }

  public SteppedAppliance appliance() {
    return appliance;
  }

  public void start() {
    long periodNanos = (long) (STEP_NANOS / factor);
    thread.scheduleAtFixedRate(this::step, 0, periodNanos, TimeUnit.NANOSECONDS);
  }

  private void step() {
    try {
      synchronized (appliance.world()) {
        try {
          appliance.step(STEP_NANOS / 1e9);
        } finally {
          clock.advance(STEP_NANOS); // time goes on, so the supervisor sees a sensor that stopped
        }
      }
      appliance.scanSoftware();
      failuresInARow = 0;
    } catch (Throwable t) { // anything escaping would cancel the schedule for good
      if (failuresInARow++ % LOG_EVERY_N_FAILURES == 0) {
        log.error("Simulated appliance step failed ({} in a row); stepping on", failuresInARow, t);
      }
    }
  }

  @Override
  public void close() {
    thread.shutdownNow();
    appliance.close();
  }
}
