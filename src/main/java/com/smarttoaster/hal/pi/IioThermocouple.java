package com.smarttoaster.hal.pi;

import com.smarttoaster.hal.Clock;
import com.smarttoaster.hal.TemperatureReading;
import com.smarttoaster.hal.TemperatureSensor;
import com.smarttoaster.hal.ThermocoupleFault;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The MAX31855 read through the kernel's {@code maxim_thermocouple} IIO driver ({@code
 * dtoverlay=maxtherm,spi0-0,max31855k}; drivers/iio/temperature/maxim_thermocouple.c). Its sysfs
 * directory holds:
 *
 * <pre>
 *  name                       maxim_thermocouple
 *  in_temp_raw                hot junction, counts (14-bit signed: the frame's D31..D18)
 *  in_temp_scale              milli-°C per count: 250
 *  in_temp_ambient_raw        cold junction, counts (12-bit signed: D15..D4)
 *  in_temp_ambient_scale      milli-°C per count: 62.500000
 *  in_temp_thermocouple_type  K for the max31855k compatible (kernels since 5.5; may be absent)
 * </pre>
 *
 * <p>°C = raw × scale / 1000 (the IIO ABI gives temperatures in milli-degrees Celsius). The scales
 * are checked against the MAX31855's steps when the device is opened: another value means another
 * chip or driver, whose conversion this reader could not undo. The hot junction is then corrected
 * to the type-K curve like an SPI frame ({@link Max31855Frame}, {@link TypeK}).
 *
 * <p>Every read of a raw file is one SPI transfer by the driver: it pulls chip select low, which
 * aborts the chip's conversion in progress (datasheet 19-5793), so read it no faster than the chip
 * converts (at most every 100 ms, better 125 ms). The driver fails the read with EINVAL exactly
 * when the frame's fault bit D16 is set (its status_bit check; a bus error is EIO or ETIMEDOUT, a
 * buffered capture EBUSY), without saying which fault: that read becomes a reading whose fault is
 * null ("the converter reported a fault it did not name") and whose temperatures are NaN, so the
 * supervisor trips SENSOR_FAULT as it does on a fault frame over SPI, instead of waiting
 * safety.staleS for SENSOR_STALE. A chip that does not answer sends all zeros (MISO pulled low),
 * which the driver passes on as 0 and 0 counts: both at exactly 0 is taken as no answer (a chip and
 * a junction both at 0.000 °C is no kitchen). Any other read error, a missing file or a value that
 * is not a number is an IOException: no sample, never a made-up temperature.
 *
 * <p>IIO device numbers follow probe order, so {@code iio:device0} is the thermocouple only while
 * no other IIO driver probes first; {@link #open} therefore also accepts the devices directory
 * (/sys/bus/iio/devices) and finds the device whose {@code name} is {@value #DRIVER_NAME}.
 */
public final class IioThermocouple implements TemperatureSensor {
  /** The IIO device name the driver registers. */
  public static final String DRIVER_NAME = "maxim_thermocouple";

  /** Hot-junction scale of the MAX31855 in the driver, milli-°C per count (0.25 °C). */
  static final double HOT_SCALE_MILLI_C = 250.0;

  /** Cold-junction scale, milli-°C per count (0.0625 °C). */
  static final double COLD_SCALE_MILLI_C = 62.5;

  private final Sysfs sysfs;
  private final Path dir;
  private final Clock clock;

  private IioThermocouple(Sysfs sysfs, Path dir, Clock clock) {
    this.sysfs = sysfs;
    this.dir = dir;
    this.clock = clock;
  }

  /** {@link #open(Path, Clock, Sysfs)} on the real /sys. */
  public static IioThermocouple open(Path deviceOrDevicesDir, Clock clock) throws IOException {
    return open(deviceOrDevicesDir, clock, Sysfs.REAL);
  }

  /**
   * Opens the thermocouple: {@code deviceOrDevicesDir} is either its device directory (checked to
   * be a maxim_thermocouple device) or the directory of all IIO devices, searched for exactly one.
   * Checks the scales and the thermocouple type.
   *
   * @throws IOException naming what is missing or wrong
   */
  public static IioThermocouple open(Path deviceOrDevicesDir, Clock clock, Sysfs sysfs)
      throws IOException {
    Path dir = locate(deviceOrDevicesDir, sysfs);
    checkScale(sysfs, dir.resolve("in_temp_scale"), HOT_SCALE_MILLI_C);
    checkScale(sysfs, dir.resolve("in_temp_ambient_scale"), COLD_SCALE_MILLI_C);
    Path type = dir.resolve("in_temp_thermocouple_type");
    if (sysfs.list(dir).contains(type)) {
      String t = readValue(sysfs, type);
      if (!t.equals("K")) {
        throw new IOException(
            type
                + " says '"
                + t
                + "': this reader corrects for a type-K thermocouple only; use"
                + " dtoverlay=maxtherm,spi0-0,max31855k with a type-K probe");
      }
    }
    return new IioThermocouple(sysfs, dir, clock);
  }

  /** The device directory this reader reads. */
  public Path directory() {
    return dir;
  }

  private static Path locate(Path given, Sysfs sysfs) throws IOException {
    if (!sysfs.isDirectory(given)) {
      throw new NoSuchFileException(given.toString(), null, "no such IIO device directory");
    }
    Path nameFile = given.resolve("name");
    if (sysfs.list(given).contains(nameFile)) {
      String name = readValue(sysfs, nameFile);
      if (name.equals(DRIVER_NAME)) {
        return given;
      }
      Path parent = given.getParent();
      List<Path> found = parent == null ? List.of() : thermocouplesIn(parent, sysfs);
      throw new IOException(
          given
              + " is the IIO device '"
              + name
              + "', not "
              + DRIVER_NAME
              + (found.isEmpty() ? "" : " (that is " + found + ": IIO numbers follow probe order)")
              + "; set pi.iioDevice to /sys/bus/iio/devices to find it by name");
    }
    List<Path> found = thermocouplesIn(given, sysfs);
    if (found.size() == 1) {
      return found.get(0);
    }
    throw new IOException(
        found.isEmpty()
            ? "no IIO device under "
                + given
                + " is named "
                + DRIVER_NAME
                + "; is the maxtherm overlay loaded?"
            : "several IIO devices under "
                + given
                + " are named "
                + DRIVER_NAME
                + " "
                + found
                + "; set pi.iioDevice to the one wired to the chamber thermocouple");
  }

  private static List<Path> thermocouplesIn(Path devices, Sysfs sysfs) throws IOException {
    List<Path> found = new ArrayList<>();
    for (Path p : sysfs.list(devices)) {
      Path name = p.resolve("name");
      if (p.getFileName().toString().startsWith("iio:device")
          && sysfs.isDirectory(p)
          && sysfs.list(p).contains(name)
          && readValue(sysfs, name).equals(DRIVER_NAME)) {
        found.add(p);
      }
    }
    return found;
  }

  /** Reads the hot junction, then the cold junction: two SPI transfers by the driver. */
  @Override
  public TemperatureReading read() throws IOException {
    long at = clock.nanos();
    double chipHotC;
    try {
      chipHotC = readNumber(sysfs, dir.resolve("in_temp_raw")) * HOT_SCALE_MILLI_C / 1000.0;
    } catch (IOException e) {
      if (isFaultBit(e)) {
        return new TemperatureReading(Double.NaN, Double.NaN, null, at);
      }
      throw e;
    }
    double coldC =
        readNumber(sysfs, dir.resolve("in_temp_ambient_raw")) * COLD_SCALE_MILLI_C / 1000.0;
    if (chipHotC == 0.0 && coldC == 0.0) {
      throw new IOException(
          dir
              + " reads 0 counts for both junctions: the frame was all zeros, so no converter"
              + " answered (MISO is pulled low); check the MAX31855's 3.3 V supply and MISO wiring");
    }
    return new TemperatureReading(
        Max31855Frame.hotC(chipHotC, coldC), coldC, ThermocoupleFault.NONE, at);
  }

  /**
   * The driver's -EINVAL, which it returns for the fault bit only; Java words it "Invalid
   * argument".
   */
  private static boolean isFaultBit(IOException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t.getMessage() != null && t.getMessage().contains("Invalid argument")) {
        return true;
      }
    }
    return false;
  }

  private static void checkScale(Sysfs sysfs, Path file, double expected) throws IOException {
    double scale = readNumber(sysfs, file);
    if (Math.abs(scale - expected) > 1e-6) {
      throw new IOException(
          file
              + " holds "
              + scale
              + "; the MAX31855's step in the IIO unit (milli-°C per count)"
              + " is "
              + expected
              + ", so this is another chip or driver whose conversion this reader cannot undo");
    }
  }

  private static double readNumber(Sysfs sysfs, Path file) throws IOException {
    String text = readValue(sysfs, file);
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

  private static String readValue(Sysfs sysfs, Path file) throws IOException {
    try {
      return sysfs.read(file).trim();
    } catch (NoSuchFileException e) {
      throw new NoSuchFileException(file.toString(), null, "missing");
    } catch (IOException e) {
      throw new IOException(
          "reading "
              + file
              + " failed ("
              + e.getMessage()
              + "); the maxim_thermocouple driver"
              + " fails reads while the converter reports a fault (open or shorted thermocouple)",
          e);
    }
  }
}
