package com.smarttoaster.hal.pi;

import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalInput;
import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.io.gpio.digital.PullResistance;
import com.pi4j.io.i2c.I2C;
import com.pi4j.io.spi.Spi;
import com.pi4j.io.spi.SpiBus;
import com.pi4j.io.spi.SpiMode;

/**
 * Creates Pi4J devices on one context and turns any failure into a {@link
 * HardwareUnavailableException} that says which device, which config option and why.
 */
final class GpioOpener {
  /**
   * MAX31855: at most 5 MHz; 1 MHz is plenty for 4 bytes 20 times a second and tolerant of long
   * wires.
   */
  static final int MAX31855_BAUD = 1_000_000;

  private final Context pi4j;

  GpioOpener(Context pi4j) {
    this.pi4j = pi4j;
  }

  /** An output that starts LOW and is set LOW again when the context shuts down. */
  DigitalOutput output(String option, int pin, String device) throws HardwareUnavailableException {
    try {
      return pi4j.create(
          DigitalOutput.newConfigBuilder(pi4j)
              .id(option)
              .name(device)
              .address(pin)
              .initial(DigitalState.LOW)
              .shutdown(DigitalState.LOW));
    } catch (RuntimeException e) {
      throw unavailable(device + " output", option, pin, e);
    }
  }

  /** An input with the Pi's internal pull-up. */
  DigitalInput inputPulledUp(String option, int pin, String device)
      throws HardwareUnavailableException {
    try {
      return pi4j.create(
          DigitalInput.newConfigBuilder(pi4j)
              .id(option)
              .name(device)
              .address(pin)
              .pull(PullResistance.PULL_UP));
    } catch (RuntimeException e) {
      throw unavailable(device + " input", option, pin, e);
    }
  }

  /** I2C1 (BCM 2 SDA, BCM 3 SCL) with the MLX90614 bread thermometer at its factory address. */
  I2C mlx90614() throws HardwareUnavailableException {
    try {
      return pi4j.create(
          I2C.newConfigBuilder(pi4j)
              .id("bread-thermometer")
              .name("MLX90614 bread thermometer")
              .bus(1)
              .device(Mlx90614Word.FACTORY_ADDRESS));
    } catch (RuntimeException e) {
      throw new HardwareUnavailableException(
          "the bread thermometer on I2C1 address 0x5A (/dev/i2c-1, chosen by pi.breadThermometer ="
              + " mlx90614) could not be opened: "
              + causeOf(e)
              + ". Enable I2C (dtparam=i2c_arm=on in /boot/firmware/config.txt) and check that the"
              + " user may open /dev/i2c-1 (group i2c)",
          e);
    }
  }

  /** SPI0 with the MAX31855 on chip select {@code chipSelect}, mode 0. */
  Spi max31855(int chipSelect) throws HardwareUnavailableException {
    try {
      return pi4j.create(
          Spi.newConfigBuilder(pi4j)
              .id("thermocouple")
              .name("MAX31855 thermocouple converter")
              .bus(SpiBus.BUS_0)
              .channel(chipSelect)
              .mode(SpiMode.MODE_0)
              .baud(MAX31855_BAUD));
    } catch (RuntimeException e) {
      throw new HardwareUnavailableException(
          "the thermocouple converter on SPI0 CE"
              + chipSelect
              + " (/dev/spidev0."
              + chipSelect
              + ", chosen by pi.thermocouple = spi and pi.spiChipSelect = "
              + chipSelect
              + ") could not be opened: "
              + causeOf(e)
              + ". Enable SPI (dtparam=spi=on in /boot/firmware/config.txt) and check that the user may"
              + " open /dev/spidev0."
              + chipSelect
              + " (group spi)",
          e);
    }
  }

  private static HardwareUnavailableException unavailable(
      String device, String option, int pin, RuntimeException e) {
    return new HardwareUnavailableException(
        "the "
            + device
            + " on GPIO BCM "
            + pin
            + " (pi."
            + option
            + " = "
            + pin
            + ") could not be opened: "
            + causeOf(e)
            + ". The Pi appliance needs a Raspberry Pi with its GPIO character device (/dev/gpiochip*) readable by this"
            + " user (group gpio)",
        e);
  }

  static String causeOf(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String text =
        trimmed(root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage());
    return root == e || e.getMessage() == null ? text : trimmed(e.getMessage()) + " (" + text + ")";
  }

  private static String trimmed(String message) {
    String m = message.strip();
    while (!m.isEmpty() && ".!".indexOf(m.charAt(m.length() - 1)) >= 0) {
      m = m.substring(0, m.length() - 1);
    }
    return m;
  }
}
