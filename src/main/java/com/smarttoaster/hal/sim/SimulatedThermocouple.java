package com.smarttoaster.hal.sim;

import com.smarttoaster.hal.Clock;
import com.smarttoaster.hal.TemperatureReading;
import com.smarttoaster.hal.TemperatureSensor;
import com.smarttoaster.hal.ThermocoupleFault;
import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Random;

/**
 * A MAX31855-style thermocouple converter on the true chamber temperature, with injectable faults.
 *
 * <p>The physics loop feeds it the true chamber and ambient temperatures with {@link #update};
 * readers call {@link #read()} (or {@link #sample(long)}) like any {@link TemperatureSensor}.
 *
 * <pre>
 *   junction:   dT_j/dt = (T_chamber − T_j) / τ        exact step: T_j += (T − T_j)·(1 − e^(−dt/τ))
 *               τ ≈ 0.3 s for a fine exposed junction, so an over-temperature shows within a second
 *   reading:    q(T_j + N(0, σ²) + N(0, σ_extra²) + drift, 0.25 °C)     (14-bit, 0.25 °C LSB)
 *   cold junction: q(T_ambient, 0.0625 °C)                               (12-bit, 0.0625 °C LSB)
 *   drift:      rate · (t − t_start), t from the {@link Clock}
 * </pre>
 *
 * where q(x, lsb) rounds to the nearest multiple of lsb. Faults, which may be set or cleared at any
 * time and combine, in order of precedence:
 *
 * <ol>
 *   <li>dropout: for {@code durationS} from the moment it is set, no sample at all — {@code read}
 *       throws {@link IOException}, as a bus or driver error would;
 *   <li>open circuit, short to GND, short to VCC: the sample carries the fault bit and a
 *       meaningless (NaN) chamber temperature, as the converter's data are then invalid;
 *   <li>stuck: the chamber value stays exactly at the last value read (cold junction still live);
 *   <li>drift and extra noise add to a healthy reading.
 * </ol>
 *
 * Thread-safe: the physics thread updates it while the supervisor reads it. {@link #update} runs on
 * every physics step, so it takes no lock: it must be called from one thread at a time (the
 * appliance's step, which is serialised), and it publishes the junction and room temperatures with
 * release stores that the readers load with acquire, so a reader sees the temperatures of a whole
 * earlier step without a lock or a fence per step. Everything else locks.
 */
public final class SimulatedThermocouple implements TemperatureSensor {
  /** Junction time constant of a fine exposed-junction thermocouple, s. */
  public static final double DEFAULT_TAU_S = 0.3;

  /** Reading noise, 1 σ, °C (the MAX31855's typical jitter plus pickup). */
  public static final double DEFAULT_NOISE_SIGMA_C = 0.3;

  /** Resolution of the thermocouple reading, °C. */
  public static final double CHAMBER_LSB_C = 0.25;

  /** Resolution of the cold-junction reading, °C. */
  public static final double COLD_JUNCTION_LSB_C = 0.0625;

  private final Clock clock;
  private final Random rng;
  private final double tauS;
  private final double noiseSigmaC;

  private static final VarHandle JUNCTION_C = field("junctionC");
  private static final VarHandle AMBIENT_C = field("ambientC");

  private volatile boolean initialised;

  // Written by update() only, through JUNCTION_C / AMBIENT_C.
  private double junctionC;
  private double ambientC;

  // update()'s own.
  private double lastDtS = Double.NaN;
  private double lastGain;

  private ThermocoupleFault wiringFault = ThermocoupleFault.NONE;
  private boolean stuck;
  private boolean hasLastChamber;
  private double lastChamberC;
  private double driftRateCPerS;
  private long driftStartNanos;
  private double extraNoiseSigmaC;
  private long dropoutUntilNanos;
  private boolean dropoutActive;

  /**
   * @param clock the time source stamped on every sample and used by drift and dropout
   * @param rng seeded source of the Gaussian noise (the same seed gives the same readings)
   * @param tauS junction time constant, s (0 for none)
   * @param noiseSigmaC reading noise, 1 σ, °C (0 for none)
   */
  public SimulatedThermocouple(Clock clock, Random rng, double tauS, double noiseSigmaC) {
    if (clock == null || rng == null) {
      throw new IllegalArgumentException("clock and rng are required");
    }
    if (!(tauS >= 0) || Double.isInfinite(tauS)) {
      throw new IllegalArgumentException("tauS " + tauS + " must be a finite time of 0 s or more");
    }
    if (!(noiseSigmaC >= 0) || Double.isInfinite(noiseSigmaC)) {
      throw new IllegalArgumentException(
          "noiseSigmaC " + noiseSigmaC + " must be a finite standard deviation of 0 °C or more");
    }
    this.clock = clock;
    this.rng = rng;
    this.tauS = tauS;
    this.noiseSigmaC = noiseSigmaC;
  }

  /** A converter with the default time constant and noise. */
  public SimulatedThermocouple(Clock clock, Random rng) {
    this(clock, rng, DEFAULT_TAU_S, DEFAULT_NOISE_SIGMA_C);
  }

  /**
   * Advances the junction towards the true chamber temperature. The first call sets the junction to
   * {@code trueChamberC} directly (the sensor has been sitting in that air).
   *
   * @param trueChamberC true chamber air temperature at the junction, °C
   * @param ambientC temperature of the converter board (the cold junction), °C
   * @param dtS time since the previous call, s
   */
  public void update(double trueChamberC, double ambientC, double dtS) {
    if (!(dtS >= 0) || Double.isInfinite(dtS)) {
      throw new IllegalArgumentException("dtS " + dtS + " must be a finite time of 0 s or more");
    }
    if (ambientC != this.ambientC) {
      AMBIENT_C.setRelease(this, ambientC);
    }
    if (!initialised || tauS == 0) {
      JUNCTION_C.setRelease(this, trueChamberC);
      initialised = true;
      return;
    }
    if (dtS != lastDtS) {
      // The appliance steps with one fixed dt, so the gain is computed once, not every step.
      lastDtS = dtS;
      lastGain = 1 - Math.exp(-dtS / tauS);
    }
    JUNCTION_C.setRelease(this, junctionC + (trueChamberC - junctionC) * lastGain);
  }

  /** The junction temperature before noise and quantisation, °C (for tests and plots). */
  public double junctionC() {
    return (double) JUNCTION_C.getAcquire(this);
  }

  /** Reads one sample at the clock's current time. */
  @Override
  public TemperatureReading read() throws IOException {
    return sample(clock.nanos());
  }

  /**
   * One sample stamped {@code atNanos}.
   *
   * @throws IOException during a dropout
   * @throws IllegalStateException before the first {@link #update}
   */
  public synchronized TemperatureReading sample(long atNanos) throws IOException {
    if (!initialised) {
      throw new IllegalStateException(
          "thermocouple has no temperature yet: call update(trueChamberC, ambientC, dtS) first");
    }
    if (dropoutActive) {
      if (atNanos < dropoutUntilNanos) {
        throw new IOException(
            "thermocouple converter dropout: no sample until "
                + (dropoutUntilNanos - atNanos) / 1e9
                + " s from now (simulated SPI read failure)");
      }
      dropoutActive = false;
    }
    double coldJunctionC = quantise((double) AMBIENT_C.getAcquire(this), COLD_JUNCTION_LSB_C);
    if (wiringFault != ThermocoupleFault.NONE) {
      return new TemperatureReading(Double.NaN, coldJunctionC, wiringFault, atNanos);
    }
    double chamberC;
    if (stuck && hasLastChamber) {
      chamberC = lastChamberC;
    } else {
      double v = junctionC() + noiseSigmaC * rng.nextGaussian();
      if (extraNoiseSigmaC > 0) {
        v += extraNoiseSigmaC * rng.nextGaussian();
      }
      if (driftRateCPerS != 0) {
        v += driftRateCPerS * (atNanos - driftStartNanos) / 1e9;
      }
      chamberC = quantise(v, CHAMBER_LSB_C);
    }
    lastChamberC = chamberC;
    hasLastChamber = true;
    return new TemperatureReading(chamberC, coldJunctionC, ThermocoupleFault.NONE, atNanos);
  }

  /**
   * Sets a wiring fault reported by the converter's fault bits; {@link ThermocoupleFault#NONE}
   * clears it.
   */
  public synchronized void setWiringFault(ThermocoupleFault fault) {
    if (fault == null) {
      throw new IllegalArgumentException("fault is required (use NONE to clear)");
    }
    wiringFault = fault;
  }

  /** Freezes (or releases) the chamber value at exactly the last value read. */
  public synchronized void setStuck(boolean on) {
    stuck = on;
  }

  /** Adds {@code rateCPerS}·(t − now) to every later reading; 0 stops the drift. */
  public synchronized void setDrift(double rateCPerS) {
    if (!Double.isFinite(rateCPerS)) {
      throw new IllegalArgumentException("drift rate " + rateCPerS + " °C/s must be finite");
    }
    driftRateCPerS = rateCPerS;
    driftStartNanos = clock.nanos();
  }

  /** Adds Gaussian noise of {@code sigmaC} (1 σ, °C) on top of the normal noise; 0 removes it. */
  public synchronized void setExtraNoise(double sigmaC) {
    if (!(sigmaC >= 0) || Double.isInfinite(sigmaC)) {
      throw new IllegalArgumentException(
          "extra noise sigma " + sigmaC + " °C must be finite and 0 or more");
    }
    extraNoiseSigmaC = sigmaC;
  }

  /** No sample at all from now for {@code durationS}: reads throw {@link IOException}. */
  public synchronized void startDropout(double durationS) {
    if (!(durationS >= 0) || Double.isInfinite(durationS)) {
      throw new IllegalArgumentException(
          "dropout duration " + durationS + " s must be finite and 0 or more");
    }
    dropoutActive = true;
    dropoutUntilNanos = clock.nanos() + Math.round(durationS * 1e9);
  }

  /** Clears every injected fault. */
  public synchronized void clearFaults() {
    wiringFault = ThermocoupleFault.NONE;
    stuck = false;
    driftRateCPerS = 0;
    extraNoiseSigmaC = 0;
    dropoutActive = false;
  }

  private static VarHandle field(String name) {
    try {
      return MethodHandles.lookup().findVarHandle(SimulatedThermocouple.class, name, double.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  static double quantise(double v, double lsb) {
    return Math.round(v / lsb) * lsb;
  }
}
