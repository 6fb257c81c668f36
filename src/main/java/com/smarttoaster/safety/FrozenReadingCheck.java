package com.smarttoaster.safety;

import static com.smarttoaster.safety.FaultText.HEAT_CUT;
import static com.smarttoaster.safety.FaultText.RESET;
import static com.smarttoaster.safety.FaultText.celsius;
import static com.smarttoaster.safety.FaultText.seconds;

import org.jspecify.annotations.Nullable;

/**
 * SENSOR_IMPLAUSIBLE (b): while heating, the reading stays exactly the same double value for
 * frozenS. A live thermocouple always jitters or moves while the elements are on; a stuck converter
 * or a driver that returns a cached value does not (nor does a MAX31855 read faster than it
 * converts: every read aborts the conversion). The run restarts whenever the heater goes off.
 * frozenS = 5 s is about 33 samples at 0.15 s; only new samples count, the ticks between them are
 * not repeats.
 *
 * <p>{@link Fault#measured()}: how long the value stayed unchanged, s; limit: frozenS.
 */
final class FrozenReadingCheck implements SafetyCheck {
  private static final long NONE = Long.MIN_VALUE;

  private final SafetyLimits limits;
  private final long frozenNanos;
  private double runValue;
  private long runStartNanos = NONE;

  FrozenReadingCheck(SafetyLimits limits) {
    this.limits = limits;
    this.frozenNanos = Nanos.of(limits.frozenS());
  }

  @Override
  public @Nullable Fault evaluate(TickFacts facts) {
    if (!facts.heaterOn()) {
      runStartNanos = NONE;
      return null;
    }
    if (!facts.usable()) {
      return null;
    }
    double value = facts.chamberC();
    if (runStartNanos == NONE || Double.compare(value, runValue) != 0) {
      runValue = value;
      runStartNanos = facts.nowNanos();
      return null;
    }
    long frozenForNanos = facts.nowNanos() - runStartNanos;
    if (frozenForNanos < frozenNanos) {
      return null;
    }
    String message =
        "Implausible temperature reading: chamber stuck at exactly "
            + celsius(value)
            + " for "
            + seconds(Nanos.toSeconds(frozenForNanos))
            + " while heating, limit "
            + seconds(limits.frozenS())
            + ". "
            + HEAT_CUT
            + " The sensor or its converter may be stuck: unplug the toaster, check the sensor, "
            + RESET;
    return new Fault(
        FaultCode.SENSOR_IMPLAUSIBLE,
        message,
        Nanos.toSeconds(frozenForNanos),
        limits.frozenS(),
        facts.nowNanos());
  }

  @Override
  public void onCycleStart(long nowNanos) {
    runStartNanos = NONE;
  }

  @Override
  public void onReset(long nowNanos) {
    runStartNanos = NONE;
  }
}
