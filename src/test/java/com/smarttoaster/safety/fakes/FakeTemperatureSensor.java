package com.smarttoaster.safety.fakes;

import com.smarttoaster.hal.Clock;
import com.smarttoaster.hal.TemperatureReading;
import com.smarttoaster.hal.TemperatureSensor;
import com.smarttoaster.hal.ThermocoupleFault;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Random;
import java.util.function.DoubleSupplier;
import java.util.function.DoubleUnaryOperator;

/**
 * A scripted chamber thermocouple. Each {@link #read()} returns, in order of precedence: an
 * IOException while failing; the next queued value; otherwise the current source (a constant, a
 * profile over time, or any supplier such as a {@link FakeChamber}). Optional Gaussian noise and
 * converter steps are applied to every value, and the programmed fault bits to every reading.
 * Thread-safe.
 */
public final class FakeTemperatureSensor implements TemperatureSensor {
  private final Clock clock;
  private final Deque<Double> queued = new ArrayDeque<>();
  private DoubleSupplier source = () -> 21.0;
  private double coldJunctionC = 21.0;
  private ThermocoupleFault fault = ThermocoupleFault.NONE;
  private String ioFailure;
  private Random noise;
  private double noiseSigmaC;
  private double quantumC;
  private int reads;
  private Runnable onRead = () -> {};

  /** Reads a constant 21.0 °C with a 21.0 °C cold junction, no fault, until told otherwise. */
  public FakeTemperatureSensor(Clock clock) {
    this.clock = clock;
  }

  /** From now on the chamber reads {@code chamberC}. */
  public synchronized FakeTemperatureSensor setChamberC(double chamberC) {
    this.source = () -> chamberC;
    return this;
  }

  /** From now on the chamber reads {@code source.getAsDouble()} at each read. */
  public synchronized FakeTemperatureSensor setSource(DoubleSupplier source) {
    this.source = source;
    return this;
  }

  /**
   * From now on the chamber reads {@code profile.applyAsDouble(t)}, t being the seconds since this
   * call on the sensor's clock.
   */
  public synchronized FakeTemperatureSensor setProfile(DoubleUnaryOperator profile) {
    long startNanos = clock.nanos();
    this.source = () -> profile.applyAsDouble((clock.nanos() - startNanos) / 1e9);
    return this;
  }

  /** From now on a straight line: {@code fromC} now, changing by {@code cPerS} each second. */
  public synchronized FakeTemperatureSensor ramp(double fromC, double cPerS) {
    return setProfile(t -> fromC + cPerS * t);
  }

  /** The next reads return these chamber values, one per read, before the source is used again. */
  public synchronized FakeTemperatureSensor enqueue(double... chamberC) {
    for (double c : chamberC) {
      queued.addLast(c);
    }
    return this;
  }

  public synchronized FakeTemperatureSensor setColdJunctionC(double coldJunctionC) {
    this.coldJunctionC = coldJunctionC;
    return this;
  }

  /** Fault bits reported from now on ({@code NONE} to heal). */
  public synchronized FakeTemperatureSensor setFault(ThermocoupleFault fault) {
    this.fault = fault;
    return this;
  }

  /** While {@code message} is not null every read throws an IOException with that message. */
  public synchronized FakeTemperatureSensor failReads(String message) {
    this.ioFailure = message;
    return this;
  }

  /** Adds Gaussian noise of {@code sigmaC} from a seeded generator. */
  public synchronized FakeTemperatureSensor setNoise(double sigmaC, long seed) {
    this.noiseSigmaC = sigmaC;
    this.noise = new Random(seed);
    return this;
  }

  /** Rounds every value to a multiple of {@code quantumC} (0.25 for a MAX31855); 0 for none. */
  public synchronized FakeTemperatureSensor setQuantum(double quantumC) {
    this.quantumC = quantumC;
    return this;
  }

  /** Runs {@code hook} at the start of every read (e.g. to count down a latch). */
  public synchronized FakeTemperatureSensor onRead(Runnable hook) {
    this.onRead = hook;
    return this;
  }

  public synchronized int reads() {
    return reads;
  }

  @Override
  public synchronized TemperatureReading read() throws IOException {
    reads++;
    onRead.run();
    if (ioFailure != null) {
      throw new IOException(ioFailure);
    }
    double c = queued.isEmpty() ? source.getAsDouble() : queued.removeFirst();
    if (noise != null) {
      c += noise.nextGaussian() * noiseSigmaC;
    }
    if (quantumC > 0) {
      c = Math.round(c / quantumC) * quantumC;
    }
    return new TemperatureReading(c, coldJunctionC, fault, clock.nanos());
  }
}
