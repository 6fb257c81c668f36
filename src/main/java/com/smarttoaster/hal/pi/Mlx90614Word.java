package com.smarttoaster.hal.pi;

/**
 * The MLX90614 infrared thermometer's SMBus "read word" as the bus carries it (Melexis MLX90614
 * datasheet 3901090614, "SMBus compatible 2-wire protocol"; application note 390119061402 "SMBus
 * communication with MLX90614", Table 7 and "Reading RAM"):
 *
 * <ul>
 *   <li>Read Word: S, slave address + Wr, command, Sr, slave address + Rd, data low byte, data high
 *       byte, PEC, P. The command for a RAM cell is {@code 000x_xxxx} + its address: object
 *       temperature T_obj1 at RAM 0x07, the chip's own temperature T_a at 0x06. Factory slave
 *       address 0x5A.
 *   <li>The temperatures are in 0.02 K per LSB: T_obj1 runs from 0x27AD at −70.01 °C to 0x7FFF at
 *       +382.19 °C (application note, "Reading RAM"). The MSb of a linearised temperature is an
 *       error flag, active high.
 *   <li>PEC: a CRC-8 with polynomial x⁸ + x² + x + 1 over every byte of the transaction (both
 *       address bytes with their R/W bit, the command, the data), start, stop and acknowledge bits
 *       excluded (datasheet, "Bus Protocol"). That is SMBus's own PEC (init 0, no reflection),
 *       whose catalogue check value over the ASCII "123456789" is 0xF4.
 * </ul>
 */
public final class Mlx90614Word {
  /** Factory SMBus slave address (datasheet). */
  public static final int FACTORY_ADDRESS = 0x5A;

  /** RAM address of the linearised object temperature T_obj1. */
  public static final int RAM_TOBJ1 = 0x07;

  /** RAM address of the linearised ambient (die) temperature T_a. */
  public static final int RAM_TA = 0x06;

  /** One LSB of a linearised temperature, K. */
  public static final double KELVIN_PER_LSB = 0.02;

  /** T_obj1 at −70.01 °C and at +382.19 °C, the ends of the object range. */
  public static final int OBJECT_MIN_RAW = 0x27AD;

  public static final int OBJECT_MAX_RAW = 0x7FFF;

  /** The error flag of a linearised temperature (its MSb). */
  public static final int ERROR_FLAG = 0x8000;

  private Mlx90614Word() {}

  /** The SMBus PEC (CRC-8, x⁸ + x² + x + 1, init 0) over {@code bytes}. */
  public static int pec(int... bytes) {
    int crc = 0;
    for (int b : bytes) {
      crc ^= b & 0xFF;
      for (int i = 0; i < 8; i++) {
        crc = (crc & 0x80) != 0 ? ((crc << 1) ^ 0x07) & 0xFF : (crc << 1) & 0xFF;
      }
    }
    return crc;
  }

  /** The PEC the chip sends after reading {@code word} from {@code command} at {@code address}. */
  public static int readWordPec(int address, int command, int word) {
    return pec(address << 1, command, (address << 1) | 1, word & 0xFF, (word >>> 8) & 0xFF);
  }

  /** A temperature in °C as the object register holds it, clamped to the object range. */
  public static int encodeObject(double celsius) {
    long raw = Math.round((celsius + 273.15) / KELVIN_PER_LSB);
    return (int) Math.max(OBJECT_MIN_RAW, Math.min(OBJECT_MAX_RAW, raw));
  }

  /** A linearised temperature word (error flag clear) in °C. */
  public static double decodeC(int word) {
    return (word & 0x7FFF) * KELVIN_PER_LSB - 273.15;
  }
}
