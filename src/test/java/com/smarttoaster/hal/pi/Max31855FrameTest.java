package com.smarttoaster.hal.pi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.smarttoaster.hal.TemperatureReading;
import com.smarttoaster.hal.ThermocoupleFault;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The frame layout of the MAX31855 datasheet, with its own example values. */
class Max31855FrameTest {
  private static int frame(int hot14, int cold12, int faultAndReasons) {
    return (hot14 & 0x3FFF) << 18 | (cold12 & 0xFFF) << 4 | faultAndReasons;
  }

  /** Hot-junction rows of the datasheet's table: 14-bit field, °C. */
  @ParameterizedTest(name = "0x{0} is {1} °C")
  @CsvSource({
    "1900, 1600.00",
    "0FA0, 1000.00",
    "0193, 100.75",
    "0064, 25.00",
    "0000, 0.00",
    "3FFF, -0.25",
    "3FFC, -1.00",
    "3F06, -62.50",
    "3C18, -250.00"
  })
  void hotJunctionIsA14BitSignedCountOfQuarterDegrees(String hex, double celsius) {
    assertEquals(celsius, Max31855Frame.chipHotC(frame(Integer.parseInt(hex, 16), 0x190, 0)), 0.0);
  }

  /** Cold-junction rows of the datasheet's table: 12-bit field, °C. */
  @ParameterizedTest(name = "0x{0} is {1} °C")
  @CsvSource({
    "7F0, 127.0000", "649, 100.5625", "190, 25.0000", "000, 0.0000",
    "FFF, -0.0625", "FF0, -1.0000", "EC0, -20.0000", "C90, -55.0000"
  })
  void coldJunctionIsA12BitSignedCountOfSixteenthDegrees(String hex, double celsius)
      throws IOException {
    TemperatureReading r = Max31855Frame.decode(frame(0x64, Integer.parseInt(hex, 16), 0), 0);
    assertEquals(celsius, r.coldJunctionC(), 0.0);
    assertEquals(
        25.0,
        Max31855Frame.chipHotC(frame(0x64, Integer.parseInt(hex, 16), 0)),
        0.0,
        "the hot-junction field is untouched by a negative cold junction");
  }

  /**
   * The type-K correction, against NIST ITS-90 table values (Monograph 175, type K, reference
   * junction 0 °C): E(280 °C) = 11.382 mV, E(25 °C) = 1.000 mV. A chip at 25 °C with its junction
   * at 280 °C sends (11.382 − 1.000) mV / 41.276 µV/°C + 25 = 276.53 °C, rounded to 276.50: ≈3.5 °C
   * low.
   */
  @Test
  void aJunctionAt280CReadsAbout3Point5LowUncorrectedAndWithinAStepCorrected() throws IOException {
    int frame = Max31855Frame.encode(276.5, 25.0, ThermocoupleFault.NONE); // what the chip sends
    assertEquals(3.5, 280.0 - Max31855Frame.chipHotC(frame), 0.01, "the chip's own linear value");
    TemperatureReading r = Max31855Frame.decode(frame, 0);
    assertEquals(
        280.0, r.chamberC(), Max31855Frame.HOT_C_PER_COUNT, "corrected to within the chip's step");
    assertEquals(25.0, r.coldJunctionC(), 0.0);
  }

  /**
   * NIST table: E(100 °C) = 4.096 mV, E(500 °C) = 20.644 mV, E(−100 °C) = −3.554 mV; chip at 22 °C
   * (E 0.879 mV).
   */
  @ParameterizedTest(name = "{0} °C: the chip sends {1} °C")
  @CsvSource({"100, 100.00", "500, 500.75", "-100, -85.50"})
  void theCorrectionFollowsTheNistTableAcrossRanges(double trueC, double chipC) throws IOException {
    // chip value = (E(t) − E(22)) / 0.041276 + 22, from the NIST table values, rounded to 0.25 °C
    assertEquals(
        Max31855Frame.encode(chipC, 22.0, ThermocoupleFault.NONE),
        Max31855Frame.encodeTrue(trueC, 22.0, ThermocoupleFault.NONE),
        "the chip's linear conversion");
    TemperatureReading r =
        Max31855Frame.decode(Max31855Frame.encode(chipC, 22.0, ThermocoupleFault.NONE), 0);
    assertEquals(
        trueC, r.chamberC(), 0.35, "within a chip step (0.25 °C / slope ratio) of the truth");
  }

  @ParameterizedTest(name = "reserved bits 0x{0}")
  @CsvSource({"20000, D17", "8, D3", "20008, D17 and D3"})
  void aReservedBitSetIsNotAReading(String hex, String named) {
    IOException e =
        assertThrows(
            IOException.class,
            () -> Max31855Frame.decode(frame(0x64, 0x190, Integer.parseInt(hex, 16)), 0));
    assertTrue(
        e.getMessage().contains(named) && e.getMessage().contains("always read 0"), e.getMessage());
  }

  @Test
  void negativeTemperaturesKeepTheirSignInBothFields() throws IOException {
    int frame = Max31855Frame.encode(-18.75, -3.5, ThermocoupleFault.NONE);
    TemperatureReading r = Max31855Frame.decode(frame, 0);
    assertEquals(-18.75, Max31855Frame.chipHotC(frame), 0.0);
    // (−18.75 − −3.5) °C × 41.276 µV/°C = −0.629 mV, plus E(−3.5 °C) = −0.137 mV: −0.767 mV, which
    // the NIST
    // table puts between −19 °C (−0.739 mV) and −20 °C (−0.778 mV), at −19.7 °C
    assertEquals(
        -19.7, r.chamberC(), 0.1, "type K is flatter below 0 °C, so the chip reads high there");
    assertEquals(-3.5, r.coldJunctionC(), 0.0);
    assertTrue(r.isValid());
  }

  /**
   * Each reason bit with D16; the temperatures of a faulty frame are still decoded but not valid.
   */
  @ParameterizedTest(name = "bit D{0} is {1}")
  @CsvSource({"0, OPEN_CIRCUIT", "1, SHORT_TO_GND", "2, SHORT_TO_VCC"})
  void everyFaultBitIsReported(int bit, ThermocoupleFault expected) throws IOException {
    TemperatureReading r = Max31855Frame.decode(frame(0x64, 0x190, 1 << 16 | 1 << bit), 0);
    assertEquals(expected, r.fault());
    assertTrue(!r.isValid(), "a reading with a fault is never valid");
    assertEquals(Max31855Frame.encode(25, 25, expected), frame(0x64, 0x190, 1 << 16 | 1 << bit));
  }

  @Test
  void anOpenThermocoupleWinsWhenSeveralReasonBitsAreSet() throws IOException {
    assertEquals(
        ThermocoupleFault.OPEN_CIRCUIT, Max31855Frame.decode(frame(0, 0x190, 0x10007), 0).fault());
  }

  @Test
  void aDeadBusIsAnIoErrorNotATemperature() {
    IOException zeros = assertThrows(IOException.class, () -> Max31855Frame.decode(0, 0));
    assertTrue(
        zeros.getMessage().contains("all zeros") && zeros.getMessage().contains("MISO"),
        zeros.getMessage());
    IOException ones = assertThrows(IOException.class, () -> Max31855Frame.decode(0xFFFFFFFF, 0));
    assertTrue(ones.getMessage().contains("all ones"), ones.getMessage());
  }

  @Test
  void aFaultBitWithoutAReasonOrAReasonWithoutTheFaultBitIsACorruptTransfer() {
    IOException noReason =
        assertThrows(IOException.class, () -> Max31855Frame.decode(frame(0x64, 0x190, 1 << 16), 0));
    assertTrue(noReason.getMessage().contains("inconsistent"), noReason.getMessage());
    assertThrows(IOException.class, () -> Max31855Frame.decode(frame(0x64, 0x190, 0b001), 0));
  }

  @Test
  void bytesAreBigEndian() {
    assertEquals(
        0x01900190, Max31855Frame.fromBytes(new byte[] {0x01, (byte) 0x90, 0x01, (byte) 0x90}));
    assertEquals(0xFFFC0000, Max31855Frame.fromBytes(new byte[] {(byte) 0xFF, (byte) 0xFC, 0, 0}));
  }
}
