package com.smarttoaster.hal.emulated;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.smarttoaster.hal.ThermocoupleFault;
import com.smarttoaster.hal.pi.IioThermocouple;
import com.smarttoaster.hal.sim.SimClock;
import com.smarttoaster.hal.sim.SimulatedThermocouple;
import java.io.IOException;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The real IIO reader on the emulated kernel driver of the emulated chip. */
class MaximThermocoupleSysfsTest {
  private final SimClock clock = new SimClock();
  private final SimulatedThermocouple junction =
      new SimulatedThermocouple(clock, new Random(1), 0.0, 0.0);
  private final Max31855Chip chip;
  private final MaximThermocoupleSysfs sysfs;

  MaximThermocoupleSysfsTest() {
    junction.update(280.0, 25.0, 0.0);
    chip = new Max31855Chip(junction, clock);
    sysfs = new MaximThermocoupleSysfs(chip::transfer, List.of("mcp3008"));
  }

  private void run(double s, double trueC) {
    for (long i = Math.round(s / 0.01); i > 0; i--) {
      clock.advance(10_000_000L);
      junction.update(trueC, 25.0, 0.01);
    }
  }

  @Test
  void theReaderFindsTheDriverByNameBehindAnotherDeviceAndCorrectsTypeK() throws IOException {
    IioThermocouple tc = IioThermocouple.open(MaximThermocoupleSysfs.DEVICES, clock, sysfs);
    assertEquals(MaximThermocoupleSysfs.DEVICES.resolve("iio:device1"), tc.directory());
    assertEquals(
        "1106\n", sysfs.read(tc.directory().resolve("in_temp_raw")), "276.50 °C in 0.25 °C counts");
    assertEquals(
        "400\n",
        sysfs.read(tc.directory().resolve("in_temp_ambient_raw")),
        "25 °C in 0.0625 °C counts");
    assertEquals(280.0, tc.read().chamberC(), 0.25);
    IOException wrong =
        assertThrows(
            IOException.class,
            () ->
                IioThermocouple.open(
                    MaximThermocoupleSysfs.DEVICES.resolve("iio:device0"), clock, sysfs));
    assertTrue(wrong.getMessage().contains("'mcp3008'"), wrong.getMessage());
  }

  /** Each raw read is an SPI transfer: reads every 50 ms abort every conversion, as on SPI. */
  @Test
  void readEvery50msThroughTheDriverTheValueFreezesAndEvery125msItFollows() throws IOException {
    IioThermocouple tc = IioThermocouple.open(MaximThermocoupleSysfs.DEVICES, clock, sysfs);
    double first = tc.read().chamberC();
    for (int i = 0; i < 20; i++) {
      run(0.05, 280.0 + i);
      assertEquals(first, tc.read().chamberC(), 0.0, "read " + i);
    }
    double previous = first;
    for (int i = 0; i < 10; i++) {
      run(0.125, 300.0 + 2 * i);
      double now = tc.read().chamberC();
      assertNotEquals(previous, now, "read " + i);
      previous = now;
    }
    assertEquals(318.0, previous, 0.25);
  }

  @Test
  void aFaultBitMakesTheDriverFailTheReadWithEinvalWhichIsAnUnnamedFaultNotAMissingSample()
      throws IOException {
    IioThermocouple tc = IioThermocouple.open(MaximThermocoupleSysfs.DEVICES, clock, sysfs);
    junction.setWiringFault(ThermocoupleFault.OPEN_CIRCUIT);
    run(0.125, 280.0);
    IOException e =
        assertThrows(IOException.class, () -> sysfs.read(tc.directory().resolve("in_temp_raw")));
    assertTrue(e.getMessage().contains("Invalid argument"), e.getMessage());
    run(0.125, 280.0);
    var r = tc.read();
    assertEquals(null, r.fault(), "a fault the driver does not name");
    assertTrue(!r.isValid() && Double.isNaN(r.chamberC()));
  }

  @Test
  void aDropoutReadsAsNoSampleNotAsZeroDegrees() throws IOException {
    IioThermocouple tc = IioThermocouple.open(MaximThermocoupleSysfs.DEVICES, clock, sysfs);
    junction.startDropout(0.2);
    run(0.125, 280.0);
    assertThrows(IOException.class, tc::read);
  }
}
