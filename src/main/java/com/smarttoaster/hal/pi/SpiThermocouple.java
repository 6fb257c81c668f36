package com.smarttoaster.hal.pi;

import com.pi4j.io.spi.Spi;
import com.smarttoaster.hal.Clock;
import com.smarttoaster.hal.TemperatureReading;
import com.smarttoaster.hal.TemperatureSensor;
import java.io.IOException;

/**
 * The MAX31855 read directly over SPI through Pi4J (SPI mode 0, read-only: the chip has no MOSI).
 * Each read clocks out one 32-bit frame and decodes it with {@link Max31855Frame}. A short read or
 * a bus error is an IOException (the supervisor counts it as a missing sample), never a
 * temperature.
 */
public final class SpiThermocouple implements TemperatureSensor {
  private final Spi spi;
  private final Clock clock;
  private final String name;
  private final byte[] buffer = new byte[4];

  /**
   * @param spi an open SPI device on the MAX31855's chip select
   * @param name names the device in messages, e.g. "SPI0 CE0 (pi.spiChipSelect = 0)"
   */
  public SpiThermocouple(Spi spi, Clock clock, String name) {
    this.spi = spi;
    this.clock = clock;
    this.name = name;
  }

  @Override
  public synchronized TemperatureReading read() throws IOException {
    int n;
    try {
      n = spi.read(buffer, 0, buffer.length);
    } catch (RuntimeException e) {
      throw new IOException(
          "SPI read from the MAX31855 on " + name + " failed: " + e.getMessage(), e);
    }
    if (n != buffer.length) {
      throw new IOException(
          "SPI read from the MAX31855 on " + name + " returned " + n + " bytes, expected 4");
    }
    return Max31855Frame.decode(Max31855Frame.fromBytes(buffer), clock.nanos());
  }
}
