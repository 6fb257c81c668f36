package com.smarttoaster.hal.pi;

/**
 * A device of the Pi appliance could not be opened. The message names the device, the config option
 * that chose it and the cause, and is meant to be shown as is; nothing was switched on.
 */
public final class HardwareUnavailableException extends Exception {
  private static final long serialVersionUID = 1L;

  public HardwareUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }

  /** A device that cannot be opened because the wiring does not say where it is. */
  public HardwareUnavailableException(String message) {
    super(message);
  }
}
