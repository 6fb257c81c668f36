package com.smarttoaster.bench;

import com.smarttoaster.hal.CarriageLatch;
import com.smarttoaster.hal.Clock;
import com.smarttoaster.hal.HeaterSwitch;
import com.smarttoaster.hal.TemperatureReading;
import com.smarttoaster.hal.TemperatureSensor;
import com.smarttoaster.hal.ThermocoupleFault;
import com.smarttoaster.safety.SafetyLimits;
import com.smarttoaster.safety.SafetyListener;
import com.smarttoaster.safety.SafetySupervisor;
import com.smarttoaster.safety.SupervisorLoop;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * The real supervisor on its real fixed-rate loop, on the system clock, while other threads load
 * every core. The sensor turns hot at a random moment; we time how long until the heater switch is
 * commanded off, both from the first hot sample the supervisor read and from the sample that
 * completed the trip condition (the one that should act within the same period).
 *
 * <p>A trial whose heat was cut by something other than that trip is not a reaction to time: on a
 * machine loaded far beyond its cores the trial's own thread can starve long enough for the lease
 * or the loop-stall check to latch first, sometimes before the heater was ever on (the trial then
 * waited forever). Such a trial is repeated and counted in {@link Result#repeated()}.
 */
public final class SupervisorReactionBench {
  /** A trip takes three samples (0.45 s); a trial that has not tripped after this is not timed. */
  private static final long GIVE_UP_NANOS = 5_000_000_000L;

  /**
   * Latencies in milliseconds; {@code repeated}: trials whose heat was cut by something other than
   * the over-temperature trip, run again.
   */
  public record Result(
      double[] fromFirstHotMs,
      double[] fromTripSampleMs,
      double periodMs,
      int loadThreads,
      int repeated) {}

  private SupervisorReactionBench() {}

  public static Result run(int trials, int loadThreads) throws InterruptedException {
    SafetyLimits limits = SafetyLimits.defaults();
    double[] fromFirst = new double[trials];
    double[] fromTrip = new double[trials];
    Thread[] load = startLoad(loadThreads);
    int repeated = 0;
    try {
      for (int i = 0; i < trials; ) {
        double[] one = trial(limits);
        if (one == null) {
          if (++repeated > trials) {
            throw new IllegalStateException(
                repeated
                    + " trials had their heat cut before the over-temperature trip;"
                    + " the machine is too loaded to time the supervisor's reaction");
          }
          continue;
        }
        fromFirst[i] = one[0];
        fromTrip[i] = one[1];
        i++;
      }
    } finally {
      for (Thread t : load) {
        t.interrupt();
      }
    }
    Arrays.sort(fromFirst);
    Arrays.sort(fromTrip);
    return new Result(fromFirst, fromTrip, limits.loopPeriodS() * 1e3, loadThreads, repeated);
  }

  /**
   * The two latencies, ms; null when the heat was cut by anything but the over-temperature trip.
   */
  private static double @Nullable [] trial(SafetyLimits limits) throws InterruptedException {
    Clock clock = Clock.system();
    HotSensor sensor = new HotSensor(limits.cutoffC() + 20, limits.overTempSamples());
    RecordingHeater heater = new RecordingHeater();
    CarriageLatch latch = new DownLever();
    // A healthy relay: current flows exactly while it is commanded on.
    SafetySupervisor supervisor =
        new SafetySupervisor(
            limits, heater, latch, sensor, heater::isCommandedOn, clock, SafetyListener.NONE);
    try (SupervisorLoop loop = new SupervisorLoop(supervisor, limits.loopPeriodS())) {
      supervisor.holdCarriage();
      supervisor.renewLease();
      supervisor.requestHeat(true);
      loop.start();
      long hotIn = (long) (ThreadLocalRandom.current().nextDouble(0.1, 0.2) * 1e9);
      long deadline = System.nanoTime() + hotIn;
      while (System.nanoTime() < deadline) {
        supervisor.renewLease();
        Thread.sleep(10);
      }
      sensor.turnHot();
      long giveUpAt = System.nanoTime() + GIVE_UP_NANOS;
      while (!heater.offLatch.await(10, TimeUnit.MILLISECONDS)) {
        boolean cutBeforeHeat = supervisor.latchedFault().isPresent() && !heater.isCommandedOn();
        if (cutBeforeHeat || System.nanoTime() > giveUpAt) {
          return null;
        }
        supervisor.renewLease();
      }
    }
    if (sensor.tripReadNanos == 0) {
      return null; // heat went off before the sample that completes the trip was read
    }
    return new double[] {
      (heater.offAtNanos - sensor.firstHotReadNanos) / 1e6,
      (heater.offAtNanos - sensor.tripReadNanos) / 1e6
    };
  }

  private static Thread[] startLoad(int n) {
    Thread[] threads = new Thread[n];
    for (int i = 0; i < n; i++) {
      threads[i] =
          new Thread(
              () -> {
                double x = 1;
                while (!Thread.currentThread().isInterrupted()) {
                  x = Math.sin(x) + Math.sqrt(x + 1);
                }
                if (x == 42) {
                  System.out.print("");
                }
              },
              "cpu-load-" + i);
      threads[i].setDaemon(true);
      threads[i].start();
    }
    return threads;
  }

  private static final class HotSensor implements TemperatureSensor {
    private final double hotC;
    private final int samplesToTrip;
    private volatile boolean hot;
    private int hotReads;
    volatile long firstHotReadNanos;
    volatile long tripReadNanos;

    HotSensor(double hotC, int samplesToTrip) {
      this.hotC = hotC;
      this.samplesToTrip = samplesToTrip;
    }

    void turnHot() {
      hot = true;
    }

    @Override
    public TemperatureReading read() {
      long now = System.nanoTime();
      if (!hot) {
        // A gentle rise so the plausibility checks see a heating toaster, not a frozen value.
        return new TemperatureReading(
            150 + (now / 1_000_000 % 1000) / 100.0, 21, ThermocoupleFault.NONE, now);
      }
      hotReads++;
      if (hotReads == 1) {
        firstHotReadNanos = now;
      }
      if (hotReads == samplesToTrip) {
        tripReadNanos = now;
      }
      return new TemperatureReading(hotC, 21, ThermocoupleFault.NONE, now);
    }
  }

  private static final class RecordingHeater implements HeaterSwitch {
    final CountDownLatch offLatch = new CountDownLatch(1);
    private volatile boolean on;
    volatile long offAtNanos;

    @Override
    public void set(boolean on) {
      if (this.on && !on) {
        offAtNanos = System.nanoTime();
        offLatch.countDown();
      }
      this.on = on;
    }

    @Override
    public boolean isCommandedOn() {
      return on;
    }
  }

  private static final class DownLever implements CarriageLatch {
    private volatile boolean held;

    @Override
    public void hold() {
      held = true;
    }

    @Override
    public void release() {
      held = false;
    }

    @Override
    public boolean isHeld() {
      return held;
    }

    @Override
    public boolean isLeverDown() {
      return true;
    }
  }
}
