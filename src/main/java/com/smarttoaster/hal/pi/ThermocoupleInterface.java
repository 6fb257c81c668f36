package com.smarttoaster.hal.pi;

import java.util.Locale;

/** How the Pi reads the MAX31855 thermocouple converter. */
public enum ThermocoupleInterface {
  /** The kernel's maxim_thermocouple IIO driver (dtoverlay=maxtherm): read from sysfs. */
  IIO,
  /** Pi4J SPI (/dev/spidev0.N): the 32-bit frame is decoded here. */
  SPI;

  /** The id used in the config file. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
