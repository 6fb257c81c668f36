package com.smarttoaster.hal.pi;

import com.smarttoaster.hal.TemperatureReading;
import com.smarttoaster.hal.ThermocoupleFault;
import java.io.IOException;

/**
 * Decodes the MAX31855's 32-bit read frame (datasheet, "Memory Map"), most significant bit first:
 *
 * <pre>
 *  D31..D18  thermocouple (hot junction) temperature, 14-bit two's complement, 0.25 °C per count
 *  D17       reserved (0)
 *  D16       fault: set when any of D2..D0 is set
 *  D15..D4   internal (cold junction) temperature, 12-bit two's complement, 0.0625 °C per count
 *  D3        reserved (0)
 *  D2 SCV    thermocouple shorted to VCC
 *  D1 SCG    thermocouple shorted to GND
 *  D0 OC     thermocouple open (no connection)
 * </pre>
 *
 * <p>Some frames are not readings at all: all zeros (MISO stuck low: no chip, or it lost power),
 * all ones (MISO floating high), a frame with D17 or D3 set (the datasheet's Table 3: "This bit
 * always reads 0", so a set bit means a corrupted or shifted transfer), and a frame whose fault bit
 * disagrees with its reason bits. Those are bus failures, reported as an IOException, never as a
 * temperature.
 *
 * <p>The hot-junction field is the chip's straight-line conversion at 41.276 µV/°C (datasheet
 * 19-5793, "Thermocouple Temperature" and Table 1), which reads ≈3.5 °C low at 280 °C because type
 * K is not linear. {@link #decode} undoes that conversion with the cold-junction field and applies
 * the NIST ITS-90 curve ({@link TypeK#correctedHotC}); {@link #chipHotC} keeps the raw field.
 */
public final class Max31855Frame {
  /** °C per count of the hot-junction field. */
  public static final double HOT_C_PER_COUNT = 0.25;

  /** °C per count of the cold-junction field. */
  public static final double COLD_C_PER_COUNT = 0.0625;

  static final int FAULT_BIT = 1 << 16;
  static final int RESERVED_D17 = 1 << 17;
  static final int RESERVED_D3 = 1 << 3;
  static final int SCV_BIT = 1 << 2;
  static final int SCG_BIT = 1 << 1;
  static final int OC_BIT = 1;
  private static final int REASON_BITS = SCV_BIT | SCG_BIT | OC_BIT;

  private Max31855Frame() {}

  /** The frame's four bytes as received, first byte = D31..D24. */
  public static int fromBytes(byte[] b) {
    return (b[0] & 0xFF) << 24 | (b[1] & 0xFF) << 16 | (b[2] & 0xFF) << 8 | (b[3] & 0xFF);
  }

  /**
   * One reading from a frame: the hot junction corrected to the type-K curve, the cold junction as
   * the chip measured it.
   *
   * @param atNanos clock time of the read
   * @throws IOException for frames that are not a reading (see the class comment)
   */
  public static TemperatureReading decode(int frame, long atNanos) throws IOException {
    if (frame == 0 || frame == -1) {
      throw new IOException(
          String.format(
              "MAX31855 frame 0x%08X: the data line (MISO) reads all %s, so no converter answered; check its"
                  + " 3.3 V supply, chip select and MISO wiring",
              frame, frame == 0 ? "zeros" : "ones"));
    }
    int reserved = frame & (RESERVED_D17 | RESERVED_D3);
    if (reserved != 0) {
      String bits =
          reserved == (RESERVED_D17 | RESERVED_D3)
              ? "bits D17 and D3 are"
              : reserved == RESERVED_D17 ? "bit D17 is" : "bit D3 is";
      throw new IOException(
          String.format(
              "MAX31855 frame 0x%08X is not a reading: reserved %s set, but the datasheet says they always read 0;"
                  + " a corrupted or shifted transfer (noise on the SPI wires, or too fast a clock?)",
              frame, bits));
    }
    boolean faultBit = (frame & FAULT_BIT) != 0;
    int reasons = frame & REASON_BITS;
    if (faultBit != (reasons != 0)) {
      throw new IOException(
          String.format(
              "MAX31855 frame 0x%08X is inconsistent: fault bit D16 is %s but the reason bits D2..D0 are %s;"
                  + " a corrupted transfer (noise on the SPI wires?)",
              frame, faultBit ? "set" : "clear", reasons == 0 ? "clear" : "set"));
    }
    double chipHotC = chipHotC(frame);
    double coldC = coldC(frame);
    ThermocoupleFault fault = faultOf(reasons);
    double hotC = fault == ThermocoupleFault.NONE ? hotC(chipHotC, coldC) : chipHotC;
    return new TemperatureReading(hotC, coldC, fault, atNanos);
  }

  /**
   * The type-K corrected hot junction; outside NIST's inverse range (−200…1372 °C) no correction
   * exists and the chip's own value is passed on, which the supervisor's range check refuses.
   */
  static double hotC(double chipHotC, double coldC) {
    try {
      return TypeK.correctedHotC(chipHotC, coldC);
    } catch (IllegalArgumentException outOfRange) {
      return chipHotC;
    }
  }

  /** The hot-junction field as the chip computed it (linear, 41.276 µV/°C), °C. */
  public static double chipHotC(int frame) {
    return (frame >> 18) * HOT_C_PER_COUNT; // arithmetic shift keeps the sign of D31
  }

  /** The cold-junction field, °C. */
  public static double coldC(int frame) {
    return ((frame << 16) >> 20) * COLD_C_PER_COUNT; // D15 to the top, then back with sign
  }

  private static ThermocoupleFault faultOf(int reasons) {
    if ((reasons & OC_BIT) != 0) {
      return ThermocoupleFault.OPEN_CIRCUIT;
    }
    if ((reasons & SCG_BIT) != 0) {
      return ThermocoupleFault.SHORT_TO_GND;
    }
    if ((reasons & SCV_BIT) != 0) {
      return ThermocoupleFault.SHORT_TO_VCC;
    }
    return ThermocoupleFault.NONE;
  }

  /**
   * The frame whose fields hold these values, for tests and bench checks: {@code chipHotC} is the
   * hot-junction field as the chip computed it (linear), both rounded to the converter's steps, the
   * fault and reason bits set for {@code fault}. See {@link #encodeTrue} for a real junction.
   */
  public static int encode(double chipHotC, double coldC, ThermocoupleFault fault) {
    int hot = (int) Math.round(chipHotC / HOT_C_PER_COUNT) & 0x3FFF;
    int cold = (int) Math.round(coldC / COLD_C_PER_COUNT) & 0xFFF;
    int frame = hot << 18 | cold << 4;
    switch (fault) {
      case OPEN_CIRCUIT -> frame |= FAULT_BIT | OC_BIT;
      case SHORT_TO_GND -> frame |= FAULT_BIT | SCG_BIT;
      case SHORT_TO_VCC -> frame |= FAULT_BIT | SCV_BIT;
      case NONE -> {}
    }
    return frame;
  }

  /**
   * What a MAX31855K sends for a type-K hot junction truly at {@code trueHotC} while the chip is at
   * {@code coldC}: its linear conversion of the real emf ({@link TypeK#chipHotC}), then {@link
   * #encode}.
   */
  public static int encodeTrue(double trueHotC, double coldC, ThermocoupleFault fault) {
    return encode(TypeK.chipHotC(trueHotC, coldC), coldC, fault);
  }
}
