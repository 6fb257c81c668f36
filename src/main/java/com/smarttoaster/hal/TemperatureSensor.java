package com.smarttoaster.hal;

import java.io.IOException;

/** The chamber thermocouple with its cold-junction reading. */
public interface TemperatureSensor {
  /**
   * Reads one sample.
   *
   * @throws IOException when no sample could be read at all (bus error, driver read error, dropout)
   */
  TemperatureReading read() throws IOException;
}
