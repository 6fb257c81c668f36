package com.smarttoaster.safety;

/** Stable fault codes, as they appear in results, MQTT events and logs. */
public enum FaultCode {
  /** Chamber at or above cutoffC for overTempSamples samples. measured: °C; limit: cutoffC. */
  OVER_TEMPERATURE(false),
  /**
   * Fault bits, non-number or out-of-range readings for sensorFaultSamples samples. measured: the
   * reading in °C when out of range (limit: the bound crossed), else the number of bad samples in a
   * row (limit: sensorFaultSamples).
   */
  SENSOR_FAULT(false),
  /**
   * No valid reading for more than staleS, or the supervisor loop itself stopped ticking for that
   * long. measured: s without a reading (or a tick); limit: staleS.
   */
  SENSOR_STALE(false),
  /**
   * Rate of change too fast (measured: °C/s, limit: maxRateCPerS), reading frozen while heating
   * (measured: s, limit: frozenS), or a fall while heating (measured: °C, limit:
   * fallWhileHeatingC).
   */
  SENSOR_IMPLAUSIBLE(false),
  /**
   * Too little rise after noRiseWindowS of heating. measured: the change in °C (negative for a
   * fall); limit: the demand applied, noRiseMinC less noRiseHotAllowanceCPerC per °C the chamber
   * started above the room (negative for a hot start: the largest fall allowed).
   */
  NO_HEAT_RISE(true),
  /**
   * Heat flows while commanded off: by current (measured: s since the off command, limit:
   * releaseVerifyS) or by temperature (measured: rise in °C, limit: stuckRiseC).
   */
  HEATER_STUCK_ON(true),
  /**
   * The heater is commanded on but the current sensor reads no current for more than noCurrentS: an
   * open element, a broken wire or a relay that no longer closes. Needs service (broken hardware;
   * the current sensor itself may also have failed). measured: s without current; limit:
   * noCurrentS.
   */
  HEATER_NO_CURRENT(true),
  /**
   * While heating, the chamber reading ran outside what the energy balance of the heater allows (a
   * sensor that drifts, a probe that has come loose, or heat from elsewhere such as burning
   * crumbs), by more than energyBalanceTripC accumulated. measured: the accumulated excess, °C
   * (positive: above the model, negative: below); limit: energyBalanceTripC.
   */
  SENSOR_DRIFT(false),
  /** Heater-on time in the cycle reached maxHeatS. measured: s; limit: maxHeatS. */
  MAX_HEAT_TIME(false),
  /** Heat requested but the lease not renewed for more than leaseS. measured: s; limit: leaseS. */
  LEASE_EXPIRED(false),
  /** Carriage held but no renewal for more than hungS. measured: s; limit: hungS. */
  CONTROLLER_HUNG(false),
  /**
   * At start-up the fault store held a fault that cannot be read back (a damaged file, or a code
   * this build does not know), so whether it needed service is unknown: it is treated as if it did.
   * measured and limit: 0.
   */
  STORED_FAULT_UNREADABLE(true);

  private final boolean needsService;

  FaultCode(boolean needsService) {
    this.needsService = needsService;
  }

  /**
   * True when the fault points at broken hardware (a welded relay, a dead element) that a user
   * reset must not paper over; see {@link SafetySupervisor#reset(ResetKind)}.
   */
  public boolean needsService() {
    return needsService;
  }
}
