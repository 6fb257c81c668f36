package com.smarttoaster.hal.emulated;

import com.smarttoaster.hal.pi.Sysfs;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The kernel's view of the MAX31855: the IIO devices directory with the {@code maxim_thermocouple}
 * driver's device (drivers/iio/temperature/maxim_thermocouple.c, compatible "maxim,max31855k") and,
 * optionally, other IIO devices before it. Its attributes are not stored text: as in the driver,
 * every read of a raw attribute is one SPI read of the chip (so it aborts a conversion in
 * progress), fails with EINVAL while the frame's fault bit D16 is set (the driver's status_bit
 * check), and otherwise returns the field sign-extended: hot junction = frame bits 31..18 (14
 * bits), ambient = bits 15..4 (12 bits). Scales are the driver's constants: 250 and 62.500000
 * milli-°C per count (IIO_VAL_INT and IIO_VAL_INT_PLUS_MICRO); in_temp_thermocouple_type is K.
 */
public final class MaximThermocoupleSysfs implements Sysfs {
  /** Where the kernel lists IIO devices. */
  public static final Path DEVICES = Path.of("/sys/bus/iio/devices");

  private final EmulatedSpi.Chip chip;
  private final Path device;

  /** Every device directory with its static attributes (name and the like). */
  private final Map<Path, Map<String, String>> devices = new TreeMap<>();

  /**
   * @param chip the MAX31855 on the SPI bus
   * @param otherDevicesFirst names of IIO devices that probed before the thermocouple (e.g.
   *     "mcp3008"): they take iio:device0, 1, … and the thermocouple the next number
   */
  public MaximThermocoupleSysfs(EmulatedSpi.Chip chip, List<String> otherDevicesFirst) {
    this.chip = chip;
    int n = 0;
    for (String name : otherDevicesFirst) {
      devices.put(DEVICES.resolve("iio:device" + n++), Map.of("name", name + "\n"));
    }
    this.device = DEVICES.resolve("iio:device" + n);
    devices.put(
        device,
        Map.of(
            "name", "maxim_thermocouple\n",
            "in_temp_scale", "250\n",
            "in_temp_ambient_scale", "62.500000\n",
            "in_temp_thermocouple_type", "K\n"));
  }

  /** The thermocouple's device directory. */
  public Path device() {
    return device;
  }

  @Override
  public String read(Path attribute) throws IOException {
    Path dir = attribute.getParent();
    String file = attribute.getFileName().toString();
    if (dir != null && dir.equals(device)) {
      if (file.equals("in_temp_raw")) {
        return field(attribute, 18, 14);
      }
      if (file.equals("in_temp_ambient_raw")) {
        return field(attribute, 4, 12);
      }
    }
    Map<String, String> attrs = dir == null ? null : devices.get(dir);
    if (attrs == null || !attrs.containsKey(file)) {
      throw new NoSuchFileException(attribute.toString());
    }
    return attrs.get(file);
  }

  private String field(Path attribute, int shift, int bits) throws IOException {
    int frame = chip.transfer();
    if ((frame & (1 << 16)) != 0) {
      // the driver's -EINVAL on the fault bit, worded as the JDK words EINVAL from read(2)
      throw new IOException(attribute + ": Invalid argument");
    }
    int value = (frame >> shift) << (32 - bits) >> (32 - bits);
    return value + "\n";
  }

  @Override
  public boolean isDirectory(Path path) {
    return path.equals(DEVICES) || devices.containsKey(path);
  }

  @Override
  public List<Path> list(Path dir) throws IOException {
    if (dir.equals(DEVICES)) {
      return new ArrayList<>(devices.keySet());
    }
    Map<String, String> attrs = devices.get(dir);
    if (attrs == null) {
      throw new NoSuchFileException(dir.toString());
    }
    List<Path> out = new ArrayList<>();
    for (String f : attrs.keySet()) {
      out.add(dir.resolve(f));
    }
    if (dir.equals(device)) {
      out.add(dir.resolve("in_temp_raw"));
      out.add(dir.resolve("in_temp_ambient_raw"));
    }
    out.sort(null);
    return out;
  }
}
