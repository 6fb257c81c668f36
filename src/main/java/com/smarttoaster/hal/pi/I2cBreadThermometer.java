package com.smarttoaster.hal.pi;

import com.pi4j.io.i2c.I2C;
import com.smarttoaster.hal.BreadThermometer;
import java.io.IOException;
import java.util.Locale;

/**
 * The MLX90614 bread thermometer read over I2C1 through Pi4J: one SMBus Read Word of T_obj1 (RAM
 * 0x07) per call, checked as {@link Mlx90614Word} describes. A bus error, a short read, a PEC that
 * does not match or the chip's error flag is an IOException naming what went wrong, never a
 * temperature: the controller then runs the cycle without the reading.
 */
public final class I2cBreadThermometer implements BreadThermometer {
  private final I2C i2c;
  private final int address;
  private final String name;
  private final byte[] buffer = new byte[3];

  /**
   * @param i2c an open I2C device at the chip's address
   * @param address the chip's 7-bit slave address (part of the PEC)
   * @param name names the device in messages, e.g. "I2C1 address 0x5A"
   */
  public I2cBreadThermometer(I2C i2c, int address, String name) {
    this.i2c = i2c;
    this.address = address;
    this.name = name;
  }

  @Override
  public synchronized double apparentC() throws IOException {
    int n;
    try {
      n = i2c.readRegister(Mlx90614Word.RAM_TOBJ1, buffer, 0, buffer.length);
    } catch (RuntimeException e) {
      throw new IOException(
          "I2C read from the MLX90614 on " + name + " failed: " + e.getMessage(), e);
    }
    if (n != buffer.length) {
      throw new IOException(
          "I2C read from the MLX90614 on " + name + " returned " + n + " bytes, expected 3");
    }
    int word = (buffer[0] & 0xFF) | (buffer[1] & 0xFF) << 8;
    int pec = buffer[2] & 0xFF;
    int expected = Mlx90614Word.readWordPec(address, Mlx90614Word.RAM_TOBJ1, word);
    if (pec != expected) {
      throw new IOException(
          String.format(
              Locale.ROOT,
              "MLX90614 on %s: PEC 0x%02X does not match 0x%02X for word 0x%04X (bus noise)",
              name,
              pec,
              expected,
              word));
    }
    if ((word & Mlx90614Word.ERROR_FLAG) != 0) {
      throw new IOException(
          String.format(
              Locale.ROOT, "MLX90614 on %s: error flag set in T_obj1 (0x%04X)", name, word));
    }
    return Mlx90614Word.decodeC(word);
  }
}
