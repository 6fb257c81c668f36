package com.smarttoaster.safety;

import static com.smarttoaster.safety.FaultText.HEAT_CUT;
import static com.smarttoaster.safety.FaultText.seconds;

import org.jspecify.annotations.Nullable;

/**
 * MAX_HEAT_TIME: the heater-on time accumulated in this cycle reaches maxHeatS while heat is still
 * on or wanted. Independent of any prediction. (The supervisor also refuses to switch the heater on
 * once the limit is reached, so this is a belt over those braces.)
 *
 * <p>{@link Fault#measured()}: heater-on time this cycle, s; limit: maxHeatS.
 */
final class MaxHeatTimeCheck implements SafetyCheck {
  private final SafetyLimits limits;
  private final long maxHeatNanos;

  MaxHeatTimeCheck(SafetyLimits limits) {
    this.limits = limits;
    this.maxHeatNanos = Nanos.of(limits.maxHeatS());
  }

  @Override
  public @Nullable Fault evaluate(TickFacts facts) {
    if (!(facts.heaterOn() || facts.heatWanted()) || facts.heatNanosThisCycle() < maxHeatNanos) {
      return null;
    }
    double heatS = Nanos.toSeconds(facts.heatNanosThisCycle());
    String message =
        "Maximum heating time reached: heater on for "
            + seconds(heatS)
            + " this cycle, limit "
            + seconds(limits.maxHeatS())
            + ". "
            + HEAT_CUT
            + " Lift the lever, then hold the reset button for 3 s to use the toaster again;"
            + " if this happens with normal settings, have the toaster checked.";
    return new Fault(FaultCode.MAX_HEAT_TIME, message, heatS, limits.maxHeatS(), facts.nowNanos());
  }

  @Override
  public void onReset(long nowNanos) {}
}
