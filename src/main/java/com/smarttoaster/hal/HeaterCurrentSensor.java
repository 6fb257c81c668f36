package com.smarttoaster.hal;

/**
 * Optional feedback from a current transformer on the element circuit. It tells a welded relay
 * (current while commanded off) and a broken element (no current while commanded on) apart from a
 * healthy heater within one supervisor period, long before the temperature could.
 */
public interface HeaterCurrentSensor {
  /** True when current flows through the elements right now. */
  boolean isCurrentFlowing();
}
