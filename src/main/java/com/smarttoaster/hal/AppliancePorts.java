package com.smarttoaster.hal;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Everything the toaster's software needs from an appliance, simulated, emulated or real: the one
 * bundle the toaster assembly wires the supervisor and the controller to. The heater, the latch and
 * the dead-man go to the supervisor only.
 *
 * @param currentSensor the heater current sensor; null when none is fitted
 */
public record AppliancePorts(
    HeaterSwitch heater,
    CarriageLatch latch,
    TemperatureSensor sensor,
    @Nullable HeaterCurrentSensor currentSensor,
    DeadManTrigger deadMan,
    UserControls controls,
    Indicators indicators) {

  public AppliancePorts {
    Objects.requireNonNull(heater, "heater");
    Objects.requireNonNull(latch, "latch");
    Objects.requireNonNull(sensor, "sensor");
    Objects.requireNonNull(deadMan, "deadMan");
    Objects.requireNonNull(controls, "controls");
    Objects.requireNonNull(indicators, "indicators");
  }
}
