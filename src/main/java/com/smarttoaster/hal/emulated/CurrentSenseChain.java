package com.smarttoaster.hal.emulated;

/**
 * The heater current sensor's analogue chain (hardware/current-sense.md), from the element lead to
 * the comparator output on pi.currentSensorPin, stepped in time:
 *
 * <pre>
 *   zero-cross SSR   switches on at the next voltage zero after its input goes high, and a triac
 *                    conducts until the next current zero after it goes low (resistive load:
 *                    current and voltage zeros coincide), so heat starts and stops on zeros
 *   CT, 1000:1       i_s = i_p / N,  i_p = √2·I_rms·sin(2π·f·t)       (ideal current transformer)
 *   burden 100 Ω     v_b = i_s·R_b: 0.1 V per A of primary peak
 *   full wave        a Schottky bridge on the CT's secondary: the CT drives its current through the
 *                    bridge into R_b whatever the diode drops, so v_r = |v_b| exactly
 *   peak hold        an op-amp peak detector charges C = 100 nF through R_c = 1 kΩ while v_r &gt; v_c (τ_c = 0.1 ms),
 *                    and always discharges through R_d = 100 kΩ (τ_d = R_d·C = 10 ms):
 *                    dv_c/dt = max(0, v_r − v_c)/(R_c·C) − v_c/(R_d·C)
 *   comparator, open collector, with hysteresis (LM393, two halves: thresholds 0.152 / 0.121 V by
 *                    R1 261 kΩ, R2 10 kΩ, R_f 1 MΩ, then an inverter): released (the Pi's pull-up reads
 *                    high = current) once v_c &gt; 0.15 V, sinking (low = no current) once v_c &lt; 0.12 V
 * </pre>
 *
 * Why these values: the smallest current (a 230 V, 950 W element at 200 V: 3.6 A rms, 0.51 V peak)
 * must keep the held voltage above 0.12 V between half-wave peaks (10 ms at 50 Hz: 0.51·e^(−0.85) ≈
 * 0.22 V), and the largest (a 120 V element at 132 V: 8.7 A, 1.23 V peak) must decay below 0.12 V
 * soon after the current stops (τ_d·ln(1.23/0.12) ≈ 23 ms), well inside the supervisor's
 * releaseVerifyS of 0.1 s. Integrated with explicit sub-steps of {@value #SUB_STEP_S} s (τ_c/2).
 */
public final class CurrentSenseChain {
  /** Integration sub-step, s. */
  static final double SUB_STEP_S = 50e-6;

  /**
   * Part values.
   *
   * @param turns CT turns ratio N (secondary turns per primary turn)
   * @param burdenOhm burden resistor, Ω
   * @param chargeOhm rectifier-to-capacitor resistor, Ω
   * @param holdFarad peak-hold capacitor, F
   * @param bleedOhm discharge resistor across the capacitor, Ω
   * @param onVolts comparator threshold rising (current seen), V
   * @param offVolts comparator threshold falling (current gone), V
   */
  public record Parts(
      double turns,
      double burdenOhm,
      double chargeOhm,
      double holdFarad,
      double bleedOhm,
      double onVolts,
      double offVolts) {
    /** The values of hardware/current-sense.md. */
    public static final Parts DEFAULT = new Parts(1000, 100, 1_000, 100e-9, 100_000, 0.15, 0.12);

    public Parts {
      if (!(turns > 0 && burdenOhm > 0 && chargeOhm > 0 && holdFarad > 0 && bleedOhm > 0)) {
        throw new IllegalArgumentException("every part value must be above 0: " + this);
      }
      if (!(onVolts > offVolts && offVolts > 0)) {
        throw new IllegalArgumentException(
            "thresholds need on " + onVolts + " V > off " + offVolts + " V > 0");
      }
    }

    /** Discharge time constant R_d·C, s. */
    public double decayTauS() {
      return bleedOhm * holdFarad;
    }
  }

  private final Parts parts;
  private final double omega;
  private final double chargeFactor;
  private final double decayFactor;
  private final double sinStep;
  private final double cosStep;
  private double timeS;
  private final double phaseRad;
  private boolean conducting;
  private double holdVolts;
  private boolean released;

  /**
   * @param mainsHz 50 or 60
   * @param phaseRad mains phase at this chain's time 0 (where in the cycle the emulation starts)
   */
  public CurrentSenseChain(Parts parts, double mainsHz, double phaseRad) {
    if (!(mainsHz >= 40 && mainsHz <= 70)) {
      throw new IllegalArgumentException(
          "mainsHz " + mainsHz + " is not a mains frequency (50 or 60 Hz)");
    }
    this.parts = parts;
    this.omega = 2 * Math.PI * mainsHz;
    this.phaseRad = phaseRad;
    this.chargeFactor = 1 - Math.exp(-SUB_STEP_S / (parts.chargeOhm() * parts.holdFarad()));
    this.decayFactor = Math.exp(-SUB_STEP_S / parts.decayTauS());
    this.sinStep = Math.sin(omega * SUB_STEP_S);
    this.cosStep = Math.cos(omega * SUB_STEP_S);
  }

  /**
   * Advances by {@code dtS} with the SSR's input {@code switchedOn} (and the mains path closed: the
   * carriage down, the element whole) throughout, and {@code rmsAmps} in the element when it
   * conducts.
   */
  public synchronized void step(double dtS, boolean switchedOn, double rmsAmps) {
    double peakVolts = Math.sqrt(2) * rmsAmps / parts.turns() * parts.burdenOhm();
    long n = Math.max(1, Math.round(dtS / SUB_STEP_S));
    // The mains sine by rotation (exact at the start of every call, so no drift builds up): one
    // sin/cos pair per call instead of one per sub-step.
    double angle = phaseRad + omega * timeS;
    double sin = Math.sin(angle);
    double cos = Math.cos(angle);
    for (long i = 0; i < n; i++) {
      double next = sin * cosStep + cos * sinStep;
      cos = cos * cosStep - sin * sinStep;
      if (next == 0 || Math.signum(next) != Math.signum(sin)) {
        conducting = switchedOn; // the SSR changes state only at a zero crossing
      }
      sin = next;
      double rectified = conducting ? Math.abs(sin) * peakVolts : 0.0;
      if (rectified > holdVolts) {
        holdVolts += (rectified - holdVolts) * chargeFactor;
      }
      holdVolts *= decayFactor;
      if (!released && holdVolts > parts.onVolts()) {
        released = true;
      } else if (released && holdVolts < parts.offVolts()) {
        released = false;
      }
    }
    timeS += n * SUB_STEP_S;
  }

  /** True while the comparator's output is released: the pin reads high, "current flows". */
  public synchronized boolean isReleased() {
    return released;
  }

  /** True while the SSR conducts (current flows in the element lead). */
  public synchronized boolean isConducting() {
    return conducting;
  }

  /** The peak-hold capacitor's voltage, V. */
  public synchronized double holdVolts() {
    return holdVolts;
  }

  /** Time this chain has been stepped, s. */
  public synchronized double timeS() {
    return timeS;
  }
}
