package com.smarttoaster.safety;

import com.smarttoaster.hal.TemperatureReading;
import com.smarttoaster.hal.TemperatureSensor;
import java.io.IOException;
import org.jspecify.annotations.Nullable;

/**
 * Reads the chamber sensor no faster than the converter can convert. A MAX31855 needs 70-100 ms per
 * conversion and pulling its chip select low aborts the conversion in progress, so a read on every
 * 50 ms supervisor tick would return the same stale value for ever (and lose the fault bits, which
 * only a finished conversion sets). The supervisor calls {@link #sampleIfDue(long)} on every tick;
 * the sensor is read only when at least sensorSampleS have passed since the last read, so samples
 * come every {@link SafetyLimits#samplePeriodS()}.
 *
 * <p>Only the supervisor's loop thread calls it, outside the supervisor's lock (a slow bus never
 * holds the lock). A failed read is a sample without a reading, never an exception.
 */
final class SensorSampler {
  /**
   * One attempt to read the sensor.
   *
   * @param reading the reading; null when none could be read
   * @param problem why there is no reading, in plain words; null when there is one
   * @param atNanos clock time of the read
   */
  record Sample(@Nullable TemperatureReading reading, @Nullable String problem, long atNanos) {}

  private static final long NEVER = Long.MIN_VALUE;

  private final TemperatureSensor sensor;
  private final long sampleNanos;
  private long lastReadNanos = NEVER;

  SensorSampler(TemperatureSensor sensor, SafetyLimits limits) {
    this.sensor = sensor;
    // No slack for an early tick: reading before the conversion finished is what this prevents.
    this.sampleNanos = Nanos.of(limits.sensorSampleS());
  }

  /**
   * A new sample when one is due at {@code nowNanos}; null when the converter is still converting.
   */
  @Nullable Sample sampleIfDue(long nowNanos) {
    if (lastReadNanos != NEVER && nowNanos - lastReadNanos < sampleNanos) {
      return null;
    }
    lastReadNanos = nowNanos;
    try {
      TemperatureReading reading = sensor.read();
      return reading == null
          ? new Sample(null, "the sensor driver returned no reading", nowNanos)
          : new Sample(reading, null, nowNanos);
    } catch (IOException | RuntimeException e) {
      return new Sample(null, "read failed: " + e, nowNanos);
    }
  }
}
