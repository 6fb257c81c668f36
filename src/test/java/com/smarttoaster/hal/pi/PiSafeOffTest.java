package com.smarttoaster.hal.pi;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pi4j.io.gpio.digital.DigitalState;
import org.junit.jupiter.api.Test;

class PiSafeOffTest {
  @Test
  void drivesHeaterAndLatchLowAndShutsTheContextDown() throws Exception {
    MockPi pi = new MockPi();

    PiSafeOff.driveLow(MockPi.SPI_WIRING, pi.context);

    assertFalse(pi.isHigh("heaterPin"));
    assertFalse(pi.isHigh("latchPin"));
    assertTrue(pi.context.isShutdown());
  }

  @Test
  void touchesNoOtherPin() throws Exception {
    MockPi pi = new MockPi();

    PiSafeOff.driveLow(MockPi.SPI_WIRING, pi.context);

    assertThrows(IllegalArgumentException.class, () -> pi.out("faultLedPin"));
    assertThrows(IllegalArgumentException.class, () -> pi.out("buzzerPin"));
  }

  @Test
  void aPinThatCannotBeOpenedIsNamedAndTheContextStillShutsDown() {
    MockPi pi = new MockPi();
    pi.context.create(
        com.pi4j.io.gpio.digital.DigitalOutput.newConfigBuilder(pi.context)
            .id("squatter")
            .address(17)
            .initial(DigitalState.HIGH));

    HardwareUnavailableException e =
        assertThrows(
            HardwareUnavailableException.class,
            () -> PiSafeOff.driveLow(MockPi.SPI_WIRING, pi.context));

    assertTrue(e.getMessage().contains("(pi.heaterPin = 17)"), e.getMessage());
    assertTrue(pi.context.isShutdown());
  }
}
