package com.smarttoaster.hal.pi;

import com.smarttoaster.hal.BreadThermometer;
import com.smarttoaster.hal.Clock;
import java.io.IOException;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * The bread thermometer read on a thread of its own, so that the controller's read at the press
 * returns at once: an I2C transfer that hangs on a stuck bus must hold up neither the controller's
 * tick (the supervisor would call a silent controller hung, a latched fault) nor a cycle. The
 * controller gets the newest sample if it is at most {@link #MAX_AGE_S} old; otherwise, or when the
 * newest read failed, an IOException saying why, and the cycle runs without the reading.
 */
public final class BackgroundBreadThermometer implements BreadThermometer, AutoCloseable {
  /** Time between reads, ms: the bread is read once per press, a fresh sample is all it needs. */
  public static final long PERIOD_MS = 250;

  /** A sample older than this is not used, s (four periods: one slow read is forgiven). */
  public static final double MAX_AGE_S = 1.0;

  private final BreadThermometer source;
  private final Clock clock;
  private @Nullable ScheduledExecutorService executor;

  /** The newest outcome: a value with its time, or the reason the read failed. */
  private record Sample(double celsius, long atNanos, @Nullable String failure) {}

  private volatile @Nullable Sample latest;

  public BackgroundBreadThermometer(BreadThermometer source, Clock clock) {
    this.source = source;
    this.clock = clock;
  }

  /** Starts reading every {@value #PERIOD_MS} ms on a daemon thread. */
  public synchronized void start() {
    if (executor != null) {
      return;
    }
    ScheduledExecutorService e =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "bread-thermometer");
              t.setDaemon(true);
              return t;
            });
    executor = e;
    e.scheduleWithFixedDelay(this::sampleOnce, 0, PERIOD_MS, TimeUnit.MILLISECONDS);
  }

  /** One read of the part (what the thread does each period). */
  void sampleOnce() {
    try {
      double c = source.apparentC();
      latest = new Sample(c, clock.nanos(), null);
    } catch (IOException | RuntimeException e) {
      latest = new Sample(Double.NaN, clock.nanos(), String.valueOf(e.getMessage()));
    }
  }

  @Override
  public double apparentC() throws IOException {
    Sample s = latest;
    if (s == null) {
      throw new IOException("no reading yet");
    }
    double ageS = (clock.nanos() - s.atNanos()) / 1e9;
    if (ageS > MAX_AGE_S) {
      throw new IOException(
          String.format(
              Locale.ROOT,
              "the newest reading is %.1f s old, more than %.1f s (bus stuck?)",
              ageS,
              MAX_AGE_S));
    }
    String failure = s.failure();
    if (failure != null) {
      throw new IOException(failure);
    }
    return s.celsius();
  }

  @Override
  public synchronized void close() {
    if (executor != null) {
      executor.shutdownNow();
      executor = null;
    }
  }
}
