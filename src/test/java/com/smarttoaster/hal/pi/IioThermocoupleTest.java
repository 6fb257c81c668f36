package com.smarttoaster.hal.pi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.smarttoaster.hal.TemperatureReading;
import com.smarttoaster.hal.ThermocoupleFault;
import com.smarttoaster.safety.fakes.ManualClock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The IIO reader against a directory laid out like /sys/bus/iio/devices/iio:device0. */
class IioThermocoupleTest {
  @TempDir Path sys;
  private Path dev;
  private final ManualClock clock = new ManualClock();

  /** Writes a sysfs attribute the way the kernel shows it: the value and a newline. */
  private void attr(String name, String value) throws IOException {
    Files.writeString(dev.resolve(name), value + "\n");
  }

  @BeforeEach
  void layOutSysfs() throws IOException {
    dev = Files.createDirectories(sys.resolve("bus/iio/devices/iio:device0"));
    attr("name", "maxim_thermocouple");
    attr("in_temp_scale", "250");
    attr("in_temp_ambient_scale", "62.500000");
    attr("in_temp_raw", "1106"); // 276.50 °C: what the chip sends for a junction at 280 °C
    attr("in_temp_ambient_raw", "400"); // 25.0 °C
  }

  @Test
  void readsRawTimesScaleInMilliDegreesCorrectedToTheTypeKCurve() throws IOException {
    // NIST type K: E(280 °C) = 11.382 mV, E(25 °C) = 1.000 mV; the chip's 276.50 °C is the linear
    // conversion of that 10.382 mV at 41.276 µV/°C plus 25 °C
    TemperatureReading r = IioThermocouple.open(dev, clock).read();
    assertEquals(280.0, r.chamberC(), 0.25);
    assertEquals(25.0, r.coldJunctionC(), 1e-9);
    assertEquals(ThermocoupleFault.NONE, r.fault());
    assertEquals(clock.nanos(), r.atNanos());
  }

  @Test
  void negativeRawValuesAreNegativeTemperatures() throws IOException {
    IioThermocouple tc = IioThermocouple.open(dev, clock);
    // NIST: E(−20 °C) = −0.778 mV; with the chip at 0 °C it sends −0.778 / 0.041276 = −18.85 →
    // −18.75 (raw −75)
    attr("in_temp_raw", "-75");
    attr("in_temp_ambient_raw", "0");
    TemperatureReading r = tc.read();
    assertEquals(-20.0, r.chamberC(), 0.35);
    attr("in_temp_ambient_raw", "-40");
    assertEquals(-2.5, tc.read().coldJunctionC(), 1e-9);
  }

  @Test
  void aReadErrorIsAnIoExceptionNeverATemperature() throws IOException {
    IioThermocouple tc = IioThermocouple.open(dev, clock);
    // The driver fails the read (EINVAL) while the fault bit is set; a directory fails the read
    // too.
    Files.delete(dev.resolve("in_temp_raw"));
    Files.createDirectory(dev.resolve("in_temp_raw"));
    IOException e = assertThrows(IOException.class, tc::read);
    assertTrue(
        e.getMessage().contains("in_temp_raw") && e.getMessage().contains("fault"), e.getMessage());
  }

  /**
   * The driver's EINVAL means the fault bit (its status_bit check): a reading with an unnamed
   * fault.
   */
  @Test
  void einvalFromTheDriverIsAFaultItDoesNotName() throws IOException {
    Sysfs einval =
        new Sysfs() {
          @Override
          public String read(Path attribute) throws IOException {
            if (attribute.getFileName().toString().endsWith("_raw")) {
              throw new IOException("Invalid argument");
            }
            return Sysfs.REAL.read(attribute);
          }

          @Override
          public boolean isDirectory(Path path) {
            return Sysfs.REAL.isDirectory(path);
          }

          @Override
          public java.util.List<Path> list(Path dir) throws IOException {
            return Sysfs.REAL.list(dir);
          }
        };
    TemperatureReading r = IioThermocouple.open(dev, clock, einval).read();
    assertEquals(null, r.fault());
    assertTrue(!r.isValid());
  }

  @Test
  void bothRawValuesZeroIsAChipThatDidNotAnswer() throws IOException {
    IioThermocouple tc = IioThermocouple.open(dev, clock);
    attr("in_temp_raw", "0");
    attr("in_temp_ambient_raw", "0");
    IOException e = assertThrows(IOException.class, tc::read);
    assertTrue(e.getMessage().contains("all zeros"), e.getMessage());
    attr("in_temp_ambient_raw", "1");
    assertEquals(0.0, tc.read().chamberC(), 0.01, "0 °C with the chip at 0.0625 °C is a reading");
  }

  @Test
  void aMissingOrGarbledValueIsAnIoException() throws IOException {
    IioThermocouple tc = IioThermocouple.open(dev, clock);
    attr("in_temp_ambient_raw", "");
    assertThrows(IOException.class, tc::read);
    attr("in_temp_ambient_raw", "12x");
    IOException garbled = assertThrows(IOException.class, tc::read);
    assertTrue(garbled.getMessage().contains("'12x', not a number"), garbled.getMessage());
    Files.delete(dev.resolve("in_temp_ambient_raw"));
    assertThrows(IOException.class, tc::read);
  }

  @Test
  void openingChecksTheDeviceIsTheThermocoupleDriver() throws IOException {
    attr("name", "mcp3008");
    IOException e = assertThrows(IOException.class, () -> IioThermocouple.open(dev, clock));
    assertTrue(e.getMessage().contains("'mcp3008', not maxim_thermocouple"), e.getMessage());
  }

  @Test
  void openingRefusesAMissingDeviceOrAZeroScale() throws IOException {
    assertThrows(
        IOException.class,
        () -> IioThermocouple.open(sys.resolve("bus/iio/devices/iio:device7"), clock));
    attr("in_temp_scale", "0");
    assertThrows(IOException.class, () -> IioThermocouple.open(dev, clock));
  }

  /**
   * The IIO ABI's unit is milli-°C: a scale of 0.25 (°C) or 1000 is not the MAX31855 in this
   * driver.
   */
  @Test
  void openingChecksTheScalesAreTheMax31855sStepsInMilliDegrees() throws IOException {
    attr("in_temp_scale", "0.25");
    IOException e = assertThrows(IOException.class, () -> IioThermocouple.open(dev, clock));
    assertTrue(
        e.getMessage().contains("in_temp_scale holds 0.25") && e.getMessage().contains("250.0"),
        e.getMessage());
    attr("in_temp_scale", "250");
    attr("in_temp_ambient_scale", "62");
    assertThrows(IOException.class, () -> IioThermocouple.open(dev, clock));
  }

  @Test
  void openingRefusesAThermocoupleTypeOtherThanK() throws IOException {
    attr("in_temp_thermocouple_type", "J");
    IOException e = assertThrows(IOException.class, () -> IioThermocouple.open(dev, clock));
    assertTrue(e.getMessage().contains("'J'") && e.getMessage().contains("type-K"), e.getMessage());
    attr("in_temp_thermocouple_type", "K");
    assertEquals(280.0, IioThermocouple.open(dev, clock).read().chamberC(), 0.25);
  }

  /** Another IIO driver probed first: the thermocouple is iio:device1, found by its name file. */
  @Test
  void theDevicesDirectoryIsSearchedByNameNotByNumber() throws IOException {
    Path devices = dev.getParent();
    Path adc = devices.resolve("iio:device0");
    Path tc = Files.move(adc, devices.resolve("iio:device1"));
    Files.createDirectories(adc);
    Files.writeString(adc.resolve("name"), "mcp3008\n");
    IioThermocouple found = IioThermocouple.open(devices, clock);
    assertEquals(tc, found.directory());
    assertEquals(280.0, found.read().chamberC(), 0.25);

    IOException wrong = assertThrows(IOException.class, () -> IioThermocouple.open(adc, clock));
    assertTrue(
        wrong.getMessage().contains("'mcp3008', not maxim_thermocouple")
            && wrong.getMessage().contains("iio:device1")
            && wrong.getMessage().contains("/sys/bus/iio/devices"),
        wrong.getMessage());
  }

  @Test
  void noneOrSeveralThermocouplesUnderTheDevicesDirectoryIsAClearError() throws IOException {
    Path devices = dev.getParent();
    Path second = Files.createDirectories(devices.resolve("iio:device1"));
    Files.writeString(second.resolve("name"), "maxim_thermocouple\n");
    IOException several =
        assertThrows(IOException.class, () -> IioThermocouple.open(devices, clock));
    assertTrue(several.getMessage().contains("several"), several.getMessage());
    attr("name", "mcp3008");
    Files.writeString(second.resolve("name"), "mcp3008\n");
    IOException none = assertThrows(IOException.class, () -> IioThermocouple.open(devices, clock));
    assertTrue(
        none.getMessage().contains("no IIO device") && none.getMessage().contains("maxtherm"),
        none.getMessage());
  }
}
