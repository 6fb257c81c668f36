package com.smarttoaster.safety;

/**
 * Every limit the supervisor enforces, validated by the config loader. Defaults and their
 * justification live in {@link #defaults()} and in config/toaster.yaml.
 *
 * @param loopPeriodS supervisor loop period, s (must give at least 10 Hz); the lease, the outputs
 *     and the dead-man run at this rate
 * @param sensorSampleS shortest time between two reads of the chamber sensor, s. A MAX31855 needs
 *     up to 100 ms per conversion and a read aborts the conversion in progress, so it must not be
 *     read faster than that. The sensor is read on the first tick at least this long after the
 *     previous read, so samples come every {@link #samplePeriodS()} (0.15 s at the defaults: every
 *     third 20 Hz tick). The sample-counting windows below are derived for that period
 * @param maxHeatS maximum heater-on time in one cycle, s, independent of any prediction
 * @param cutoffC over-temperature cut-off for the chamber reading, °C
 * @param overTempSamples consecutive samples at or above the cut-off before tripping
 * @param sensorMinC lowest believable chamber reading, °C
 * @param sensorMaxC highest believable chamber reading, °C
 * @param sensorFaultSamples consecutive samples with fault bits or out-of-range values before
 *     tripping; also the number of consecutive too-fast samples before the rate-of-change check
 *     trips
 * @param staleS longest time without a valid sample, s
 * @param maxRateCPerS fastest believable change of the chamber reading, °C/s
 * @param rateWindowS window over which the rate of change is measured, s
 * @param frozenS longest time the reading may stay exactly constant while heating, s
 * @param fallWhileHeatingC drop of the reading while heating that counts as implausible, °C
 * @param fallWindowS window for that drop, s
 * @param heatingSettleS heating time before the fall check applies (cold bread may cool the air), s
 * @param noRiseWindowS heating time within which the reading must rise, s
 * @param noRiseMinC minimum rise within that window from a chamber at room temperature, °C
 * @param noRiseHotAllowanceCPerC how much less rise is demanded per °C the chamber starts above the
 *     room (the cold-junction reading), °C/°C; a hot chamber may then fall a little
 * @param stuckSettleS time after heat-off before the stuck-on rise check starts (element heat
 *     soak), s
 * @param stuckWindowS window of the stuck-on rise check, s
 * @param stuckRiseC rise within that window, with the heater off, that means heat still flows, °C
 * @param leaseS heat lease: heat stops when the controller has not renewed it for this long, s
 * @param hungS the controller counts as hung when it has not renewed the lease for this long while
 *     the carriage is held, s (keep it above leaseS, so a hang while heating reads LEASE_EXPIRED)
 * @param releaseVerifyS delay between heat-off and carriage release, used to verify with the
 *     current sensor that current really stopped, s
 * @param resetMaxC a user reset is accepted only with the chamber below this, °C
 * @param noCurrentS longest time the current sensor may read no current while the heater is
 *     commanded on, s (HEATER_NO_CURRENT)
 * @param energyBalanceTripC how far, accumulated, the chamber reading may run outside what the
 *     energy-balance observer allows while heating, °C (SENSOR_DRIFT; see EnergyBalanceCheck);
 *     +Infinity switches the observer off (only for tests whose fake chamber is not a toaster's)
 * @param currentSensorFitted whether a heater current sensor is fitted
 */
public record SafetyLimits(
    double loopPeriodS,
    double sensorSampleS,
    double maxHeatS,
    double cutoffC,
    int overTempSamples,
    double sensorMinC,
    double sensorMaxC,
    int sensorFaultSamples,
    double staleS,
    double maxRateCPerS,
    double rateWindowS,
    double frozenS,
    double fallWhileHeatingC,
    double fallWindowS,
    double heatingSettleS,
    double noRiseWindowS,
    double noRiseMinC,
    double noRiseHotAllowanceCPerC,
    double stuckSettleS,
    double stuckWindowS,
    double stuckRiseC,
    double leaseS,
    double hungS,
    double releaseVerifyS,
    double resetMaxC,
    double noCurrentS,
    double energyBalanceTripC,
    boolean currentSensorFitted) {

  /**
   * The period at which samples really arrive, s: sensorSampleS rounded up to whole loop periods,
   * because the sensor is read only on a tick (0.125 s at 20 Hz gives 0.15 s).
   */
  public double samplePeriodS() {
    double ticks = Math.ceil(sensorSampleS / loopPeriodS - 1e-9);
    return Math.max(1, ticks) * loopPeriodS;
  }

  /** The documented defaults; config/toaster.yaml explains each one. */
  public static SafetyLimits defaults() {
    return new SafetyLimits(
        0.05, // 20 Hz for the lease, the outputs and the dead-man
        0.125, // the MAX31855 converts in 70-100 ms; reading faster aborts every conversion
        // (samples then come every 0.15 s, every third tick)
        300.0, // longest realistic cycle (frozen, thick, darkest, low mains) is under 280 s
        280.0, // normal cycles peak below 260 °C; paper ignites near 230 °C but the sensor sits
        // next to the element, not at the bread
        3, // one noisy sample never trips; three samples take 0.45 s
        -40.0, // colder than any kitchen or frozen bread makes the chamber
        500.0, // far above the cut-off, which trips long before a real chamber gets here
        2, // tolerates one bus glitch, still trips within 0.3 s
        1.0, // about 6 samples in a row missing
        25.0, // a heating chamber rises at most about 3 °C/s; a short or a loose sensor jumps
        0.5, // at least 3 sample periods (0.45 s): 0.3 °C noise and 0.25 °C steps add under 2 °C/s
        5.0, // ~33 samples: while heating the reading moves at least 0.3 °C/s, a 0.25 °C step a
        // second
        8.0, // with the elements on the chamber cannot cool this much; noise spans about 2 °C
        5.0,
        10.0, // cold or frozen bread may cool the air near the sensor at first
        20.0, // the slowest healthy rise (0.3 °C/s) gives 6 °C in 20 s
        2.0, // a broken element in a cold chamber changes it by about 0 °C
        0.07, // back to back, fresh bread pulls a hot chamber down by up to 5.6 °C (from 166 °C,
        // demand -8.15 °C); with no heat it falls at least 6 % of the way to the room in 20 s
        5.0, // element heat soaks into the chamber for a few seconds after heat-off
        10.0,
        5.0, // an idle chamber only cools; noise spans about 2 °C
        0.5, // ten controller ticks of 50 ms
        1.5, // three leases
        0.1, // a zero-cross relay opens within 10 ms; the current sensor settles in tens of ms
        60.0, // warm, not hot: no smouldering crumbs, safe to reach into
        0.5, // a relay closes within 10 ms and the peak detector charges within one half-cycle:
        // ten 50 ms ticks of no current with the heater commanded on is an open element
        6.0, // see EnergyBalanceCheck and its survey (EnergyBalanceSurveyTest)
        true);
  }
}
