package com.smarttoaster.hal.sim;

/**
 * The hardware dead-man between the Pi and the power switches (hardware/README.md, "Dead-man"): one
 * half of a TI TPUL2G123 retriggerable monostable whose rising-edge trigger input is the dead-man
 * GPIO, and whose output Q enables the SSR driver and the magnet driver through two AND gates
 * (74LVC2G08) with the heater and latch GPIOs.
 *
 * <pre>
 *   Q goes high at every rising edge of the trigger pin and stays high for t_w after the LAST one
 *   (retriggerable); a falling edge does nothing; a pin held high or low gives no edges, so Q falls
 *   t_w after the last rising edge. Q is low at power-up (the part's latch has a known power-up
 *   state, and no edge has come yet).
 *
 *   t_w ≈ R·C  (TI TPUL2G223 datasheet SLVSL08, front page: "1 % typical, 10 % maximum pulse width
 *   variation", 1 µs to 860 ms; the TPUL2G123, SCASE77A, shares its timing mechanism),
 *   R = 300 kΩ 1 %, C = 1.0 µF PET film ±5 %:
 *     nominal            0.300 s
 *     part variation     ±10 % max (datasheet: 1 % typical, 10 % maximum pulse width variation)
 *     C tolerance        ±5 %, C over 0…70 °C about ±2 % (PET, ≈ +400 ppm/K), R ±1 %
 *     worst case         the four multiplied: 0.300·0.90·0.95·0.98·0.99 = 0.249 s (taken as 0.248)
 *                        … 0.300·1.10·1.05·1.02·1.01 = 0.357 s
 * </pre>
 *
 * The supervisor toggles the pin once per 50 ms tick, so rising edges come every 100 ms; the
 * shortest pulse (0.248 s) still bridges a gap of 100 ms plus 148 ms of scheduling delay. The
 * longest (0.357 s) is what the model uses, because a longer enable is the unsafe direction: heat
 * then stops at the first current zero after Q falls (zero-cross SSR, at most half a mains cycle
 * later, {@link ZeroCrossSsr}), 0.367 s after the last rising edge at 50 Hz, within the 0.5 s
 * budget.
 *
 * <p>Only the last two rising edges are kept: enough to answer "was Q high at time t" for any t
 * within a mains half-cycle of now, which is all the SSR model asks.
 */
final class DeadManStage {
  /** Nominal output pulse width t_w = R·C, s. */
  static final double NOMINAL_S = 0.300;

  /** Largest deviation of the part's own pulse width from R·C (datasheet maximum), fraction. */
  static final double PART_TOLERANCE = 0.10;

  /** Timing capacitor tolerance (±5 %) and its drift over 0…70 °C (±2 %), fractions. */
  static final double CAP_TOLERANCE = 0.05;

  static final double CAP_DRIFT = 0.02;

  /** Timing resistor tolerance, fraction. */
  static final double RESISTOR_TOLERANCE = 0.01;

  /** Shortest pulse width over tolerances, s: must exceed the trigger period plus jitter. */
  static final double MIN_S = 0.248;

  /** Longest pulse width over tolerances, s: the safety-relevant bound the model uses. */
  static final double MAX_S = 0.357;

  /** Time between rising edges when the supervisor toggles the pin every 50 ms tick, s. */
  static final double TRIGGER_PERIOD_S = 0.100;

  private final long widthNanos;
  private volatile boolean level;
  private volatile long lastRiseNanos = Long.MIN_VALUE;
  private volatile long previousRiseNanos = Long.MIN_VALUE;

  DeadManStage(double widthS) {
    if (!(widthS > 0) || Double.isInfinite(widthS)) {
      throw new IllegalArgumentException(
          "pulse width " + widthS + " s must be a finite time above 0 s");
    }
    this.widthNanos = Math.round(widthS * 1e9);
  }

  /** The trigger pin is at {@code high} from {@code nanos} on; a rising edge retriggers. */
  void input(boolean high, long nanos) {
    if (high && !level) {
      previousRiseNanos = lastRiseNanos;
      lastRiseNanos = nanos;
    }
    level = high;
  }

  boolean level() {
    return level;
  }

  /** True if Q was high at {@code nanos} (now, or at most one retrigger period in the past). */
  boolean enablingAt(long nanos) {
    return coveredBy(lastRiseNanos, nanos) || coveredBy(previousRiseNanos, nanos);
  }

  private boolean coveredBy(long riseNanos, long nanos) {
    return riseNanos != Long.MIN_VALUE && nanos >= riseNanos && nanos - riseNanos < widthNanos;
  }

  /**
   * When Q falls (or fell) if no further rising edge comes, in clock nanoseconds; MIN_VALUE if
   * never raised.
   */
  long fallsAtNanos() {
    return lastRiseNanos == Long.MIN_VALUE ? Long.MIN_VALUE : lastRiseNanos + widthNanos;
  }
}
