package com.smarttoaster.safety;

import static com.smarttoaster.safety.FaultText.SERVICE;
import static com.smarttoaster.safety.FaultText.seconds;

import org.jspecify.annotations.Nullable;

/**
 * HEATER_STUCK_ON (a), with a current sensor: current flows while the heater is commanded off, on
 * {@value #SAMPLES_IN_A_ROW} samples in a row, counting only from releaseVerifyS after the off
 * command (a zero-cross relay opens at the next zero crossing, and the sensor needs a moment).
 * Applies whether or not the carriage is held: with the carriage released no current can flow
 * through a healthy toaster at all.
 *
 * <p>{@link Fault#measured()}: time since the off command, s; limit: releaseVerifyS.
 */
final class StuckRelayCurrentCheck implements SafetyCheck {
  static final int SAMPLES_IN_A_ROW = 2;

  private final SafetyLimits limits;
  private final long verifyNanos;
  private int flowingInARow;

  StuckRelayCurrentCheck(SafetyLimits limits) {
    this.limits = limits;
    this.verifyNanos = Nanos.of(limits.releaseVerifyS());
  }

  /**
   * The message for current that still flows {@code sinceOffS} after the heater was switched off.
   */
  static String message(double sinceOffS, double limitS, String samples) {
    return "Heater stuck on: current still flows "
        + seconds(sinceOffS)
        + " after the heater was switched off ("
        + samples
        + "), limit "
        + seconds(limitS)
        + ". The heater relay may be welded. Bread released, which opens the carriage's mains"
        + " contacts. "
        + SERVICE;
  }

  @Override
  public @Nullable Fault evaluate(TickFacts facts) {
    HeaterCurrent current = facts.current();
    if (facts.heaterOn() || facts.nanosSinceHeaterSwitched() < verifyNanos) {
      flowingInARow = 0;
      return null;
    }
    if (current == HeaterCurrent.UNKNOWN) {
      return null;
    }
    if (current == HeaterCurrent.NOT_FLOWING) {
      flowingInARow = 0;
      return null;
    }
    flowingInARow++;
    if (flowingInARow < SAMPLES_IN_A_ROW) {
      return null;
    }
    double sinceOffS = Nanos.toSeconds(facts.nanosSinceHeaterSwitched());
    return new Fault(
        FaultCode.HEATER_STUCK_ON,
        message(sinceOffS, limits.releaseVerifyS(), flowingInARow + " samples in a row"),
        sinceOffS,
        limits.releaseVerifyS(),
        facts.nowNanos());
  }

  @Override
  public void onReset(long nowNanos) {
    flowingInARow = 0;
  }
}
