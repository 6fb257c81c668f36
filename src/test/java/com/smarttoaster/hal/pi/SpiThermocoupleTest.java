package com.smarttoaster.hal.pi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.smarttoaster.hal.TemperatureReading;
import com.smarttoaster.hal.ThermocoupleFault;
import com.smarttoaster.safety.fakes.ManualClock;
import java.io.IOException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The SPI reader on Pi4J's mock SPI: the test queues the bytes the MAX31855 would clock out. */
class SpiThermocoupleTest {
  private final MockPi pi = new MockPi();
  private final ManualClock clock = new ManualClock();
  private final SpiThermocouple sensor =
      new SpiThermocouple(
          new GpioOpener(pi.context).max31855(0), clock, "SPI0 CE0 (pi.spiChipSelect = 0)");

  SpiThermocoupleTest() throws HardwareUnavailableException {}

  @AfterEach
  void shutdown() {
    pi.context.shutdown();
  }

  @Test
  void readsNormalNegativeAndFaultFramesInOrder() throws IOException {
    pi.queueReading(231.5, 24.0625, ThermocoupleFault.NONE);
    pi.queueReading(-21.25, -2.5, ThermocoupleFault.NONE);
    pi.queueReading(0, 24, ThermocoupleFault.OPEN_CIRCUIT);
    pi.queueReading(0, 24, ThermocoupleFault.SHORT_TO_GND);
    pi.queueReading(0, 24, ThermocoupleFault.SHORT_TO_VCC);

    TemperatureReading hot = sensor.read();
    assertEquals(
        231.5,
        hot.chamberC(),
        Max31855Frame.HOT_C_PER_COUNT,
        "the true temperature within one chip step");
    assertEquals(24.0625, hot.coldJunctionC(), 0.0);
    assertEquals(clock.nanos(), hot.atNanos());
    TemperatureReading cold = sensor.read();
    assertEquals(-21.25, cold.chamberC(), Max31855Frame.HOT_C_PER_COUNT);
    assertEquals(-2.5, cold.coldJunctionC(), 0.0);
    assertEquals(ThermocoupleFault.OPEN_CIRCUIT, sensor.read().fault());
    assertEquals(ThermocoupleFault.SHORT_TO_GND, sensor.read().fault());
    assertEquals(ThermocoupleFault.SHORT_TO_VCC, sensor.read().fault());
  }

  @Test
  void noAnswerOnTheBusIsAnIoExceptionNamingTheDevice() {
    IOException e = assertThrows(IOException.class, sensor::read);
    assertTrue(e.getMessage().contains("SPI0 CE0 (pi.spiChipSelect = 0)"), e.getMessage());
  }

  @Test
  void aShortReadIsAnIoException() {
    pi.spi().write(new byte[] {1, 2});
    IOException e = assertThrows(IOException.class, sensor::read);
    assertTrue(e.getMessage().contains("returned 2 bytes"), e.getMessage());
  }
}
