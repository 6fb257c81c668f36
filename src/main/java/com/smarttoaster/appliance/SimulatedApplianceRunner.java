package com.smarttoaster.appliance;

import com.smarttoaster.hal.sim.ApplianceConditions;
import com.smarttoaster.hal.sim.SimClock;
import com.smarttoaster.hal.sim.SimulatedAppliance;
import com.smarttoaster.toast.ToastSettings;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Drives the simulated appliance's physics in real time (scaled by a factor) on its own thread, so
 * {@code run} behaves like a toaster on the counter. Its clock is the appliance's clock: the
 * supervisor and controller read it like any other Clock.
 */
public final class SimulatedApplianceRunner implements AutoCloseable {
  private static final long STEP_NANOS = 10_000_000L;

  private final SimClock clock = new SimClock();
  private final SimulatedAppliance appliance;
  private final double factor;
  private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "physics");
    t.setDaemon(true);
    return t;
  });

  public SimulatedApplianceRunner(double ambientC, double chamberStartC, double mainsVolts, ToastSettings bread,
      long seed, double realtimeFactor) {
    ApplianceConditions c = new ApplianceConditions(ambientC, mainsVolts, chamberStartC, bread.slices(),
        bread.bread(), bread.thicknessMm(), ambientC);
    this.appliance = new SimulatedAppliance(c, seed, clock);
    this.factor = realtimeFactor;
  }

  public SimClock clock() {
    return clock;
  }

  public SimulatedAppliance appliance() {
    return appliance;
  }

  public void start() {
    long periodNanos = (long) (STEP_NANOS / factor);
    thread.scheduleAtFixedRate(this::step, 0, periodNanos, TimeUnit.NANOSECONDS);
  }

  private void step() {
    synchronized (appliance) {
      appliance.step(STEP_NANOS / 1e9);
      clock.advance(STEP_NANOS);
    }
  }

  @Override
  public void close() {
    thread.shutdownNow();
  }
}
