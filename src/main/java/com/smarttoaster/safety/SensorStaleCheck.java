package com.smarttoaster.safety;

import static com.smarttoaster.safety.FaultText.HEAT_CUT;
import static com.smarttoaster.safety.FaultText.RESET;
import static com.smarttoaster.safety.FaultText.seconds;

import org.jspecify.annotations.Nullable;

/**
 * SENSOR_STALE: no usable sample for more than staleS. Applies always. The clock starts at the
 * first tick (not at construction, so a slow start-up does not trip it) and again after a reset.
 *
 * <p>{@link Fault#measured()}: time since the last usable sample, s; limit: staleS.
 */
final class SensorStaleCheck implements SafetyCheck {
  private static final long NEVER = Long.MIN_VALUE;

  private final SafetyLimits limits;
  private final long staleNanos;
  private long lastUsableNanos = NEVER;
  private @Nullable String lastProblem;

  SensorStaleCheck(SafetyLimits limits) {
    this.limits = limits;
    this.staleNanos = Nanos.of(limits.staleS());
  }

  @Override
  public @Nullable Fault evaluate(TickFacts facts) {
    if (facts.usable() || lastUsableNanos == NEVER) {
      lastUsableNanos = facts.nowNanos();
      lastProblem = null;
      return null;
    }
    if (facts.sampleProblem() != null) {
      lastProblem = facts.sampleProblem();
    }
    long silentNanos = facts.nowNanos() - lastUsableNanos;
    if (silentNanos <= staleNanos) {
      return null;
    }
    String why = lastProblem == null ? "" : " (last problem: " + lastProblem + ")";
    String message =
        "Temperature sensor silent: no valid chamber reading for "
            + seconds(Nanos.toSeconds(silentNanos))
            + ", limit "
            + seconds(limits.staleS())
            + why
            + ". "
            + HEAT_CUT
            + " Unplug the toaster, check the temperature sensor's cable and connector, "
            + RESET;
    return new Fault(
        FaultCode.SENSOR_STALE,
        message,
        Nanos.toSeconds(silentNanos),
        limits.staleS(),
        facts.nowNanos());
  }

  @Override
  public void onReset(long nowNanos) {
    lastUsableNanos = nowNanos;
    lastProblem = null;
  }
}
