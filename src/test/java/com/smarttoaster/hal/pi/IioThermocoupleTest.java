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
    attr("in_temp_raw", "926");
    attr("in_temp_ambient_raw", "385");
  }

  @Test
  void readsRawTimesScaleInMilliDegrees() throws IOException {
    TemperatureReading r = IioThermocouple.open(dev, clock).read();
    assertEquals(231.5, r.chamberC(), 1e-9);
    assertEquals(24.0625, r.coldJunctionC(), 1e-9);
    assertEquals(ThermocoupleFault.NONE, r.fault());
    assertEquals(clock.nanos(), r.atNanos());
  }

  @Test
  void negativeRawValuesAreNegativeTemperatures() throws IOException {
    IioThermocouple tc = IioThermocouple.open(dev, clock);
    attr("in_temp_raw", "-85");
    attr("in_temp_ambient_raw", "-40");
    TemperatureReading r = tc.read();
    assertEquals(-21.25, r.chamberC(), 1e-9);
    assertEquals(-2.5, r.coldJunctionC(), 1e-9);
  }

  @Test
  void aReadErrorIsAnIoExceptionNeverATemperature() throws IOException {
    IioThermocouple tc = IioThermocouple.open(dev, clock);
    // The driver fails the read (EINVAL) while the fault bit is set; a directory fails the read too.
    Files.delete(dev.resolve("in_temp_raw"));
    Files.createDirectory(dev.resolve("in_temp_raw"));
    IOException e = assertThrows(IOException.class, tc::read);
    assertTrue(e.getMessage().contains("in_temp_raw") && e.getMessage().contains("fault"), e.getMessage());
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
    assertThrows(IOException.class, () -> IioThermocouple.open(sys.resolve("bus/iio/devices/iio:device7"), clock));
    attr("in_temp_scale", "0");
    assertThrows(IOException.class, () -> IioThermocouple.open(dev, clock));
  }
}
