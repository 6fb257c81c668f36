package com.smarttoaster.hal;

/** Fault bits reported by a MAX31855-style thermocouple converter. */
public enum ThermocoupleFault {
  NONE,
  /** OC: thermocouple open (wire broken or unplugged). */
  OPEN_CIRCUIT,
  /** SCG: thermocouple shorted to ground. */
  SHORT_TO_GND,
  /** SCV: thermocouple shorted to the supply. */
  SHORT_TO_VCC
}
