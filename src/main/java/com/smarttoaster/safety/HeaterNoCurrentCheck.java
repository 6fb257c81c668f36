package com.smarttoaster.safety;

import static com.smarttoaster.safety.FaultText.HEAT_CUT;
import static com.smarttoaster.safety.FaultText.SERVICE;
import static com.smarttoaster.safety.FaultText.seconds;

import org.jspecify.annotations.Nullable;

/**
 * HEATER_NO_CURRENT, with a current sensor: the heater has been commanded on (and is not being cut)
 * but the sensor has read no current on every tick for more than noCurrentS. The elements are open
 * (a ribbon broke, a crimp came off) or the relay no longer closes, so the cycle would end "done"
 * with raw bread; a welded relay is the opposite case ({@link StuckRelayCurrentCheck}).
 *
 * <p>The run starts at the first tick that reads no current while the heater was commanded on
 * through the period before it (the relay closes within 10 ms and the peak detector charges within
 * a half-cycle, both well inside one 50 ms tick), and ends at any tick that reads current or has
 * the heater off. A tick whose current cannot be read neither starts nor ends the run. Without a
 * current sensor the energy-balance check ({@link EnergyBalanceCheck}) catches an element that
 * breaks mid-cycle instead, more slowly, and NO_HEAT_RISE one that was broken from the start.
 *
 * <p>{@link Fault#measured()}: time without current, s; limit: noCurrentS.
 */
final class HeaterNoCurrentCheck implements SafetyCheck {
  private static final long NONE = Long.MIN_VALUE;

  private final SafetyLimits limits;
  private final long limitNanos;
  private long noCurrentSinceNanos = NONE;

  HeaterNoCurrentCheck(SafetyLimits limits) {
    this.limits = limits;
    this.limitNanos = Nanos.of(limits.noCurrentS());
  }

  @Override
  public @Nullable Fault evaluate(TickFacts facts) {
    HeaterCurrent current = facts.current();
    if (!facts.heaterOn() || current == HeaterCurrent.FLOWING) {
      noCurrentSinceNanos = NONE;
      return null;
    }
    if (current == HeaterCurrent.UNKNOWN) {
      return null;
    }
    long now = facts.nowNanos();
    if (noCurrentSinceNanos == NONE) {
      noCurrentSinceNanos = now;
    }
    long withoutNanos = now - noCurrentSinceNanos;
    if (withoutNanos <= limitNanos) {
      return null;
    }
    double withoutS = Nanos.toSeconds(withoutNanos);
    String message =
        "Heater draws no current: the heater was switched on but no current flowed for "
            + seconds(withoutS)
            + ", limit "
            + seconds(limits.noCurrentS())
            + ". "
            + HEAT_CUT
            + " If the toaster was used many times in a row, its thermal cut-out may have opened: let it"
            + " cool for 15 minutes and press the cut-out's reset button underneath, then hold the reset"
            + " button while powering up. Otherwise a heating element or its wiring may be broken, or the"
            + " relay no longer closes. "
            + SERVICE;
    return new Fault(FaultCode.HEATER_NO_CURRENT, message, withoutS, limits.noCurrentS(), now);
  }

  @Override
  public void onCycleStart(long nowNanos) {
    noCurrentSinceNanos = NONE;
  }

  @Override
  public void onReset(long nowNanos) {
    noCurrentSinceNanos = NONE;
  }
}
