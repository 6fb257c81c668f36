package com.smarttoaster.safety;

/** Stable fault codes, as they appear in results, MQTT events and logs. */
public enum FaultCode {
  OVER_TEMPERATURE(false),
  SENSOR_FAULT(false),
  SENSOR_STALE(false),
  SENSOR_IMPLAUSIBLE(false),
  NO_HEAT_RISE(true),
  HEATER_STUCK_ON(true),
  MAX_HEAT_TIME(false),
  LEASE_EXPIRED(false),
  CONTROLLER_HUNG(false);

  private final boolean needsService;

  FaultCode(boolean needsService) {
    this.needsService = needsService;
  }

  /**
   * True when the fault points at broken hardware (a welded relay, a dead element) that a user reset
   * must not paper over; see {@link SafetySupervisor#reset(ResetKind)}.
   */
  public boolean needsService() {
    return needsService;
  }
}
