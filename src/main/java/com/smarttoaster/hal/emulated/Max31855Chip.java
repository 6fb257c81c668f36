package com.smarttoaster.hal.emulated;

import com.smarttoaster.hal.Clock;
import com.smarttoaster.hal.TemperatureReading;
import com.smarttoaster.hal.ThermocoupleFault;
import com.smarttoaster.hal.pi.Max31855Frame;
import com.smarttoaster.hal.pi.TypeK;
import com.smarttoaster.hal.sim.SimulatedThermocouple;
import java.io.IOException;
import java.util.Objects;

/**
 * A MAX31855K thermocouple-to-digital converter (Maxim datasheet 19-5793) on the world's
 * thermocouple, as the SPI bus sees it.
 *
 * <ul>
 *   <li>Conversions (datasheet, Thermal Characteristics table: temperature conversion time 70 ms
 *       typ, 100 ms max; "Serial Interface": driving CS low stops any conversion and shifts out the
 *       last completed result, driving CS high starts a new conversion). While CS is high the chip
 *       converts back to back, so a result is at most one conversion time old; a transfer that
 *       comes sooner than one conversion time after the previous one aborts the conversion and gets
 *       the previous result again. Read every 50 ms, the chip never finishes a conversion. This
 *       emulation converts in {@code conversionS} (default the 100 ms maximum, the part a design
 *       must work with).
 *   <li>What a conversion yields (datasheet, "Thermocouple Temperature" and Table 1): the chip
 *       measures the emf V = E(T_hot) − E(T_cj) (NIST ITS-90 type K, {@link TypeK}) and reports T =
 *       V / 41.276 µV/°C + T_cj, in 0.25 °C steps (14 bits), and its own temperature T_cj in 0.0625
 *       °C steps (12 bits). The hot junction is the world's {@link SimulatedThermocouple} sample
 *       (junction lag, noise, drift, stuck values: already in the sim's 0.25 °C steps, so the
 *       emulated value is rounded twice, ±0.25 °C at most); the cold junction is the converter
 *       board, at the world's ambient temperature.
 *   <li>Faults (Table 3: OC D0, SCG D1, SCV D2, and D16 set with any of them) come from a
 *       conversion, like the temperature: a fault that appears between two reads less than one
 *       conversion apart is never reported. The hot-junction field of a faulty result is not
 *       specified; this chip sends 0 there. D17 and D3 always read 0 (Table 3).
 *   <li>A sim dropout (no sample) is a conversion with no answer: until a later conversion
 *       succeeds, transfers read MISO all zeros, because the chip drives nothing and the Pi's MISO
 *       (BCM 9) has its default pull-down. The SPI decoder refuses that frame; the kernel driver
 *       passes it on as 0 and 0 counts, which {@link com.smarttoaster.hal.pi.IioThermocouple}
 *       refuses. (All ones, a line pulled high, would set D16 and read through the kernel as a
 *       thermocouple fault instead of a missing sample.)
 * </ul>
 *
 * The world is sampled when a transfer finds a conversion completed, stamped with that conversion's
 * end time; so the temperature is at most one step of the caller's physics late.
 */
public final class Max31855Chip {
  /** Typical and maximum conversion time, s (datasheet 19-5793, Thermal Characteristics table). */
  public static final double TYPICAL_CONVERSION_S = 0.070;

  public static final double MAX_CONVERSION_S = 0.100;

  /** MISO with no chip driving it: the Pi's pull-down on BCM 9 reads all zeros. */
  static final int NO_ANSWER = 0;

  private static final double HOT_MIN_C = -2048.0;
  private static final double HOT_MAX_C = 2047.75;

  private final SimulatedThermocouple junction;
  private final Clock clock;
  private final long conversionNanos;
  private long conversionStartNanos;
  private int lastResult;
  private long conversions;
  private long aborted;

  /**
   * @param junction the world's thermocouple (its sample is the hot junction and its faults)
   * @param conversionS how long one conversion takes, s (70…100 ms for a real part)
   */
  public Max31855Chip(SimulatedThermocouple junction, Clock clock, double conversionS) {
    if (!(conversionS > 0 && conversionS < 1)) {
      throw new IllegalArgumentException(
          "conversionS " + conversionS + " s must be above 0 and below 1 s");
    }
    this.junction = junction;
    this.clock = clock;
    this.conversionNanos = Math.round(conversionS * 1e9);
    // Powered with the Pi long before the software starts: a result is ready, the next conversion
    // runs.
    long now = clock.nanos();
    this.lastResult = convert(now);
    this.conversionStartNanos = now;
  }

  /** A chip with the datasheet's maximum conversion time. */
  public Max31855Chip(SimulatedThermocouple junction, Clock clock) {
    this(junction, clock, MAX_CONVERSION_S);
  }

  /**
   * One SPI read: CS low (stops the conversion in progress; a completed one becomes the result), 32
   * clocks shift out the result, CS high (a new conversion starts). The transfer itself takes 32 µs
   * at 1 MHz, which is left out.
   *
   * @return the 32-bit frame, D31 first
   */
  public synchronized int transfer() {
    long now = clock.nanos();
    long elapsed = now - conversionStartNanos;
    if (elapsed >= conversionNanos) {
      long completedAt = conversionStartNanos + (elapsed / conversionNanos) * conversionNanos;
      lastResult = convert(completedAt);
      conversions++;
    } else {
      aborted++;
    }
    conversionStartNanos = now;
    return lastResult;
  }

  /** Conversions whose result a transfer picked up. */
  public synchronized long conversions() {
    return conversions;
  }

  /** Transfers that cut a conversion short and got the previous result again. */
  public synchronized long abortedConversions() {
    return aborted;
  }

  private int convert(long atNanos) {
    TemperatureReading r;
    try {
      r = junction.sample(atNanos);
    } catch (IOException dropout) {
      return NO_ANSWER;
    }
    ThermocoupleFault fault =
        Objects.requireNonNull(r.fault(), "a simulated junction always names its fault bits");
    if (fault != ThermocoupleFault.NONE) {
      return Max31855Frame.encode(0.0, r.coldJunctionC(), fault);
    }
    double chipHotC = TypeK.chipHotC(r.chamberC(), r.coldJunctionC());
    chipHotC = Math.max(HOT_MIN_C, Math.min(HOT_MAX_C, chipHotC));
    return Max31855Frame.encode(chipHotC, r.coldJunctionC(), ThermocoupleFault.NONE);
  }
}
