package com.smarttoaster.appliance;

/**
 * Paces simulated time to the wall clock for a demo run: after each simulated step the stepping
 * thread asks {@link #pace} and sleeps until the wall clock has caught up with simulated time
 * divided by the speed-up factor.
 *
 * <p>Why pacing and not "simulated time = wall time × factor": the supervisor and controller tick
 * on simulated step counts, so whatever the wall clock does, they see exactly 50 ms between ticks.
 * A machine too slow for the factor (or a scheduling delay, a garbage collection, the model loading
 * on the first press) only makes the simulation run slower; it can never turn into seconds of
 * simulated time without a tick (LEASE_EXPIRED, CONTROLLER_HUNG). When the wall clock is ahead by
 * more than {@code maxLagNanos}, the pacer starts afresh from now instead of racing to catch up, so
 * the simulation never jumps either.
 */
public final class WallClockPacer {
  /** The wall clock; a port so tests step it instead of sleeping. */
  public interface Wall {
    long nanos();

    void sleep(long nanos) throws InterruptedException;

    Wall SYSTEM =
        new Wall() {
          @Override
          public long nanos() {
            return System.nanoTime();
          }

          @Override
          public void sleep(long nanos) throws InterruptedException {
            Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
          }
        };
  }

  /** Sleeping less than this is not worth a context switch; the next steps sleep it off, ns. */
  static final long MIN_SLEEP_NANOS = 1_000_000L;

  /** Behind by more than this, pacing restarts from now rather than catching up in a burst, ns. */
  public static final long DEFAULT_MAX_LAG_NANOS = 250_000_000L;

  private final double factor;
  private final Wall wall;
  private final long maxLagNanos;
  private long anchorWallNanos;
  private long anchorSimNanos;
  private boolean started;
  private long slips;

  /**
   * @param factor simulated seconds per wall-clock second (the config allows 0.1..100)
   */
  public WallClockPacer(double factor, Wall wall, long maxLagNanos) {
    if (!(factor > 0) || Double.isInfinite(factor)) {
      throw new IllegalArgumentException("factor must be positive and finite, was " + factor);
    }
    this.factor = factor;
    this.wall = wall;
    this.maxLagNanos = maxLagNanos;
  }

  /**
   * Called after each step with the simulated time now; returns when the wall clock has caught up
   * (or at once when it is behind).
   */
  public void pace(long simNanos) throws InterruptedException {
    long now = wall.nanos();
    if (!started) {
      started = true;
      anchor(now, simNanos);
      return;
    }
    long due = anchorWallNanos + (long) ((simNanos - anchorSimNanos) / factor);
    long ahead = due - now;
    if (ahead >= MIN_SLEEP_NANOS) {
      wall.sleep(ahead);
    } else if (-ahead > maxLagNanos) {
      slips++;
      anchor(now, simNanos);
    }
  }

  /** How many times the machine fell behind the factor and pacing restarted from now. */
  public long slips() {
    return slips;
  }

  private void anchor(long wallNanos, long simNanos) {
    anchorWallNanos = wallNanos;
    anchorSimNanos = simNanos;
  }
}
