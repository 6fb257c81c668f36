package com.smarttoaster.safety;

import static com.smarttoaster.safety.FaultText.celsius;

import com.smarttoaster.hal.TemperatureReading;
import org.jspecify.annotations.Nullable;

/**
 * When a latched fault may be cleared. USER (the reset button): only faults that do not need
 * service, only with the lever up and the carriage released. Both kinds: only with a recent, valid
 * chamber reading below resetMaxC, so nobody resets into a fire or a dead sensor.
 */
final class ResetPolicy {
  private final SafetyLimits limits;
  private final long staleNanos;

  ResetPolicy(SafetyLimits limits) {
    this.limits = limits;
    this.staleNanos = Nanos.of(limits.staleS());
  }

  /**
   * Why {@code kind} may not clear {@code code} right now, as a message for the user; null when it
   * may.
   *
   * @param lastReading the latest sample read, or null if none yet
   * @param readingAgeNanos how long ago it was read
   */
  @Nullable String refusal(
      ResetKind kind,
      FaultCode code,
      boolean leverDown,
      boolean carriageReleased,
      @Nullable TemperatureReading lastReading,
      long readingAgeNanos) {
    if (kind == ResetKind.USER) {
      if (code.needsService()) {
        return "Reset refused: "
            + code
            + " needs service and a user reset cannot clear it. "
            + FaultText.SERVICE;
      }
      if (leverDown) {
        return "Reset refused: the carriage lever is down. Lift the lever and try again.";
      }
      if (!carriageReleased) {
        return "Reset refused: the carriage is still held. Wait for the bread to pop up and try"
            + " again.";
      }
    }
    if (lastReading == null || readingAgeNanos > staleNanos) {
      return "Reset refused: no recent chamber temperature reading. Wait a few seconds and try"
          + " again; if this persists, the temperature sensor needs service.";
    }
    if (!SensorHealthCheck.isUsable(lastReading, limits)) {
      return "Reset refused: the chamber temperature cannot be read ("
          + SensorHealthCheck.problem(lastReading, limits)
          + "). Check the temperature sensor and try again.";
    }
    if (lastReading.chamberC() >= limits.resetMaxC()) {
      return "Reset refused: chamber reads "
          + celsius(lastReading.chamberC())
          + ", reset allowed below "
          + celsius(limits.resetMaxC())
          + ". Let the toaster cool and try again.";
    }
    return null;
  }
}
