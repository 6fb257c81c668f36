package com.smarttoaster.safety;

import static com.smarttoaster.safety.FaultText.HEAT_CUT;
import static com.smarttoaster.safety.FaultText.RESET;
import static com.smarttoaster.safety.FaultText.celsius;

import com.smarttoaster.hal.TemperatureReading;
import org.jspecify.annotations.Nullable;

/**
 * OVER_TEMPERATURE: {@code overTempSamples} valid samples in a row at or above cutoffC. Applies
 * always, heating or not: a crumb fire with the heater off must still pop the bread. A usable
 * sample below the cut-off ends the run; a missing or faulty sample neither counts nor ends it, so
 * a glitching sensor cannot hide a fire. Samples come every {@link SafetyLimits#samplePeriodS()}
 * (0.15 s at the defaults), so the default 3 samples take 0.45 s (the config keeps it within 0.5
 * s); the junction's own 0.3 s lag comes on top.
 *
 * <p>{@link Fault#measured()}: the last reading, °C; limit: cutoffC.
 */
final class OverTemperatureCheck implements SafetyCheck {
  private final SafetyLimits limits;
  private int hotInARow;

  OverTemperatureCheck(SafetyLimits limits) {
    this.limits = limits;
  }

  @Override
  public @Nullable Fault evaluate(TickFacts facts) {
    TemperatureReading reading = facts.reading();
    if (reading == null || !reading.isValid()) {
      return null;
    }
    if (reading.chamberC() < limits.cutoffC()) {
      if (facts.usable()) {
        hotInARow = 0;
      }
      return null;
    }
    hotInARow++;
    if (hotInARow < limits.overTempSamples()) {
      return null;
    }
    String message =
        "Over-temperature: chamber read "
            + celsius(reading.chamberC())
            + " for "
            + hotInARow
            + " samples, cut-off "
            + celsius(limits.cutoffC())
            + ". "
            + HEAT_CUT
            + " Unplug the toaster, let it cool, check for crumbs or bread stuck near the elements, "
            + RESET;
    return new Fault(
        FaultCode.OVER_TEMPERATURE,
        message,
        reading.chamberC(),
        limits.cutoffC(),
        facts.nowNanos());
  }

  @Override
  public void onReset(long nowNanos) {
    hotInARow = 0;
  }
}
