package com.smarttoaster.scenario;

import com.smarttoaster.input.Format;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A fault injected at {@code atS}. Exactly the parameter that the kind requires is non-null (see
 * {@link FaultKind#parameter()}); the others are null. Use {@link #parameter()} to read it.
 *
 * @param kind what breaks
 * @param atS when, s since the lever went down, within {@link ScenarioLimits#AT_S}
 * @param rateCPerS °C/s, for sensor-drift and overheat; else null
 * @param sigmaC °C, for sensor-noise; else null
 * @param durationS s, for sensor-dropout; else null
 * @param seconds s, for predictor-extreme and predictor-slow; else null
 */
public record ScenarioFault(
    FaultKind kind,
    double atS,
    @Nullable Double rateCPerS,
    @Nullable Double sigmaC,
    @Nullable Double durationS,
    @Nullable Double seconds) {

  public ScenarioFault {
    Objects.requireNonNull(kind, "kind");
    if (!ScenarioLimits.AT_S.contains(atS)) {
      throw new IllegalArgumentException(
          "atS = "
              + Format.number(atS)
              + " is out of range; expected a number "
              + ScenarioLimits.AT_S.describe());
    }
    for (FaultParameter p : FaultParameter.values()) {
      Double value = valueOf(p, rateCPerS, sigmaC, durationS, seconds);
      boolean wanted = kind.parameter().orElse(null) == p;
      if (!wanted) {
        if (value != null) {
          throw new IllegalArgumentException(
              p.fieldName() + " does not apply to kind " + kind.id());
        }
        continue;
      }
      if (value == null) {
        throw new IllegalArgumentException(p.fieldName() + " is required for kind " + kind.id());
      }
      if (!kind.accepts(value)) {
        throw new IllegalArgumentException(
            p.fieldName()
                + " = "
                + Format.number(value)
                + " is out of range for kind "
                + kind.id()
                + "; expected "
                + kind.describeRange());
      }
    }
  }

  /** A fault that takes no parameter. */
  public static ScenarioFault of(FaultKind kind, double atS) {
    return new ScenarioFault(kind, atS, null, null, null, null);
  }

  /** A fault with its kind's parameter set to {@code parameter}. */
  public static ScenarioFault of(FaultKind kind, double atS, double parameter) {
    FaultParameter p =
        kind.parameter()
            .orElseThrow(
                () -> new IllegalArgumentException("kind " + kind.id() + " takes no parameter"));
    return new ScenarioFault(
        kind,
        atS,
        p == FaultParameter.RATE_C_PER_S ? parameter : null,
        p == FaultParameter.SIGMA_C ? parameter : null,
        p == FaultParameter.DURATION_S ? parameter : null,
        p == FaultParameter.SECONDS ? parameter : null);
  }

  /** The value of the kind's parameter; throws for a kind that takes none. */
  public double parameter() {
    FaultParameter p =
        kind.parameter()
            .orElseThrow(
                () -> new IllegalStateException("kind " + kind.id() + " takes no parameter"));
    // The constructor refuses a fault without its kind's parameter.
    return Objects.requireNonNull(
        valueOf(p, rateCPerS, sigmaC, durationS, seconds), "the kind's parameter is set");
  }

  private static @Nullable Double valueOf(
      FaultParameter p,
      @Nullable Double rate,
      @Nullable Double sigma,
      @Nullable Double duration,
      @Nullable Double secs) {
    switch (p) {
      case RATE_C_PER_S:
        return rate;
      case SIGMA_C:
        return sigma;
      case DURATION_S:
        return duration;
      default:
        return secs;
    }
  }
}
