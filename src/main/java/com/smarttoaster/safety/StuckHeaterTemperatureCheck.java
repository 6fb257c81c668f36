package com.smarttoaster.safety;

import static com.smarttoaster.safety.FaultText.SERVICE;
import static com.smarttoaster.safety.FaultText.celsius;
import static com.smarttoaster.safety.FaultText.seconds;

/**
 * HEATER_STUCK_ON (b), by temperature: the heater is commanded off but the carriage is held (its
 * mains contacts closed), so no heat should flow; yet, from stuckSettleS after the off command (the
 * elements' stored heat has soaked into the chamber by then), the reading rises by more than
 * stuckRiseC above its lowest value of the last stuckWindowS. Works without a current sensor.
 *
 * <p>{@link Fault#measured()}: the rise, °C; limit: stuckRiseC.
 */
final class StuckHeaterTemperatureCheck implements SafetyCheck {
  private final SafetyLimits limits;
  private final long settleNanos;
  private final long windowNanos;
  private final SampleWindow window = new SampleWindow();

  StuckHeaterTemperatureCheck(SafetyLimits limits) {
    this.limits = limits;
    this.settleNanos = Nanos.of(limits.stuckSettleS());
    this.windowNanos = Nanos.of(limits.stuckWindowS());
  }

  @Override
  public Fault evaluate(TickFacts facts) {
    boolean applies =
        !facts.heaterOn()
            && facts.carriageHeld()
            && facts.nanosSinceHeaterSwitched() >= settleNanos;
    if (!applies) {
      window.clear();
      return null;
    }
    if (!facts.usable()) {
      return null;
    }
    long now = facts.nowNanos();
    window.add(now, facts.chamberC());
    window.dropBefore(now - windowNanos);
    double lowest = window.min();
    double rise = facts.chamberC() - lowest;
    if (rise <= limits.stuckRiseC()) {
      return null;
    }
    String message =
        "Heater stuck on: chamber rose "
            + celsius(rise)
            + " within "
            + seconds(limits.stuckWindowS())
            + " while the heater was switched off (from "
            + celsius(lowest)
            + " to "
            + celsius(facts.chamberC())
            + "), limit "
            + celsius(limits.stuckRiseC())
            + ". The heater relay may be welded. Bread released, which opens the carriage's mains"
            + " contacts. "
            + SERVICE;
    return new Fault(FaultCode.HEATER_STUCK_ON, message, rise, limits.stuckRiseC(), now);
  }

  @Override
  public void onCycleStart(long nowNanos) {
    window.clear();
  }

  @Override
  public void onReset(long nowNanos) {
    window.clear();
  }
}
