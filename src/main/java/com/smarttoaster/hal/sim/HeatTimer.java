package com.smarttoaster.hal.sim;

/**
 * The hardware heat timer in the elements' mains path (hardware/README.md, "Heat timer"): it opens
 * a latching relay once element current has flowed without a break for {@link #NOMINAL_S}, and its
 * count starts again from zero whenever the current stops for longer than its reset filter. It owes
 * nothing to the Pi: its own current transformer and comparator, its own 3.3 V regulator on the 12
 * V module, its own crystal time base.
 *
 * <pre>
 *   time base   74HC4060, 32.768 kHz crystal, free-running (MR tied low); Q14 = 32768 / 2^14 = 2 Hz
 *   counter     74HC4040 counts Q14's falling edges while its MR is low; MR is high ("reset") while
 *               the reset filter says "no current"
 *   decode      74HC21 4-input AND of Q3, Q5, Q8, Q10: true first at count 660 = 2^9 + 2^7 + 2^4 + 2^2
 *               (a ripple counter's intermediate states are below the old count, so no early glitch)
 *               → TRIP; TRIP also holds the 4040's clock high through an OR gate, so the count stops
 *   T           660 × 0.5 s = 330 s after the counter is released; the first 2 Hz edge comes 0…0.5 s
 *               after the release, so the count ends 329.5…330.0 s after it; crystal ±20 ppm at 25 °C
 *               plus its parabolic drift (−0.034 ppm/°C², Abracon ABS25 datasheet) over 0…85 °C,
 *               taken as ±150 ppm: ±0.05 s;
 *               + comparator "current" ≤ 1.1 ms after current starts (current-sense.md)
 *               + relay reset time ≤ 15 ms (Omron G5RL-K1A-E datasheet: reset time 15 ms max)
 *               + the contact arc to the next current zero ≤ 10 ms (50 Hz)
 *     band      329.45 … 330.08 s
 *   reset       a 74HC4024 (7-stage ripple counter) counts Q5 of the same 74HC4060 (32768 / 2^5 =
 *               1024 Hz) while the comparator says "no current" (its MR is the comparator's "current
 *               flows" output, so any current clears it); its Q7 goes high at count 64 = 62.5 ms, holds
 *               its own clock high through the second gate of a 74LVC2G32, and holds the 74HC4040's MR
 *               high: count cleared. The first 1024 Hz edge comes 0…0.98 ms after "no current", and the
 *               comparator says "no current" 9.9…19.4 ms after the current stops (current-sense.md table)
 *     band      0.071 … 0.082 s after the current stops: under the ≥ 0.09 s without current that ends
 *               every cycle before the carriage can even rise (the supervisor switches the heater off,
 *               the SSR conducts ≤ 10 ms more, and it releases the carriage only after its 0.1 s
 *               current check), so the count clears however fast the lever is pressed again; and far
 *               above the ≤ 20 ms a comparator can drop out between half-waves (a triac conducting
 *               one half-wave only), which therefore never clears it
 * </pre>
 *
 * The model sees the comparator's answer as "heat flows" of the appliance (the comparator holds
 * through the mains zero crossings and the peak detector's ripple, current-sense.md), counts
 * continuous current, and lets a gap reset the count only once it has lasted {@code resetS}. Once
 * open, the relay stays open (latching) until {@link #pressReset()}; it holds either state without
 * power, so the stage is never needed to keep heat flowing.
 */
final class HeatTimer {
  /** Period of the 2 Hz time base (Q14 of a 74HC4060 on a 32.768 kHz crystal), s. */
  static final double CLOCK_PERIOD_S = 16384.0 / 32768.0;

  /** The count the decode fires at: 2^9 + 2^7 + 2^4 + 2^2. */
  static final int TRIP_COUNT = 660;

  /** Nominal time from the start of a continuous current to the relay opening, s. */
  static final double NOMINAL_S = TRIP_COUNT * CLOCK_PERIOD_S;

  /**
   * Earliest opening over the tolerances, s (first clock edge right after the release, fast
   * crystal).
   */
  static final double MIN_S = 329.45;

  /**
   * Latest opening over the tolerances, s: what the model uses, since later is the unsafe
   * direction.
   */
  static final double MAX_S = 330.08;

  /**
   * Shortest current gap that resets the count, s: 9.9 ms comparator + 63 periods of 1024 Hz (64
   * edges, the first at once).
   */
  static final double RESET_MIN_S = 0.071;

  /**
   * Longest current gap the count may need to reset, s: 19.4 ms comparator + 64 edges of 1024 Hz.
   * The model's default: a later reset is the direction in which back-to-back cycles could add up.
   */
  static final double RESET_MAX_S = 0.082;

  private final double tripS;
  private final double resetS;
  private double flowingS;
  private double gapS;
  private boolean open;

  /**
   * A timer that opens after {@code tripS} of continuous current and resets after a gap of {@code
   * resetS}.
   */
  HeatTimer(double tripS, double resetS) {
    if (!(tripS > 0) || Double.isInfinite(tripS)) {
      throw new IllegalArgumentException(
          "trip time " + tripS + " s must be a finite time above 0 s");
    }
    if (!(resetS > 0) || !(resetS < tripS)) {
      throw new IllegalArgumentException(
          "reset time " + resetS + " s must be above 0 s and below the trip time");
    }
    this.tripS = tripS;
    this.resetS = resetS;
  }

  /** The design's unsafe ends: the latest trip and the longest reset. */
  static HeatTimer design() {
    return new HeatTimer(MAX_S, RESET_MAX_S);
  }

  /**
   * Advances by {@code dtS} during which current did ({@code currentFlows}) or did not flow. The
   * counter runs from the moment current starts until a gap has lasted the reset time: a shorter
   * gap (the filter capacitor rides through it) neither clears the count nor stops it, as in the
   * hardware, where the counter's MR stays low and the 2 Hz clock keeps counting.
   */
  void update(boolean currentFlows, double dtS) {
    if (open) {
      return;
    }
    if (currentFlows) {
      gapS = 0;
    } else if (flowingS > 0) {
      gapS += dtS;
      if (gapS >= resetS - 1e-9) {
        flowingS = 0; // MR high: counter cleared and stopped until current flows again
        return;
      }
    } else {
      return; // held in reset: nothing flowed since the last reset
    }
    flowingS += dtS;
    if (flowingS >= tripS - 1e-9) {
      open = true;
    }
  }

  /** True once the relay has opened: no current can flow until {@link #pressReset()}. */
  boolean isOpen() {
    return open;
  }

  /** Time counted since the current started, short gaps included, s (0 after a reset gap). */
  double countedS() {
    return flowingS;
  }

  /**
   * The reset button: a pulse from its own reservoir capacitor into the relay's set coil closes the
   * contacts again; the count starts from zero (it was cleared while no current flowed).
   */
  void pressReset() {
    open = false;
    flowingS = 0;
    gapS = 0;
  }

  double tripS() {
    return tripS;
  }

  double resetS() {
    return resetS;
  }
}
