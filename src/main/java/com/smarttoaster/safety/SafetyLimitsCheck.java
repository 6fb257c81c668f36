package com.smarttoaster.safety;

/**
 * A last sanity check of the limits inside the supervisor. The config loader validates them with
 * friendlier messages first; this only refuses values no loader should ever let through.
 */
final class SafetyLimitsCheck {
  private SafetyLimitsCheck() {}

  static SafetyLimits requireSane(SafetyLimits l) {
    requireRange("loopPeriodS", l.loopPeriodS(), 1e-3, 0.1, "(at least 10 Hz)");
    requirePositive("sensorSampleS", l.sensorSampleS());
    if (!(l.samplePeriodS() * 2 <= l.staleS() + 1e-9)) {
      fail(
          "sensorSampleS must give at least two samples within staleS, were "
              + l.sensorSampleS()
              + " (a sample every "
              + l.samplePeriodS()
              + " s) and "
              + l.staleS());
    }
    requirePositive("maxHeatS", l.maxHeatS());
    requireFinite("cutoffC", l.cutoffC());
    requireFinite("sensorMinC", l.sensorMinC());
    requireFinite("sensorMaxC", l.sensorMaxC());
    if (!(l.sensorMinC() < l.sensorMaxC())) {
      fail(
          "sensorMinC must be below sensorMaxC, were " + l.sensorMinC() + " and " + l.sensorMaxC());
    }
    if (l.overTempSamples() < 1) {
      fail("overTempSamples must be at least 1, was " + l.overTempSamples());
    }
    if (l.sensorFaultSamples() < 1) {
      fail("sensorFaultSamples must be at least 1, was " + l.sensorFaultSamples());
    }
    requirePositive("staleS", l.staleS());
    requirePositive("maxRateCPerS", l.maxRateCPerS());
    requirePositive("rateWindowS", l.rateWindowS());
    requirePositive("frozenS", l.frozenS());
    requirePositive("fallWhileHeatingC", l.fallWhileHeatingC());
    requirePositive("fallWindowS", l.fallWindowS());
    requireNotNegative("heatingSettleS", l.heatingSettleS());
    requirePositive("noRiseWindowS", l.noRiseWindowS());
    requireNotNegative("noRiseMinC", l.noRiseMinC());
    requireRange(
        "noRiseHotAllowanceCPerC",
        l.noRiseHotAllowanceCPerC(),
        0.0,
        0.08,
        "(more would let a broken element in a hot chamber pass)");
    requireNotNegative("stuckSettleS", l.stuckSettleS());
    requirePositive("stuckWindowS", l.stuckWindowS());
    requirePositive("stuckRiseC", l.stuckRiseC());
    requirePositive("leaseS", l.leaseS());
    requirePositive("hungS", l.hungS());
    requireNotNegative("releaseVerifyS", l.releaseVerifyS());
    requireRange(
        "noCurrentS", l.noCurrentS(), 1e-3, 1.0, "(an open element must be found within 1 s)");
    // +Infinity switches the observer off, for tests whose fake chamber heats like no real element
    // (a straight 1 °C/s line); the config loader allows 4..30 only.
    if (!(l.energyBalanceTripC() > 0)) {
      fail("energyBalanceTripC must be above 0, was " + l.energyBalanceTripC());
    }
    requireFinite("resetMaxC", l.resetMaxC());
    if (!(l.resetMaxC() < l.cutoffC())) {
      fail("resetMaxC must be below cutoffC, were " + l.resetMaxC() + " and " + l.cutoffC());
    }
    return l;
  }

  private static void requireFinite(String name, double value) {
    if (!Double.isFinite(value)) {
      fail(name + " must be a finite number, was " + value);
    }
  }

  private static void requirePositive(String name, double value) {
    if (!(Double.isFinite(value) && value > 0)) {
      fail(name + " must be above 0, was " + value);
    }
  }

  private static void requireNotNegative(String name, double value) {
    if (!(Double.isFinite(value) && value >= 0)) {
      fail(name + " must be 0 or more, was " + value);
    }
  }

  private static void requireRange(String name, double value, double min, double max, String why) {
    if (!(value >= min && value <= max)) {
      fail(name + " must be between " + min + " and " + max + " " + why + ", was " + value);
    }
  }

  private static void fail(String problem) {
    throw new IllegalArgumentException("SafetyLimits." + problem);
  }
}
