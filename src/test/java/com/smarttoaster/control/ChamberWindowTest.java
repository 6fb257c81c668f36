package com.smarttoaster.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.smarttoaster.hal.TemperatureReading;
import com.smarttoaster.hal.ThermocoupleFault;
import org.junit.jupiter.api.Test;

class ChamberWindowTest {
  private static TemperatureReading at(double s, double c) {
    return new TemperatureReading(c, 21.0, ThermocoupleFault.NONE, (long) (s * 1e9));
  }

  @Test
  void theMeanCoversTheLastSecondAndEachSampleOnce() {
    ChamberWindow w = new ChamberWindow();
    w.add(at(0.0, 100));
    w.add(at(0.5, 20));
    w.add(at(0.5, 20)); // the same sample seen on two ticks
    w.add(at(1.0, 22));
    assertEquals(21.0, w.meanBefore(1_000_000_000L), 1e-9, "samples in (0, 1] s");
  }

  @Test
  void invalidSamplesAreSkippedAndNoSampleGivesNaN() {
    ChamberWindow w = new ChamberWindow();
    w.add(new TemperatureReading(Double.NaN, 21.0, ThermocoupleFault.OPEN_CIRCUIT, 500_000_000L));
    w.add(null);
    assertTrue(Double.isNaN(w.meanBefore(1_000_000_000L)));
    for (int i = 0; i < 200; i++) {
      w.add(at(i * 0.125, i));
    }
    assertEquals(
        (199 + 198 + 197 + 196 + 195 + 194 + 193 + 192) / 8.0,
        w.meanBefore((long) (199 * 0.125e9)),
        1e-9);
  }
}
