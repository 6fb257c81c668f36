package com.smarttoaster.hal;

/**
 * One sample from the chamber thermocouple converter.
 *
 * @param chamberC hot-junction (chamber) temperature in °C; meaningless when {@code fault} is not
 *     NONE
 * @param coldJunctionC converter's cold-junction (ambient) temperature in °C
 * @param fault the converter's fault bits
 * @param atNanos clock time the sample was taken, in nanoseconds of the {@link Clock}
 */
public record TemperatureReading(
    double chamberC, double coldJunctionC, ThermocoupleFault fault, long atNanos) {

  public boolean isValid() {
    return fault == ThermocoupleFault.NONE && Double.isFinite(chamberC);
  }
}
