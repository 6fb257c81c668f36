package com.smarttoaster.safety;

import static com.smarttoaster.safety.FaultText.SERVICE;
import static com.smarttoaster.safety.FaultText.celsius;
import static com.smarttoaster.safety.FaultText.seconds;

import org.jspecify.annotations.Nullable;

/**
 * HEATER_STUCK_ON (b), by temperature: the heater is commanded off but the carriage is held (its
 * mains contacts closed), so no heat should flow; yet, from stuckSettleS after the off command (the
 * elements' stored heat has soaked into the chamber by then), the smoothed reading rises by more
 * than stuckRiseC above its lowest smoothed value of the last stuckWindowS. Works without a current
 * sensor.
 *
 * <p>Smoothed means the mean of the usable samples of the last {@value #SMOOTH_S} s (about 13
 * samples at 0.15 s), so noise cannot fake a rise: comparing one raw sample with the lowest raw
 * sample of a window, as this check once did, tripped an armed toaster with σ 0.7-1.5 °C of noise
 * within 6-135 s, since the largest of many noisy samples minus the smallest grows with time. With
 * σ 1.5 °C the mean of 13 samples has σ 0.42 °C and a difference of two means σ 0.59 °C: stuckRiseC
 * (5 °C) is 8.5 σ away. A welded relay heats the chamber by several °C/s, so the smoothing delays
 * the trip by about one second.
 *
 * <p>It does not run while the current sensor positively reads no current: the sensor then proves
 * that no heat flows (a welded relay with current is {@link StuckRelayCurrentCheck}'s). An unread
 * or absent current sensor does not stop it.
 *
 * <p>{@link Fault#measured()}: the rise, °C; limit: stuckRiseC.
 */
final class StuckHeaterTemperatureCheck implements SafetyCheck {
  /** Window of the moving mean, s. */
  static final double SMOOTH_S = 2.0;

  private final SafetyLimits limits;
  private final long settleNanos;
  private final long windowNanos;
  private final long smoothNanos;
  private final SampleWindow recent = new SampleWindow();
  private final SampleWindow smoothed = new SampleWindow();

  StuckHeaterTemperatureCheck(SafetyLimits limits) {
    this.limits = limits;
    this.settleNanos = Nanos.of(limits.stuckSettleS());
    this.windowNanos = Nanos.of(limits.stuckWindowS());
    this.smoothNanos = Nanos.of(SMOOTH_S);
  }

  @Override
  public @Nullable Fault evaluate(TickFacts facts) {
    boolean applies =
        !facts.heaterOn()
            && facts.carriageHeld()
            && facts.nanosSinceHeaterSwitched() >= settleNanos
            && facts.current() != HeaterCurrent.NOT_FLOWING;
    if (!applies) {
      clear();
      return null;
    }
    if (!facts.usable()) {
      return null;
    }
    long now = facts.nowNanos();
    recent.add(now, facts.chamberC());
    recent.dropBefore(now - smoothNanos);
    if (now - recent.oldest().atNanos() < smoothNanos / 2) {
      return null; // too few samples for a mean yet
    }
    double mean = recent.mean();
    smoothed.add(now, mean);
    smoothed.dropBefore(now - windowNanos);
    double lowest = smoothed.min();
    double rise = mean - lowest;
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
            + celsius(mean)
            + ", averaged over "
            + seconds(SMOOTH_S)
            + "), limit "
            + celsius(limits.stuckRiseC())
            + ". The heater relay may be welded. Bread released, which opens the carriage's mains"
            + " contacts. "
            + SERVICE;
    return new Fault(FaultCode.HEATER_STUCK_ON, message, rise, limits.stuckRiseC(), now);
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
    smoothed.clear();
  }
}
