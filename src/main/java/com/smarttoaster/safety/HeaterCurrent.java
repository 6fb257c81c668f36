package com.smarttoaster.safety;

/**
 * What the heater current sensor said on one tick. {@link #UNKNOWN} covers both "no sensor fitted"
 * and "the read failed": the checks treat them alike, neither starting nor ending a run.
 */
enum HeaterCurrent {
  FLOWING,
  NOT_FLOWING,
  /** No current sensor is fitted, or it could not be read this tick. */
  UNKNOWN
}
