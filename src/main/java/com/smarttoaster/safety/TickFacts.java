package com.smarttoaster.safety;

import com.smarttoaster.hal.TemperatureReading;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What one supervisor tick saw, as the checks need it. Built by the supervisor once per tick.
 *
 * @param nowNanos clock time of the tick
 * @param sampled the chamber sensor was read this tick (it is read only every sensorSampleS; on the
 *     ticks between, there is no new sample and {@code reading} is null)
 * @param reading the sample read this tick; null when none was due or none could be read (I/O
 *     error, exception, null from the driver)
 * @param usable the reading is valid (no fault bits, finite) and inside [sensorMinC, sensorMaxC]
 * @param heaterOn heater commanded on at the start of this tick, i.e. during the period that just
 *     ended (false if it was switched off during that period)
 * @param heaterSwitchedAtNanos when the heater command last changed (on or off)
 * @param heatNanosThisCycle heater-on time accumulated in this cycle, including the period that
 *     just ended
 * @param heatWanted the controller requests heat in a held cycle
 * @param carriageHeld the carriage is held for a cycle (not idle, not being released)
 * @param current what the heater current sensor read this tick
 * @param sampleProblem why the sample of this tick is not usable, in plain words; null when usable
 *     or when no sample was due
 */
record TickFacts(
    long nowNanos,
    boolean sampled,
    @Nullable TemperatureReading reading,
    boolean usable,
    boolean heaterOn,
    long heaterSwitchedAtNanos,
    long heatNanosThisCycle,
    boolean heatWanted,
    boolean carriageHeld,
    HeaterCurrent current,
    @Nullable String sampleProblem) {

  /** The chamber reading, °C; only meaningful when {@link #usable()}. */
  double chamberC() {
    return usableReading().chamberC();
  }

  /**
   * The converter's cold-junction temperature, °C (its own board, near room temperature); only
   * meaningful when {@link #usable()}.
   */
  double coldJunctionC() {
    return usableReading().coldJunctionC();
  }

  private TemperatureReading usableReading() {
    // A usable tick always carries its reading; the checks ask only after usable().
    return Objects.requireNonNull(reading, "no reading this tick; ask only when usable()");
  }

  /** Time since the heater command last changed, ns. */
  long nanosSinceHeaterSwitched() {
    return nowNanos - heaterSwitchedAtNanos;
  }
}
