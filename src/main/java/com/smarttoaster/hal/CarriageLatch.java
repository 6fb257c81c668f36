package com.smarttoaster.hal;

/**
 * The carriage hold-down electromagnet and the lever switch. While held, the carriage keeps the
 * bread down and closes the carriage's own mains contacts; releasing it pops the bread and opens
 * those contacts, which cuts the elements independently of the heater relay. Only the safety
 * supervisor may hold or release it.
 */
public interface CarriageLatch {
  /**
   * Energises the electromagnet so a pressed lever stays down. Has no effect if the lever is up.
   */
  void hold();

  /** De-energises the electromagnet: the carriage springs up and its mains contacts open. */
  void release();

  /** True while the electromagnet is energised. */
  boolean isHeld();

  /** True while the carriage lever is physically down (debounced). */
  boolean isLeverDown();
}
