package com.smarttoaster.hal;

import org.jspecify.annotations.Nullable;

/**
 * One sample from the chamber thermocouple converter.
 *
 * @param chamberC hot-junction (chamber) temperature in °C; meaningless when {@code fault} is not
 *     NONE
 * @param coldJunctionC converter's cold-junction (ambient) temperature in °C
 * @param fault the converter's fault bits; null when it reported a fault without saying which (the
 *     Linux maxim_thermocouple driver's -EINVAL) or no status at all
 * @param atNanos clock time the sample was taken, in nanoseconds of the {@link Clock}
 */
public record TemperatureReading(
    double chamberC, double coldJunctionC, @Nullable ThermocoupleFault fault, long atNanos) {

  public boolean isValid() {
    return fault == ThermocoupleFault.NONE && Double.isFinite(chamberC);
  }
}
