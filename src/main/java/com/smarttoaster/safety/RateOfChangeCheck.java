package com.smarttoaster.safety;

import static com.smarttoaster.safety.FaultText.HEAT_CUT;
import static com.smarttoaster.safety.FaultText.RESET;
import static com.smarttoaster.safety.FaultText.celsius;
import static com.smarttoaster.safety.FaultText.celsiusChange;
import static com.smarttoaster.safety.FaultText.celsiusPerSecond;
import static com.smarttoaster.safety.FaultText.seconds;

import java.util.ArrayDeque;
import org.jspecify.annotations.Nullable;

/**
 * SENSOR_IMPLAUSIBLE (a): the reading changes faster than maxRateCPerS. The rate compares the
 * newest usable sample with the newest one taken at least rateWindowS earlier, not sample to
 * sample, so 0.3 °C of noise and 0.25 °C converter steps cannot add up to a trip. It must exceed
 * the limit on {@code sensorFaultSamples} samples in a row, so a single spike does not trip it
 * while a real jump (a short, a detached sensor) does within a few samples. Applies always. With a
 * sample every 0.15 s the reference is the newest sample at least rateWindowS (0.5 s) old, i.e. 0.6
 * s back: σ 0.3 °C noise and a 0.25 °C step then make well under 2 °C/s, σ 1.5 °C about 3.5 °C/s (1
 * σ).
 *
 * <p>{@link Fault#measured()}: |rate|, °C/s; limit: maxRateCPerS.
 */
final class RateOfChangeCheck implements SafetyCheck {
  private final SafetyLimits limits;
  private final long windowNanos;

  /** How many of the latest samples the too-fast count looks at. */
  private final int countOver;

  private final SampleWindow history = new SampleWindow();

  /** Whether each of the last countOver samples was too fast, newest last. */
  private final ArrayDeque<Boolean> recentTooFast = new ArrayDeque<>();

  RateOfChangeCheck(SafetyLimits limits) {
    this.limits = limits;
    this.windowNanos = Nanos.of(limits.rateWindowS());
    int toReference = (int) Math.ceil(limits.rateWindowS() / limits.samplePeriodS() - 1e-9);
    this.countOver =
        Math.max(
            limits.sensorFaultSamples(), Math.min(limits.sensorFaultSamples() + 2, toReference));
  }

  @Override
  public @Nullable Fault evaluate(TickFacts facts) {
    if (!facts.usable()) {
      return null;
    }
    long now = facts.nowNanos();
    history.add(now, facts.chamberC());
    history.keepOneAtOrBefore(now - windowNanos);
    SampleWindow.Sample reference = history.oldest();
    if (reference.atNanos() > now - windowNanos) {
      return null; // less than one window of history yet
    }
    double change = facts.chamberC() - reference.chamberC();
    double spanS = Nanos.toSeconds(now - reference.atNanos());
    double rate = Math.abs(change / spanS);
    recentTooFast.addLast(rate > limits.maxRateCPerS());
    if (recentTooFast.size() > countOver) {
      recentTooFast.removeFirst();
    }
    int tooFast = 0;
    for (boolean fast : recentTooFast) {
      tooFast += fast ? 1 : 0;
    }
    if (rate <= limits.maxRateCPerS() || tooFast < limits.sensorFaultSamples()) {
      return null;
    }
    String cause =
        change > 0
            ? " The sensor may be faulty or loose, or something in the toaster is burning:"
                + " unplug the toaster, let it cool, check the sensor and look for burning crumbs, "
            : " The sensor may be faulty or have come loose: unplug the toaster, check the sensor, ";
    String message =
        "Implausible temperature reading: chamber changed by "
            + celsiusChange(change)
            + " in "
            + seconds(spanS)
            + " (from "
            + celsius(reference.chamberC())
            + " to "
            + celsius(facts.chamberC())
            + ", "
            + celsiusPerSecond(rate)
            + "), limit "
            + celsiusPerSecond(limits.maxRateCPerS())
            + ". "
            + HEAT_CUT
            + cause
            + RESET;
    return new Fault(FaultCode.SENSOR_IMPLAUSIBLE, message, rate, limits.maxRateCPerS(), now);
  }

  @Override
  public void onReset(long nowNanos) {
    history.clear();
    recentTooFast.clear();
  }
}
