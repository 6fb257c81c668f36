package com.smarttoaster.hal;

/**
 * The input of the hardware dead-man between the Pi and the power switches (hardware/README.md):
 * the SSR and the carriage magnet are driven only while this input keeps changing level. A pin
 * stuck high or low, a crashed JVM or a hung kernel stop the changes, and the hardware drops heat
 * and the carriage within its timeout. Only the safety supervisor's loop toggles it, once per
 * completed tick.
 */
public interface DeadManTrigger {
  /** Changes the trigger pin's level once. */
  void toggle();

  /** For appliances without a dead-man stage (tests of other parts). */
  DeadManTrigger NONE = () -> {};
}
