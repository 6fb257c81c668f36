package com.smarttoaster.safety;

import static com.smarttoaster.safety.FaultText.HEAT_CUT;
import static com.smarttoaster.safety.FaultText.SERVICE;
import static com.smarttoaster.safety.FaultText.celsius;
import static com.smarttoaster.safety.FaultText.celsiusChange;
import static com.smarttoaster.safety.FaultText.seconds;

/**
 * NO_HEAT_RISE: once the heater has been on for noRiseWindowS in this cycle, the reading must have
 * risen by at least noRiseMinC since heating started (the last usable reading before the heater first
 * came on in the cycle). Decided once per cycle, on the first usable sample after that much heating.
 * Catches a broken element and a sensor that has left the chamber.
 *
 * <p>{@link Fault#measured()}: the rise, °C (negative for a fall); limit: noRiseMinC.
 */
final class HeatRiseCheck implements SafetyCheck {
  private final SafetyLimits limits;
  private final long windowNanos;
  private Double lastUsableC;
  private boolean heatingSeen;
  private Double startC;
  private boolean decided;

  HeatRiseCheck(SafetyLimits limits) {
    this.limits = limits;
    this.windowNanos = Nanos.of(limits.noRiseWindowS());
  }

  @Override
  public Fault evaluate(TickFacts facts) {
    Double before = lastUsableC;
    if (facts.usable()) {
      lastUsableC = facts.chamberC();
    }
    if (!facts.heaterOn() || decided) {
      return null;
    }
    if (!heatingSeen) {
      heatingSeen = true;
      startC = before;
    }
    if (startC == null) {
      startC = lastUsableC; // no reading before heating began: the first one while heating
      return null;
    }
    if (facts.heatNanosThisCycle() < windowNanos || !facts.usable()) {
      return null;
    }
    decided = true;
    double rise = facts.chamberC() - startC;
    if (rise >= limits.noRiseMinC()) {
      return null;
    }
    String message =
        "No heat rise: chamber changed by "
            + celsiusChange(rise)
            + " in "
            + seconds(Nanos.toSeconds(facts.heatNanosThisCycle()))
            + " of heating (from "
            + celsius(startC)
            + " to "
            + celsius(facts.chamberC())
            + "), at least "
            + celsiusChange(limits.noRiseMinC())
            + " expected. "
            + HEAT_CUT
            + " A heating element may be broken or the temperature sensor detached. "
            + SERVICE;
    return new Fault(
        FaultCode.NO_HEAT_RISE, message, rise, limits.noRiseMinC(), facts.nowNanos());
  }

  @Override
  public void onCycleStart(long nowNanos) {
    heatingSeen = false;
    startC = null;
    decided = false;
  }

  @Override
  public void onReset(long nowNanos) {
    onCycleStart(nowNanos);
    lastUsableC = null;
  }
}
