package com.smarttoaster.hal.pi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.smarttoaster.hal.TemperatureReading;
import com.smarttoaster.hal.ThermocoupleFault;
import java.io.IOException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The frame layout of the MAX31855 datasheet, with its own example values. */
class Max31855FrameTest {
  private static int frame(int hot14, int cold12, int faultAndReasons) {
    return (hot14 & 0x3FFF) << 18 | (cold12 & 0xFFF) << 4 | faultAndReasons;
  }

  /** Hot-junction rows of the datasheet's table: 14-bit field, °C. */
  @ParameterizedTest(name = "0x{0} is {1} °C")
  @CsvSource({
    "1900, 1600.00", "0FA0, 1000.00", "0193, 100.75", "0064, 25.00", "0000, 0.00",
    "3FFF, -0.25", "3FFC, -1.00", "3F06, -62.50", "3C18, -250.00"})
  void hotJunctionIsA14BitSignedCountOfQuarterDegrees(String hex, double celsius) throws IOException {
    TemperatureReading r = Max31855Frame.decode(frame(Integer.parseInt(hex, 16), 0x190, 0), 5);
    assertEquals(celsius, r.chamberC(), 0.0);
    assertEquals(ThermocoupleFault.NONE, r.fault());
    assertEquals(5, r.atNanos());
  }

  /** Cold-junction rows of the datasheet's table: 12-bit field, °C. */
  @ParameterizedTest(name = "0x{0} is {1} °C")
  @CsvSource({
    "7F0, 127.0000", "649, 100.5625", "190, 25.0000", "000, 0.0000",
    "FFF, -0.0625", "FF0, -1.0000", "EC0, -20.0000", "C90, -55.0000"})
  void coldJunctionIsA12BitSignedCountOfSixteenthDegrees(String hex, double celsius) throws IOException {
    TemperatureReading r = Max31855Frame.decode(frame(0x64, Integer.parseInt(hex, 16), 0), 0);
    assertEquals(celsius, r.coldJunctionC(), 0.0);
    assertEquals(25.0, r.chamberC(), 0.0, "the hot junction is untouched by a negative cold junction");
  }

  @Test
  void negativeTemperaturesKeepTheirSignInBothFields() throws IOException {
    TemperatureReading r = Max31855Frame.decode(Max31855Frame.encode(-18.75, -3.5, ThermocoupleFault.NONE), 0);
    assertEquals(-18.75, r.chamberC(), 0.0);
    assertEquals(-3.5, r.coldJunctionC(), 0.0);
    assertTrue(r.isValid());
  }

  /** Each reason bit with D16; the temperatures of a faulty frame are still decoded but not valid. */
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
    assertEquals(ThermocoupleFault.OPEN_CIRCUIT, Max31855Frame.decode(frame(0, 0x190, 0x10007), 0).fault());
  }

  @Test
  void aDeadBusIsAnIoErrorNotATemperature() {
    IOException zeros = assertThrows(IOException.class, () -> Max31855Frame.decode(0, 0));
    assertTrue(zeros.getMessage().contains("all zeros") && zeros.getMessage().contains("MISO"), zeros.getMessage());
    IOException ones = assertThrows(IOException.class, () -> Max31855Frame.decode(0xFFFFFFFF, 0));
    assertTrue(ones.getMessage().contains("all ones"), ones.getMessage());
  }

  @Test
  void aFaultBitWithoutAReasonOrAReasonWithoutTheFaultBitIsACorruptTransfer() {
    IOException noReason = assertThrows(IOException.class, () -> Max31855Frame.decode(frame(0x64, 0x190, 1 << 16), 0));
    assertTrue(noReason.getMessage().contains("inconsistent"), noReason.getMessage());
    assertThrows(IOException.class, () -> Max31855Frame.decode(frame(0x64, 0x190, 0b001), 0));
  }

  @Test
  void bytesAreBigEndian() {
    assertEquals(0x01900190, Max31855Frame.fromBytes(new byte[] {0x01, (byte) 0x90, 0x01, (byte) 0x90}));
    assertEquals(0xFFFC0000, Max31855Frame.fromBytes(new byte[] {(byte) 0xFF, (byte) 0xFC, 0, 0}));
  }
}
