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

/**
 * The real supervisor on its real fixed-rate loop, on the system clock, while other threads load
 * every core. The sensor turns hot at a random moment; we time how long until the heater switch is
 * commanded off, both from the first hot sample the supervisor read and from the sample that
 * completed the trip condition (the one that should act within the same period).
 */
public final class SupervisorReactionBench {
  /** Latencies in milliseconds. */
  public record Result(
      double[] fromFirstHotMs, double[] fromTripSampleMs, double periodMs, int loadThreads) {}

  private SupervisorReactionBench() {}

  public static Result run(int trials, int loadThreads) throws InterruptedException {
    SafetyLimits limits = SafetyLimits.defaults();
    double[] fromFirst = new double[trials];
    double[] fromTrip = new double[trials];
    Thread[] load = startLoad(loadThreads);
    try {
      for (int i = 0; i < trials; i++) {
        double[] one = trial(limits);
        fromFirst[i] = one[0];
        fromTrip[i] = one[1];
      }
    } finally {
      for (Thread t : load) {
        t.interrupt();
      }
    }
    Arrays.sort(fromFirst);
    Arrays.sort(fromTrip);
    return new Result(fromFirst, fromTrip, limits.loopPeriodS() * 1e3, loadThreads);
  }

  private static double[] trial(SafetyLimits limits) throws InterruptedException {
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
      while (!heater.offLatch.await(10, TimeUnit.MILLISECONDS)) {
        supervisor.renewLease();
      }
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
