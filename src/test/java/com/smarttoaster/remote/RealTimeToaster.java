package com.smarttoaster.remote;

import com.smarttoaster.testkit.SimToaster;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;

/**
 * A {@link SimToaster} stepped in real time on its own thread (10 ms steps, slept up to the wall
 * clock), for what cannot be measured in simulated time: a command's way through the broker while
 * the broker is busy. Other threads read {@link #heatFlowing()} and hand actions over.
 */
final class RealTimeToaster implements AutoCloseable {
  private final SimToaster toaster;
  private final Thread thread;
  private final Queue<Consumer<SimToaster>> actions = new ConcurrentLinkedQueue<>();
  private volatile boolean heatFlowing;
  private volatile String phase = "idle";
  private volatile boolean stop;

  /** System.nanoTime() at the end of the step in which heat was last seen to stop. */
  private volatile long heatStoppedAtNanos;

  RealTimeToaster(SimToaster toaster) {
    this.toaster = toaster;
    this.thread = new Thread(this::loop, "real-time-toaster");
    thread.setDaemon(true);
    thread.start();
  }

  private void loop() {
    long start = System.nanoTime();
    long steps = 0;
    while (!stop) {
      for (Consumer<SimToaster> a; (a = actions.poll()) != null; ) {
        a.accept(toaster);
      }
      toaster.run(0.01);
      steps++;
      boolean heat = toaster.appliance.isHeatFlowing();
      if (heatFlowing && !heat) {
        heatStoppedAtNanos = System.nanoTime();
      }
      heatFlowing = heat;
      phase = toaster.phase();
      long due = start + steps * 10_000_000L;
      long wait = due - System.nanoTime();
      if (wait > 0) {
        try {
          Thread.sleep(wait / 1_000_000L, (int) (wait % 1_000_000L));
        } catch (InterruptedException e) {
          return;
        }
      }
    }
  }

  /** Runs {@code action} on the toaster's thread before its next step. */
  void act(Consumer<SimToaster> action) {
    actions.add(action);
  }

  boolean heatFlowing() {
    return heatFlowing;
  }

  String phase() {
    return phase;
  }

  long heatStoppedAtNanos() {
    return heatStoppedAtNanos;
  }

  @Override
  public void close() throws InterruptedException {
    stop = true;
    thread.join(2000);
    toaster.close();
  }
}
