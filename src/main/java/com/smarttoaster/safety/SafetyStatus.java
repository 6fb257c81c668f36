package com.smarttoaster.safety;

import com.smarttoaster.hal.TemperatureReading;
import org.jspecify.annotations.Nullable;

/**
 * Snapshot of the supervisor for display and publishing.
 *
 * @param heaterCommandedOn relay commanded on right now
 * @param carriageHeld latch energised
 * @param lastReading last sample read, valid or not; null before the first tick
 * @param heatOnSThisCycle accumulated heater-on time in the current (or last) cycle, s
 * @param fault latched fault or null
 */
public record SafetyStatus(
    boolean heaterCommandedOn,
    boolean carriageHeld,
    @Nullable TemperatureReading lastReading,
    double heatOnSThisCycle,
    @Nullable Fault fault) {}
