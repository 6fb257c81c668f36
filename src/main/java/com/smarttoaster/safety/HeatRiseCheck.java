package com.smarttoaster.safety;

import static com.smarttoaster.safety.FaultText.HEAT_CUT;
import static com.smarttoaster.safety.FaultText.SERVICE;
import static com.smarttoaster.safety.FaultText.celsius;
import static com.smarttoaster.safety.FaultText.celsiusChange;
import static com.smarttoaster.safety.FaultText.factor;
import static com.smarttoaster.safety.FaultText.number;
import static com.smarttoaster.safety.FaultText.seconds;

import org.jspecify.annotations.Nullable;

/**
 * NO_HEAT_RISE: once the heater has been on for noRiseWindowS in this cycle, the reading must have
 * changed by at least the demand since heating started:
 *
 * <pre>
 *   demand = noRiseMinC − noRiseHotAllowanceCPerC · max(0, start − room)
 *   room   = the converter's cold junction at the start,
 *            held to {@value #ROOM_MIN_C}..{@value #ROOM_MAX_C} °C
 * </pre>
 *
 * A cold chamber must rise by noRiseMinC. A hot one is allowed to fall a little: with the elements
 * working, fresh (or frozen) bread pulls a hot chamber's air down at first, while with no heat the
 * chamber cools towards the room the faster the hotter it is (Newton), so a broken element shows as
 * a fall well beyond the allowance. Catches a broken element and a sensor that has left the chamber
 * (it reads near the room, so the full noRiseMinC is demanded).
 *
 * <p>Start and end are each the mean of the usable readings within rateWindowS, which takes the
 * sensor noise out of the comparison: the start those before the heater first came on in the cycle
 * (or, if there were none, the first usable reading while heating), the end those up to the first
 * usable sample after noRiseWindowS of heating, when the check decides, once per cycle.
 *
 * <p>The room is held to that range so a cold junction that reads wrong cannot buy a large
 * allowance: one reading far too cold counts as {@value #ROOM_MIN_C} °C, one that cannot be read as
 * {@value #ROOM_MAX_C} °C (the least allowance). The range is the room temperatures the appliance
 * is designed for.
 *
 * <p>{@link Fault#measured()}: the change, °C (negative for a fall); limit: the demand applied.
 */
final class HeatRiseCheck implements SafetyCheck {
  /** Coldest room the allowance believes, °C. */
  static final double ROOM_MIN_C = 5.0;

  /** Warmest room the allowance believes, °C. */
  static final double ROOM_MAX_C = 40.0;

  private final SafetyLimits limits;
  private final long windowNanos;
  private final long smoothNanos;

  /** Usable readings of the last rateWindowS. */
  private final SampleWindow recent = new SampleWindow();

  private double lastColdJunctionC = Double.NaN;
  private boolean heatingSeen;
  private @Nullable Double startC;
  private double startColdJunctionC;
  private boolean decided;

  HeatRiseCheck(SafetyLimits limits) {
    this.limits = limits;
    this.windowNanos = Nanos.of(limits.noRiseWindowS());
    this.smoothNanos = Nanos.of(limits.rateWindowS());
  }

  @Override
  public @Nullable Fault evaluate(TickFacts facts) {
    // The mean before this tick's sample is the start only on the first heating tick of a cycle;
    // the other ticks skip it (it runs on every tick).
    boolean startsNow = facts.heaterOn() && !decided && !heatingSeen;
    Double before = startsNow && !recent.isEmpty() ? recent.mean() : null;
    double coldJunctionBefore = lastColdJunctionC;
    if (facts.usable()) {
      recent.add(facts.nowNanos(), facts.chamberC());
      recent.dropBefore(facts.nowNanos() - smoothNanos);
      lastColdJunctionC = facts.coldJunctionC();
    }
    if (!facts.heaterOn() || decided) {
      return null;
    }
    if (!heatingSeen) {
      heatingSeen = true;
      startC = before;
      startColdJunctionC = coldJunctionBefore;
    }
    if (startC == null) {
      if (facts.usable()) { // no reading before heating began: the first one while heating
        startC = facts.chamberC();
        startColdJunctionC = facts.coldJunctionC();
      }
      return null;
    }
    if (facts.heatNanosThisCycle() < windowNanos || !facts.usable()) {
      return null;
    }
    decided = true;
    double endC = recent.mean();
    double change = endC - startC;
    double roomC = room(startColdJunctionC);
    double aboveRoomC = Math.max(0.0, startC - roomC);
    double demandC = limits.noRiseMinC() - limits.noRiseHotAllowanceCPerC() * aboveRoomC;
    if (change >= demandC) {
      return null;
    }
    String message =
        "No heat rise: chamber changed by "
            + celsiusChange(change)
            + " in "
            + seconds(Nanos.toSeconds(facts.heatNanosThisCycle()))
            + " of heating (from "
            + celsius(startC)
            + " to "
            + celsius(endC)
            + "), at least "
            + celsiusChange(demandC)
            + " expected ("
            + celsiusChange(limits.noRiseMinC())
            + " less "
            + factor(limits.noRiseHotAllowanceCPerC())
            + " °C per °C the start was above the room: "
            + celsius(aboveRoomC)
            + " above "
            + celsius(roomC)
            + roomNote(startColdJunctionC, roomC)
            + "). "
            + HEAT_CUT
            + " A heating element may be broken or the temperature sensor detached. "
            + SERVICE;
    return new Fault(FaultCode.NO_HEAT_RISE, message, change, demandC, facts.nowNanos());
  }

  /** The cold junction held to the believable rooms; NaN (unreadable) counts as the warmest. */
  static double room(double coldJunctionC) {
    if (Double.isNaN(coldJunctionC)) {
      return ROOM_MAX_C;
    }
    return Math.max(ROOM_MIN_C, Math.min(ROOM_MAX_C, coldJunctionC));
  }

  private static String roomNote(double coldJunctionC, double roomC) {
    if (coldJunctionC == roomC) {
      return "";
    }
    return "; the cold junction read "
        + (Double.isNaN(coldJunctionC) ? "no number" : celsius(coldJunctionC))
        + ", counted within "
        + number(ROOM_MIN_C)
        + ".."
        + celsius(ROOM_MAX_C);
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
    recent.clear();
    lastColdJunctionC = Double.NaN;
  }
}
