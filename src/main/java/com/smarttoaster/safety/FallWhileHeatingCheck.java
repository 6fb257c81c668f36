package com.smarttoaster.safety;

import static com.smarttoaster.safety.FaultText.HEAT_CUT;
import static com.smarttoaster.safety.FaultText.RESET;
import static com.smarttoaster.safety.FaultText.celsius;
import static com.smarttoaster.safety.FaultText.seconds;

import org.jspecify.annotations.Nullable;

/**
 * SENSOR_IMPLAUSIBLE (c): while heating, once the cycle has heated for heatingSettleS (cold bread
 * may cool the air at first), the reading falls by more than fallWhileHeatingC below its highest
 * value of the last fallWindowS. The elements are on, so the chamber cannot cool: the sensor has
 * come loose or drifts. Readings are first averaged over rateWindowS, so sensor noise (even several
 * times the normal 0.3 °C) cannot fake a fall between one high and one low sample. Only samples of
 * the current, uninterrupted heating stretch count, so a controller that pulses the heater does not
 * trip it.
 *
 * <p>{@link Fault#measured()}: the fall, °C; limit: fallWhileHeatingC.
 */
final class FallWhileHeatingCheck implements SafetyCheck {
  private final SafetyLimits limits;
  private final long windowNanos;
  private final long settleNanos;
  private final long smoothNanos;
  private final SampleWindow recent = new SampleWindow();
  private final SampleWindow window = new SampleWindow();

  FallWhileHeatingCheck(SafetyLimits limits) {
    this.limits = limits;
    this.windowNanos = Nanos.of(limits.fallWindowS());
    this.settleNanos = Nanos.of(limits.heatingSettleS());
    this.smoothNanos = Nanos.of(limits.rateWindowS());
  }

  @Override
  public @Nullable Fault evaluate(TickFacts facts) {
    if (!facts.heaterOn() || facts.heatNanosThisCycle() < settleNanos) {
      clear();
      return null;
    }
    if (!facts.usable()) {
      return null;
    }
    long now = facts.nowNanos();
    recent.add(now, facts.chamberC());
    recent.dropBefore(now - smoothNanos);
    double smoothed = recent.mean();
    window.add(now, smoothed);
    window.dropBefore(now - windowNanos);
    double highest = window.max();
    double fall = highest - smoothed;
    if (fall <= limits.fallWhileHeatingC()) {
      return null;
    }
    String message =
        "Implausible temperature reading: chamber fell "
            + celsius(fall)
            + " within "
            + seconds(limits.fallWindowS())
            + " while heating (from "
            + celsius(highest)
            + " to "
            + celsius(smoothed)
            + ", averaged over "
            + seconds(limits.rateWindowS())
            + "), limit "
            + celsius(limits.fallWhileHeatingC())
            + ". "
            + HEAT_CUT
            + " The sensor may have come loose from its mount: unplug the toaster, check it, "
            + RESET;
    return new Fault(FaultCode.SENSOR_IMPLAUSIBLE, message, fall, limits.fallWhileHeatingC(), now);
  }

  @Override
  public void onCycleStart(long nowNanos) {
    clear();
  }

  @Override
  public void onReset(long nowNanos) {
    clear();
  }

  private void clear() {
    recent.clear();
    window.clear();
  }
}
