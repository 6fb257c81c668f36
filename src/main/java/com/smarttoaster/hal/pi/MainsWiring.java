package com.smarttoaster.hal.pi;

import org.jspecify.annotations.Nullable;

/**
 * The pins between the Pi and mains: what switches the heater and holds the bread down, the
 * dead-man stage in front of both, and the comparator that says whether heater current flows.
 *
 * @param heaterPin SSR input of the heater, active-high (BCM 9..27: pulled down at power-on)
 * @param latchPin carriage hold-down magnet driver, active-high (BCM 9..27)
 * @param deadManPin trigger of the hardware dead-man stage in front of the SSR and the magnet
 *     driver: the supervisor toggles it once per tick, and the stage drives them only while it
 *     keeps changing
 * @param currentSensorPin heater current comparator, high while current flows; null when no current
 *     sensor is fitted
 */
public record MainsWiring(
    int heaterPin, int latchPin, int deadManPin, @Nullable Integer currentSensorPin) {}
