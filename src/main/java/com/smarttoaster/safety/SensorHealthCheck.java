package com.smarttoaster.safety;

import static com.smarttoaster.safety.FaultText.HEAT_CUT;
import static com.smarttoaster.safety.FaultText.RESET;
import static com.smarttoaster.safety.FaultText.celsius;

import com.smarttoaster.hal.TemperatureReading;
import com.smarttoaster.hal.ThermocoupleFault;
import org.jspecify.annotations.Nullable;

/**
 * SENSOR_FAULT: the converter reports a fault bit, returns a non-number, or a reading outside
 * [sensorMinC, sensorMaxC], for {@code sensorFaultSamples} samples in a row. Applies always,
 * heating or not. Ticks without any sample (between two reads of the converter, or a failed read)
 * neither count nor break the run; a usable sample ends it. At a sample every 0.15 s the default 2
 * samples trip within 0.3 s of the first faulty conversion.
 *
 * <p>{@link Fault#measured()}: the reading in °C for an out-of-range reading (limit: the bound it
 * crossed), otherwise the number of bad samples in a row (limit: sensorFaultSamples).
 */
final class SensorHealthCheck implements SafetyCheck {
  private final SafetyLimits limits;
  private int badInARow;

  SensorHealthCheck(SafetyLimits limits) {
    this.limits = limits;
  }

  /** True when {@code reading} can be believed: valid and inside the sensor's believable range. */
  static boolean isUsable(@Nullable TemperatureReading reading, SafetyLimits limits) {
    return reading != null
        && reading.isValid()
        && reading.chamberC() >= limits.sensorMinC()
        && reading.chamberC() <= limits.sensorMaxC();
  }

  /** What is wrong with {@code reading}, in plain words; null when it is usable. */
  static @Nullable String problem(TemperatureReading reading, SafetyLimits limits) {
    if (reading.fault() == null) {
      return "the thermocouple converter reported no status";
    }
    if (reading.fault() != ThermocoupleFault.NONE) {
      return describe(reading.fault());
    }
    if (!Double.isFinite(reading.chamberC())) {
      return "the thermocouple converter returned no number (" + reading.chamberC() + ")";
    }
    if (!isUsable(reading, limits)) {
      return "chamber read "
          + celsius(reading.chamberC())
          + ", outside the believable range "
          + celsius(limits.sensorMinC())
          + " to "
          + celsius(limits.sensorMaxC());
    }
    return null;
  }

  static String describe(ThermocoupleFault fault) {
    switch (fault) {
      case OPEN_CIRCUIT:
        return "thermocouple open circuit: wire broken or unplugged";
      case SHORT_TO_GND:
        return "thermocouple shorted to ground: damaged wire touching the chassis";
      case SHORT_TO_VCC:
        return "thermocouple shorted to the supply voltage: damaged wiring";
      default:
        return "no fault";
    }
  }

  @Override
  public @Nullable Fault evaluate(TickFacts facts) {
    TemperatureReading reading = facts.reading();
    if (reading == null) {
      return null;
    }
    String problem = problem(reading, limits);
    if (problem == null) {
      badInARow = 0;
      return null;
    }
    badInARow++;
    if (badInARow < limits.sensorFaultSamples()) {
      return null;
    }
    boolean outOfRange = reading.isValid();
    double measured = outOfRange ? reading.chamberC() : badInARow;
    double limit =
        outOfRange
            ? (reading.chamberC() > limits.sensorMaxC() ? limits.sensorMaxC() : limits.sensorMinC())
            : limits.sensorFaultSamples();
    String message =
        "Temperature sensor fault: "
            + problem
            + ", for "
            + badInARow
            + " samples in a row (limit "
            + limits.sensorFaultSamples()
            + "). "
            + HEAT_CUT
            + " Unplug the toaster, check the thermocouple and its connector, "
            + RESET;
    return new Fault(FaultCode.SENSOR_FAULT, message, measured, limit, facts.nowNanos());
  }

  @Override
  public void onReset(long nowNanos) {
    badInARow = 0;
  }
}
