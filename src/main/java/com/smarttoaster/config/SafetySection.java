package com.smarttoaster.config;

import static com.smarttoaster.input.NumberRange.aboveAndAtMost;
import static com.smarttoaster.input.NumberRange.closed;

import com.smarttoaster.input.Format;
import com.smarttoaster.input.NumberRange;
import com.smarttoaster.input.ObjectFields;
import com.smarttoaster.safety.SafetyLimits;
import java.util.List;

/**
 * The {@code safety} section: every field of {@link SafetyLimits} except currentSensorFitted (which
 * is a hardware fact and lives in {@code appliance}). Every option is optional and defaults to
 * {@link SafetyLimits#defaults()}. Ranges are what a sane appliance can use; the cross-field rules
 * keep the limits consistent with each other (see {@link #checkRelations}).
 */
final class SafetySection {
  /** Longest allowed time for N consecutive bad samples to trip, s: trips within one second. */
  static final double MAX_TRIP_S = 0.5;

  static final NumberRange LOOP_PERIOD_S = closed(0.01, 0.1, "s");

  /**
   * Shortest time between sensor reads, s: 0.1 is the MAX31855's longest conversion (a faster read
   * aborts the conversion in progress); 0.25 keeps at least four samples within the largest staleS
   * (1 s), so the stale check still tolerates a missed sample or two.
   */
  static final NumberRange SENSOR_SAMPLE_S = closed(0.1, 0.25, "s");

  static final NumberRange NO_CURRENT_S = closed(0.1, 1.0, "s");
  static final NumberRange ENERGY_BALANCE_TRIP_C = closed(4, 30, "°C");
  static final NumberRange MAX_HEAT_S = closed(30, 600, "s");
  static final NumberRange CUTOFF_C = closed(150, 350, "°C");
  static final int MAX_SAMPLES = 50;
  static final NumberRange SENSOR_MIN_C = closed(-100, 0, "°C");
  static final NumberRange SENSOR_MAX_C = closed(200, 1000, "°C");
  static final NumberRange STALE_S = closed(0.02, 1.0, "s");
  static final NumberRange MAX_RATE_C_PER_S = closed(5, 200, "°C/s");
  static final NumberRange RATE_WINDOW_S = closed(0.02, 5, "s");
  static final NumberRange FROZEN_S = closed(1, 30, "s");
  static final NumberRange FALL_WHILE_HEATING_C = closed(1, 50, "°C");
  static final NumberRange FALL_WINDOW_S = closed(0.5, 30, "s");
  static final NumberRange HEATING_SETTLE_S = closed(0, 60, "s");
  static final NumberRange NO_RISE_WINDOW_S = closed(5, 60, "s");
  static final NumberRange NO_RISE_MIN_C = closed(0.5, 50, "°C");
  static final NumberRange NO_RISE_HOT_ALLOWANCE_C_PER_C = closed(0, 0.08, "°C per °C");
  static final NumberRange STUCK_SETTLE_S = closed(0, 30, "s");
  static final NumberRange STUCK_WINDOW_S = closed(1, 60, "s");
  static final NumberRange STUCK_RISE_C = closed(1, 50, "°C");
  static final NumberRange LEASE_S = closed(0.02, 1.0, "s");
  static final NumberRange HUNG_S = aboveAndAtMost(0, 2.0, "s");
  static final NumberRange RELEASE_VERIFY_S = closed(0, 1.0, "s");
  static final NumberRange RESET_MAX_C = closed(30, 120, "°C");

  static final List<String> OPTIONS =
      List.of(
          "loopPeriodS",
          "sensorSampleS",
          "maxHeatS",
          "cutoffC",
          "overTempSamples",
          "sensorMinC",
          "sensorMaxC",
          "sensorFaultSamples",
          "staleS",
          "maxRateCPerS",
          "rateWindowS",
          "frozenS",
          "fallWhileHeatingC",
          "fallWindowS",
          "heatingSettleS",
          "noRiseWindowS",
          "noRiseMinC",
          "noRiseHotAllowanceCPerC",
          "stuckSettleS",
          "stuckWindowS",
          "stuckRiseC",
          "leaseS",
          "hungS",
          "releaseVerifyS",
          "resetMaxC",
          "noCurrentS",
          "energyBalanceTripC");

  private SafetySection() {}

  /**
   * Reads the options; a missing or invalid option takes its default (an invalid one is also a
   * problem, so the result is only used when there are none).
   */
  static SafetyLimits read(ObjectFields f, boolean currentSensorFitted) {
    SafetyLimits d = SafetyLimits.defaults();
    return new SafetyLimits(
        f.decimal("loopPeriodS", LOOP_PERIOD_S).orElse(d.loopPeriodS()),
        f.decimal("sensorSampleS", SENSOR_SAMPLE_S).orElse(d.sensorSampleS()),
        f.decimal("maxHeatS", MAX_HEAT_S).orElse(d.maxHeatS()),
        f.decimal("cutoffC", CUTOFF_C).orElse(d.cutoffC()),
        (int) f.integer("overTempSamples", 1, MAX_SAMPLES).orElse(d.overTempSamples()),
        f.decimal("sensorMinC", SENSOR_MIN_C).orElse(d.sensorMinC()),
        f.decimal("sensorMaxC", SENSOR_MAX_C).orElse(d.sensorMaxC()),
        (int) f.integer("sensorFaultSamples", 1, MAX_SAMPLES).orElse(d.sensorFaultSamples()),
        f.decimal("staleS", STALE_S).orElse(d.staleS()),
        f.decimal("maxRateCPerS", MAX_RATE_C_PER_S).orElse(d.maxRateCPerS()),
        f.decimal("rateWindowS", RATE_WINDOW_S).orElse(d.rateWindowS()),
        f.decimal("frozenS", FROZEN_S).orElse(d.frozenS()),
        f.decimal("fallWhileHeatingC", FALL_WHILE_HEATING_C).orElse(d.fallWhileHeatingC()),
        f.decimal("fallWindowS", FALL_WINDOW_S).orElse(d.fallWindowS()),
        f.decimal("heatingSettleS", HEATING_SETTLE_S).orElse(d.heatingSettleS()),
        f.decimal("noRiseWindowS", NO_RISE_WINDOW_S).orElse(d.noRiseWindowS()),
        f.decimal("noRiseMinC", NO_RISE_MIN_C).orElse(d.noRiseMinC()),
        f.decimal("noRiseHotAllowanceCPerC", NO_RISE_HOT_ALLOWANCE_C_PER_C)
            .orElse(d.noRiseHotAllowanceCPerC()),
        f.decimal("stuckSettleS", STUCK_SETTLE_S).orElse(d.stuckSettleS()),
        f.decimal("stuckWindowS", STUCK_WINDOW_S).orElse(d.stuckWindowS()),
        f.decimal("stuckRiseC", STUCK_RISE_C).orElse(d.stuckRiseC()),
        f.decimal("leaseS", LEASE_S).orElse(d.leaseS()),
        f.decimal("hungS", HUNG_S).orElse(d.hungS()),
        f.decimal("releaseVerifyS", RELEASE_VERIFY_S).orElse(d.releaseVerifyS()),
        f.decimal("resetMaxC", RESET_MAX_C).orElse(d.resetMaxC()),
        f.decimal("noCurrentS", NO_CURRENT_S).orElse(d.noCurrentS()),
        f.decimal("energyBalanceTripC", ENERGY_BALANCE_TRIP_C).orElse(d.energyBalanceTripC()),
        currentSensorFitted);
  }

  /**
   * The rules between safety options. Each message names the option to change first.
   *
   * @param fittedPath the path of the option currentSensorFitted came from
   */
  static void checkRelations(SafetyLimits s, Checks checks, String fittedPath) {
    String loop = "safety.loopPeriodS";
    double loopS = s.loopPeriodS();

    String sample = "safety.sensorSampleS";
    double sampleS = s.samplePeriodS();
    tripsInTime(checks, s, "overTempSamples", s.overTempSamples(), "over-temperature trips");
    tripsInTime(checks, s, "sensorFaultSamples", s.sensorFaultSamples(), "a broken sensor trips");

    checks.require(
        s.staleS() >= 4 * sampleS - 1e-9,
        "safety.staleS",
        "safety.staleS = "
            + Format.number(s.staleS())
            + " must be at least four sample periods, 4 x "
            + Format.number(round(sampleS))
            + " s (safety.sensorSampleS = "
            + Format.number(s.sensorSampleS())
            + " rounded up to ticks of safety.loopPeriodS = "
            + Format.number(loopS)
            + "), or a missed sample or two"
            + " would trip it; raise staleS or lower sensorSampleS",
        "safety.staleS",
        sample,
        loop);
    checks.require(
        s.rateWindowS() >= 2 * sampleS - 1e-9,
        "safety.rateWindowS",
        "safety.rateWindowS = "
            + Format.number(s.rateWindowS())
            + " must be at least two sample periods, 2 x "
            + Format.number(round(sampleS))
            + " s (safety.sensorSampleS = "
            + Format.number(s.sensorSampleS())
            + " on ticks of safety.loopPeriodS = "
            + Format.number(loopS)
            + "), or the rate has a single sample;"
            + " raise rateWindowS or lower sensorSampleS",
        "safety.rateWindowS",
        sample,
        loop);
    atLeastTwoPeriods(
        checks,
        "leaseS",
        s.leaseS(),
        loopS,
        "the lease would expire between two supervisor checks");

    checks.require(
        s.sensorMaxC() > s.cutoffC(),
        "safety.sensorMaxC",
        "safety.sensorMaxC = "
            + Format.number(s.sensorMaxC())
            + " must be above safety.cutoffC = "
            + Format.number(s.cutoffC())
            + ", or an over-temperature would be mistaken for a sensor fault;"
            + " raise sensorMaxC or lower cutoffC",
        "safety.sensorMaxC",
        "safety.cutoffC");

    checks.require(
        s.hungS() > s.leaseS(),
        "safety.hungS",
        "safety.hungS = "
            + Format.number(s.hungS())
            + " must be above safety.leaseS = "
            + Format.number(s.leaseS())
            + " (heat stops when the lease expires; the controller counts as hung only later); raise hungS or lower leaseS",
        "safety.hungS",
        "safety.leaseS");

    checks.require(
        s.releaseVerifyS() < s.leaseS(),
        "safety.releaseVerifyS",
        "safety.releaseVerifyS = "
            + Format.number(s.releaseVerifyS())
            + " must be below safety.leaseS = "
            + Format.number(s.leaseS())
            + "; lower releaseVerifyS or raise leaseS",
        "safety.releaseVerifyS",
        "safety.leaseS");

    checks.require(
        !s.currentSensorFitted() || s.releaseVerifyS() >= loopS - 1e-9,
        "safety.releaseVerifyS",
        "safety.releaseVerifyS = "
            + Format.number(s.releaseVerifyS())
            + " must be at least safety.loopPeriodS = "
            + Format.number(loopS)
            + " when "
            + fittedPath
            + " is true, so the current sensor is read at least once"
            + " before the carriage opens; raise releaseVerifyS",
        "safety.releaseVerifyS",
        loop,
        fittedPath);

    checks.require(
        s.noRiseWindowS() < s.maxHeatS(),
        "safety.noRiseWindowS",
        "safety.noRiseWindowS = "
            + Format.number(s.noRiseWindowS())
            + " must be below safety.maxHeatS = "
            + Format.number(s.maxHeatS())
            + ", or a dead element would never be noticed; lower noRiseWindowS",
        "safety.noRiseWindowS",
        "safety.maxHeatS");

    checks.require(
        s.heatingSettleS() < s.maxHeatS(),
        "safety.heatingSettleS",
        "safety.heatingSettleS = "
            + Format.number(s.heatingSettleS())
            + " must be below safety.maxHeatS = "
            + Format.number(s.maxHeatS())
            + ", or the fall check would never apply; lower heatingSettleS",
        "safety.heatingSettleS",
        "safety.maxHeatS");
  }

  /**
   * A check that needs {@code samples} samples in a row must trip within {@link #MAX_TRIP_S} at the
   * sampler's effective period.
   */
  private static void tripsInTime(
      Checks checks, SafetyLimits s, String option, int samples, String what) {
    double sampleS = s.samplePeriodS();
    double trip = samples * sampleS;
    String path = "safety." + option;
    checks.require(
        trip <= MAX_TRIP_S + 1e-9,
        path,
        path
            + " = "
            + samples
            + " with a sample every "
            + Format.number(round(sampleS))
            + " s (safety.sensorSampleS = "
            + Format.number(s.sensorSampleS())
            + " on ticks of safety.loopPeriodS = "
            + Format.number(s.loopPeriodS())
            + ") takes "
            + Format.number(round(trip))
            + " s to trip; expected at most "
            + Format.number(MAX_TRIP_S)
            + " s (so "
            + what
            + " within 1 s); lower "
            + option
            + " or sensorSampleS",
        path,
        "safety.sensorSampleS",
        "safety.loopPeriodS");
  }

  private static void atLeastTwoPeriods(
      Checks checks, String option, double value, double loopS, String why) {
    String path = "safety." + option;
    checks.require(
        value >= 2 * loopS - 1e-9,
        path,
        path
            + " = "
            + Format.number(value)
            + " must be at least twice safety.loopPeriodS = "
            + Format.number(loopS)
            + " ("
            + why
            + "); raise "
            + option
            + " or lower loopPeriodS",
        path,
        "safety.loopPeriodS");
  }

  private static double round(double v) {
    return Math.round(v * 1e6) / 1e6;
  }
}
