package com.smarttoaster.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.smarttoaster.hal.TemperatureReading;
import com.smarttoaster.hal.ThermocoupleFault;
import com.smarttoaster.predict.HeatingProgress;
import org.junit.jupiter.api.Test;

class ChamberWindowTest {
  private static final double WINDOW_S = HeatingProgress.AVERAGE_S;

  private static TemperatureReading at(double s, double c) {
    return new TemperatureReading(c, 21.0, ThermocoupleFault.NONE, (long) (s * 1e9));
  }

  private static long nanos(double s) {
    return Math.round(s * 1e9);
  }

  @Test
  void theMeanCoversTheLastWindowAndEachSampleOnce() {
    ChamberWindow w = new ChamberWindow();
    w.add(at(0.0, 100));
    w.add(at(0.5, 20));
    w.add(at(0.5, 20)); // the same sample seen on two ticks
    w.add(at(WINDOW_S, 22));
    assertEquals(21.0, w.meanBefore(nanos(WINDOW_S)), 1e-9, "samples in (0, window] s");
  }

  @Test
  void samplesBeforeTheLastCyclesHeatStoppedAreLeftOut() {
    ChamberWindow w = new ChamberWindow();
    w.add(at(1.0, 180)); // the previous cycle, still heating
    w.add(at(1.5, 60));
    w.add(at(2.0, 58));
    assertEquals(59.0, w.meanBefore(nanos(2.0), nanos(1.2)), 1e-9);
    assertEquals((180 + 60 + 58) / 3.0, w.meanBefore(nanos(2.0)), 1e-9);
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
    int inWindow = (int) Math.round(WINDOW_S / 0.125);
    double sum = 0;
    for (int k = 0; k < inWindow; k++) {
      sum += 199 - k;
    }
    assertEquals(sum / inWindow, w.meanBefore((long) (199 * 0.125e9)), 1e-9);
  }
}
