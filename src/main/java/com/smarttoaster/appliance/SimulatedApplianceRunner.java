package com.smarttoaster.appliance;

import com.smarttoaster.hal.sim.ApplianceConditions;
import com.smarttoaster.hal.sim.SimClock;
import com.smarttoaster.hal.sim.SteppedAppliance;
import com.smarttoaster.toast.ToastSettings;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.BiFunction;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a simulated appliance (the simulated one or the emulated Pi) and the toaster's software for
 * {@code run}, the way {@code simulate}'s CycleSimulation does: one thread steps simulated time in
 * fixed 10 ms steps and ticks the supervisor and the controller on step counts (every 5th step for
 * a 50 ms period), then a {@link WallClockPacer} holds it back to the wall clock times the config's
 * {@code realtimeFactor}.
 *
 * <p>So the software sees the same simulated time whatever the factor and however busy the machine
 * is: a slow machine only runs slower, and no factor the config allows (up to 100) can turn a
 * scheduling delay into a missed lease or a "hung" controller. (Before, simulated time was the wall
 * time times the factor, and at 100 a 30 ms hiccup was three seconds without a tick.)
 *
 * <p>Everything that changes the simulated world (the panel's keys) is handed over with {@link
 * #submit} and runs on the stepping thread between steps, so it never races a step. A step that
 * throws is logged and the next step runs.
 */
public final class SimulatedApplianceRunner implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(SimulatedApplianceRunner.class);

  /** The physics step, as in CycleSimulation, ns. */
  public static final long STEP_NANOS = 10_000_000L;

  private static final int LOG_EVERY_N_FAILURES = 500;
  private static final long JOIN_MS = 2000;

  private final SimClock clock = new SimClock();
  private final SteppedAppliance appliance;
  private final WallClockPacer pacer;
  private final Queue<Runnable> actions = new ConcurrentLinkedQueue<>();
  private Software software = Software.NONE;
  private long step;
  private int failuresInARow;
  private volatile boolean stopping;
  private @Nullable Thread thread;
  private boolean closed;

  /**
   * The software the runner ticks, each on its period in simulated time (rounded to whole steps).
   */
  public record Software(
      Runnable supervisorTick,
      double supervisorPeriodS,
      Runnable controllerTick,
      double controllerPeriodS) {
    static final Software NONE = new Software(() -> {}, 0.05, () -> {}, 0.05);

    long every(double periodS) {
      return Math.max(1, Math.round(periodS * 1e9 / STEP_NANOS));
    }
  }

  /**
   * @param build makes the appliance on this runner's clock from the conditions (e.g. {@code (c,
   *     clock) -> SimulatedAppliances.create(SimulatedApplianceKind.PI_EMULATED, c, seed, clock,
   *     true, bread)})
   */
  public SimulatedApplianceRunner(
      double ambientC,
      double chamberStartC,
      double mainsVolts,
      double elementRatedVolts,
      ToastSettings bread,
      double realtimeFactor,
      BiFunction<ApplianceConditions, SimClock, SteppedAppliance> build) {
    this(
        ambientC,
        chamberStartC,
        mainsVolts,
        elementRatedVolts,
        bread,
        new WallClockPacer(
            realtimeFactor, WallClockPacer.Wall.SYSTEM, WallClockPacer.DEFAULT_MAX_LAG_NANOS),
        build);
  }

  SimulatedApplianceRunner(
      double ambientC,
      double chamberStartC,
      double mainsVolts,
      double elementRatedVolts,
      ToastSettings bread,
      WallClockPacer pacer,
      BiFunction<ApplianceConditions, SimClock, SteppedAppliance> build) {
    ApplianceConditions c =
        new ApplianceConditions(
            ambientC,
            mainsVolts,
            chamberStartC,
            bread.slices(),
            bread.bread(),
            bread.thicknessMm(),
            ambientC,
            elementRatedVolts);
    this.appliance = build.apply(c, clock);
    this.pacer = pacer;
  }

  public SimClock clock() {
    return clock;
  }

  public SteppedAppliance appliance() {
    return appliance;
  }

  /**
   * Hands the runner the software to tick; call before {@link #start()} or the first {@link
   * #step()}.
   */
  public void runSoftware(Software s) {
    this.software = s;
  }

  /** Runs {@code action} on the stepping thread before the next step (safe from any thread). */
  public void submit(Runnable action) {
    actions.add(action);
  }

  /** Starts stepping and pacing on a thread of its own. */
  public synchronized void start() {
    if (thread != null) {
      throw new IllegalStateException("already started");
    }
    thread = new Thread(this::loop, "simulation");
    thread.setDaemon(true);
    thread.setPriority(Thread.MAX_PRIORITY);
    thread.start();
  }

  private void loop() {
    try {
      while (!stopping) {
        step();
        pacer.pace(clock.nanos());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt(); // close() asked us to stop
    }
  }

  /**
   * One 10 ms step: queued user actions, the appliance's own scan, the supervisor and the
   * controller when their step counts come round, the physics, the clock. Never throws.
   */
  void step() {
    try {
      for (Runnable a; (a = actions.poll()) != null; ) {
        a.run();
      }
      appliance.scanSoftware();
      if (step % software.every(software.supervisorPeriodS()) == 0) {
        software.supervisorTick().run();
      }
      if (step % software.every(software.controllerPeriodS()) == 0) {
        software.controllerTick().run();
      }
      synchronized (appliance.world()) {
        appliance.step(STEP_NANOS / 1e9);
      }
      failuresInARow = 0;
    } catch (RuntimeException e) { // escaping, it would end the run's simulated world
      if (failuresInARow++ % LOG_EVERY_N_FAILURES == 0) {
        log.error("Simulated appliance step failed ({} in a row); stepping on", failuresInARow, e);
      }
    } finally {
      clock.advance(STEP_NANOS); // time goes on, so the supervisor sees a sensor that stopped
      step++;
    }
  }

  /** How often the machine fell behind the factor (pacing restarted from the wall clock's now). */
  public long slips() {
    return pacer.slips();
  }

  /** Stops stepping, then closes the appliance; idempotent. */
  @Override
  public void close() {
    Thread t;
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      stopping = true;
      t = thread;
    }
    if (t != null) {
      t.interrupt();
      try {
        t.join(JOIN_MS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    appliance.close();
  }
}
