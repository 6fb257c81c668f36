package com.smarttoaster.hal.pi;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * How the chamber thermocouple is read, and whether the bread thermometer is fitted.
 *
 * @param thermocouple iio or spi
 * @param iioDevice sysfs directory of the maxim_thermocouple IIO device; null unless iio
 * @param spiChipSelect SPI0 chip select of the MAX31855 (0 or 1); null unless spi
 * @param breadThermometer whether the MLX90614 infrared bread thermometer is fitted on I2C1 (BCM 2
 *     SDA, BCM 3 SCL) at its factory address 0x5A
 */
public record ThermometerWiring(
    ThermocoupleInterface thermocouple,
    @Nullable String iioDevice,
    @Nullable Integer spiChipSelect,
    boolean breadThermometer) {

  public ThermometerWiring {
    Objects.requireNonNull(thermocouple, "thermocouple");
  }

  /** The thermocouple through the kernel's IIO driver at {@code device}. */
  public static ThermometerWiring iio(String device, boolean breadThermometer) {
    return new ThermometerWiring(ThermocoupleInterface.IIO, device, null, breadThermometer);
  }

  /** The thermocouple read directly over SPI0 on chip select {@code chipSelect}. */
  public static ThermometerWiring spi(int chipSelect, boolean breadThermometer) {
    return new ThermometerWiring(ThermocoupleInterface.SPI, null, chipSelect, breadThermometer);
  }
}
