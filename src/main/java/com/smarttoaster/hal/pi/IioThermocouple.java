package com.smarttoaster.hal.pi;

import com.smarttoaster.hal.Clock;
import com.smarttoaster.hal.TemperatureReading;
import com.smarttoaster.hal.TemperatureSensor;
import com.smarttoaster.hal.ThermocoupleFault;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * The MAX31855 read through the kernel's {@code maxim_thermocouple} IIO driver
 * ({@code dtoverlay=maxtherm,spi0-0,max31855k}). Its sysfs directory holds:
 *
 * <pre>
 *  name                   maxim_thermocouple
 *  in_temp_raw            hot junction, counts (14-bit signed)
 *  in_temp_scale          milli-°C per count (250)
 *  in_temp_ambient_raw    cold junction, counts (12-bit signed)
 *  in_temp_ambient_scale  milli-°C per count (62.5)
 * </pre>
 *
 * <p>°C = raw × scale / 1000. The driver answers a read of either raw file with an error (EINVAL)
 * while the chip's fault bit is set, and it does not say which fault; so any read error, a missing
 * file or a value that is not a number is an IOException: the supervisor sees no sample (and trips
 * SENSOR_STALE after safety.staleS), never a made-up temperature. The scales are read once, when the
 * device is opened.
 */
public final class IioThermocouple implements TemperatureSensor {
  /** The IIO device name the driver registers. */
  public static final String DRIVER_NAME = "maxim_thermocouple";

  private final Path dir;
  private final Clock clock;
  private final double hotScaleMilliC;
  private final double coldScaleMilliC;

  private IioThermocouple(Path dir, Clock clock, double hotScaleMilliC, double coldScaleMilliC) {
    this.dir = dir;
    this.clock = clock;
    this.hotScaleMilliC = hotScaleMilliC;
    this.coldScaleMilliC = coldScaleMilliC;
  }

  /**
   * Opens the device directory: checks that it is a maxim_thermocouple device and reads its scales.
   *
   * @throws IOException naming what is missing or wrong
   */
  public static IioThermocouple open(Path dir, Clock clock) throws IOException {
    if (!Files.isDirectory(dir)) {
      throw new NoSuchFileException(dir.toString(), null, "no such IIO device directory");
    }
    String name = readValue(dir.resolve("name"));
    if (!name.equals(DRIVER_NAME)) {
      throw new IOException(dir + " is the IIO device '" + name + "', not " + DRIVER_NAME
          + "; look for the right one with: grep . /sys/bus/iio/devices/*/name");
    }
    double hot = readScale(dir.resolve("in_temp_scale"));
    double cold = readScale(dir.resolve("in_temp_ambient_scale"));
    return new IioThermocouple(dir, clock, hot, cold);
  }

  @Override
  public TemperatureReading read() throws IOException {
    long at = clock.nanos();
    double hotC = readNumber(dir.resolve("in_temp_raw")) * hotScaleMilliC / 1000.0;
    double coldC = readNumber(dir.resolve("in_temp_ambient_raw")) * coldScaleMilliC / 1000.0;
    return new TemperatureReading(hotC, coldC, ThermocoupleFault.NONE, at);
  }

  private static double readScale(Path file) throws IOException {
    double scale = readNumber(file);
    if (!(scale > 0)) {
      throw new IOException(file + " holds " + scale + "; a scale must be above 0");
    }
    return scale;
  }

  private static double readNumber(Path file) throws IOException {
    String text = readValue(file);
    try {
      double v = Double.parseDouble(text);
      if (Double.isFinite(v)) {
        return v;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IOException(file + " holds '" + text + "', not a number");
  }

  private static String readValue(Path file) throws IOException {
    try {
      return new String(Files.readAllBytes(file), StandardCharsets.US_ASCII).trim();
    } catch (NoSuchFileException e) {
      throw new NoSuchFileException(file.toString(), null, "missing");
    } catch (IOException e) {
      throw new IOException("reading " + file + " failed (" + e.getMessage() + "); the maxim_thermocouple driver"
          + " fails reads while the converter reports a fault (open or shorted thermocouple)", e);
    }
  }
}
