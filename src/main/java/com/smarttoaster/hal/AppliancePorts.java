package com.smarttoaster.hal;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Everything the toaster's software needs from an appliance, simulated, emulated or real: the one
 * bundle the toaster assembly wires the supervisor and the controller to. The heater, the latch and
 * the dead-man go to the supervisor only.
 *
 * @param currentSensor null when no heater current sensor is fitted
 * @param breadThermometer null when no infrared bread thermometer is fitted
 */
public record AppliancePorts(
    HeaterSwitch heater,
    CarriageLatch latch,
    TemperatureSensor sensor,
    @Nullable HeaterCurrentSensor currentSensor,
    DeadManTrigger deadMan,
    UserControls controls,
    Indicators indicators,
    @Nullable BreadThermometer breadThermometer) {

  public AppliancePorts {
    Objects.requireNonNull(heater, "heater");
    Objects.requireNonNull(latch, "latch");
    Objects.requireNonNull(sensor, "sensor");
    Objects.requireNonNull(deadMan, "deadMan");
    Objects.requireNonNull(controls, "controls");
    Objects.requireNonNull(indicators, "indicators");
  }

  /** An appliance without a bread thermometer. */
  public AppliancePorts(
      HeaterSwitch heater,
      CarriageLatch latch,
      TemperatureSensor sensor,
      HeaterCurrentSensor currentSensor,
      DeadManTrigger deadMan,
      UserControls controls,
      Indicators indicators) {
    this(heater, latch, sensor, currentSensor, deadMan, controls, indicators, null);
  }

  /** The same appliance with its bread thermometer removed (or never fitted). */
  public AppliancePorts withoutBreadThermometer() {
    return new AppliancePorts(
        heater, latch, sensor, currentSensor, deadMan, controls, indicators, null);
  }
}
