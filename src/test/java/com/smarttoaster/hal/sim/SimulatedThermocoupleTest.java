package com.smarttoaster.hal.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.smarttoaster.hal.Clock;
import com.smarttoaster.hal.TemperatureReading;
import com.smarttoaster.hal.ThermocoupleFault;
import java.io.IOException;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SimulatedThermocoupleTest {
  private static final double DT = 0.01;

  /** A clock the test steps by hand. */
  private static final class SteppedClock implements Clock {
    long nanos;

    @Override
    public long nanos() {
      return nanos;
    }

    void advance(double seconds) {
      nanos += Math.round(seconds * 1e9);
    }
  }

  private SteppedClock clock;
  private SimulatedThermocouple tc;

  @BeforeEach
  void setUp() {
    clock = new SteppedClock();
    tc = new SimulatedThermocouple(clock, new Random(42));
  }

  /** Feeds a constant true temperature for {@code seconds}, stepping the clock alongside. */
  private void hold(double trueC, double ambientC, double seconds) {
    long steps = Math.round(seconds / DT);
    for (long i = 0; i < steps; i++) {
      tc.update(trueC, ambientC, DT);
      clock.advance(DT);
    }
  }

  private static double[] meanAndSigma(SimulatedThermocouple t, int n) throws IOException {
    double sum = 0;
    double sumSq = 0;
    for (int i = 0; i < n; i++) {
      double v = t.read().chamberC();
      sum += v;
      sumSq += v * v;
    }
    double mean = sum / n;
    return new double[] {mean, Math.sqrt(sumSq / n - mean * mean)};
  }

  @Test
  void firstUpdateStartsTheJunctionAtTheTrueTemperature() throws IOException {
    tc.update(180.0, 21.0, DT);
    assertEquals(
        180.0, tc.junctionC(), 1e-12, "no warm-up transient from 0 °C on the first sample");
    assertEquals(180.0, tc.read().chamberC(), 1.5, "first reading is the true temperature ± noise");
  }

  @Test
  void junctionLagsWithTheConfiguredTimeConstant() {
    hold(20.0, 20.0, 1.0);
    hold(300.0, 20.0, SimulatedThermocouple.DEFAULT_TAU_S);
    double expected = 20.0 + 280.0 * (1 - Math.exp(-1.0));
    assertEquals(
        expected, tc.junctionC(), 0.5, "after one time constant the junction is 63 % of the way");
  }

  @Test
  void anOverTemperatureShowsWithinHalfASecond() throws IOException {
    hold(250.0, 21.0, 2.0);
    hold(300.0, 21.0, 0.5);
    double reading = tc.read().chamberC();
    assertTrue(
        reading > 290.0,
        "0.5 s after a step to 300 °C the reading should exceed 290 °C, was " + reading);
  }

  @Test
  void noiseHasTheConfiguredSigmaAndNoBias() throws IOException {
    hold(150.0, 21.0, 2.0);
    double[] ms = meanAndSigma(tc, 20_000);
    assertEquals(150.0, ms[0], 0.02, "mean of 20 000 readings");
    // 0.3 °C Gaussian plus uniform quantisation error (0.25²/12): about 0.309 °C
    assertEquals(0.309, ms[1], 0.01, "standard deviation of 20 000 readings");
  }

  @Test
  void readingsAreQuantisedLikeAMax31855() throws IOException {
    hold(123.456, 21.37, 1.0);
    for (int i = 0; i < 200; i++) {
      TemperatureReading r = tc.read();
      assertEquals(
          0.0,
          Math.IEEEremainder(r.chamberC(), 0.25),
          1e-9,
          "chamber LSB is 0.25 °C: " + r.chamberC());
      assertEquals(21.375, r.coldJunctionC(), 1e-12, "cold junction is ambient to 0.0625 °C");
      assertEquals(ThermocoupleFault.NONE, r.fault());
      assertTrue(r.isValid());
    }
  }

  @Test
  void sameSeedGivesTheSameReadings() throws IOException {
    SimulatedThermocouple a = new SimulatedThermocouple(clock, new Random(7));
    SimulatedThermocouple b = new SimulatedThermocouple(clock, new Random(7));
    for (int i = 0; i < 100; i++) {
      a.update(100 + i, 20, DT);
      b.update(100 + i, 20, DT);
      assertEquals(a.read(), b.read(), "sample " + i);
    }
  }

  @Test
  void samplesCarryTheClockTime() throws IOException {
    hold(50, 20, 1.25);
    assertEquals(1_250_000_000L, tc.read().atNanos());
    assertEquals(77L, tc.sample(77L).atNanos());
  }

  @ParameterizedTest
  @EnumSource(
      value = ThermocoupleFault.class,
      names = {"OPEN_CIRCUIT", "SHORT_TO_GND", "SHORT_TO_VCC"})
  void wiringFaultsSetTheFaultBitsAndClear(ThermocoupleFault fault) throws IOException {
    hold(120, 21, 1);
    tc.setWiringFault(fault);
    TemperatureReading r = tc.read();
    assertEquals(fault, r.fault(), "fault bits");
    assertFalse(r.isValid(), "a faulted sample is never valid");
    assertTrue(Double.isNaN(r.chamberC()), "chamber value is meaningless under a fault");
    assertEquals(21.0, r.coldJunctionC(), 1e-9, "cold junction still reads");
    tc.setWiringFault(ThermocoupleFault.NONE);
    assertTrue(tc.read().isValid(), "clearing the fault restores valid samples");
  }

  @Test
  void stuckFreezesExactlyTheLastReading() throws IOException {
    hold(100, 21, 1);
    double last = tc.read().chamberC();
    tc.setStuck(true);
    hold(250, 21, 3);
    for (int i = 0; i < 50; i++) {
      assertEquals(last, tc.read().chamberC(), 0.0, "stuck reading must not move at all");
    }
    tc.setStuck(false);
    assertEquals(250, tc.read().chamberC(), 1.5, "released, it follows the chamber again");
  }

  @Test
  void stuckBeforeAnyReadFreezesTheFirstReading() throws IOException {
    hold(80, 21, 1);
    tc.setStuck(true);
    double first = tc.read().chamberC();
    hold(200, 21, 1);
    assertEquals(first, tc.read().chamberC(), 0.0);
  }

  @Test
  void driftGrowsLinearlyFromWhenItWasSet() throws IOException {
    hold(100, 21, 1);
    tc.setDrift(2.0);
    hold(100, 21, 10);
    double[] ms = meanAndSigma(tc, 4000);
    assertEquals(120.0, ms[0], 0.05, "10 s at 2 °C/s adds 20 °C");
  }

  @Test
  void extraNoiseWidensTheSpread() throws IOException {
    hold(100, 21, 1);
    tc.setExtraNoise(3.0);
    double[] ms = meanAndSigma(tc, 20_000);
    assertEquals(100.0, ms[0], 0.1, "extra noise is unbiased");
    assertEquals(Math.sqrt(9 + 0.09 + 0.0052), ms[1], 0.06, "σ combines 3 °C and 0.3 °C");
  }

  @Test
  void dropoutThrowsForItsDurationThenRecovers() throws IOException {
    hold(100, 21, 1);
    tc.startDropout(0.5);
    IOException e = assertThrows(IOException.class, tc::read, "no sample during a dropout");
    assertTrue(e.getMessage().contains("dropout"), e.getMessage());
    hold(100, 21, 0.49);
    assertThrows(IOException.class, tc::read, "still inside the dropout at 0.49 s");
    hold(100, 21, 0.02);
    assertTrue(tc.read().isValid(), "samples return after the dropout");
  }

  @Test
  void dropoutTakesPrecedenceOverWiringFaults() {
    hold(100, 21, 1);
    tc.setWiringFault(ThermocoupleFault.OPEN_CIRCUIT);
    tc.startDropout(1);
    assertThrows(IOException.class, tc::read);
  }

  @Test
  void clearFaultsRemovesEverything() throws IOException {
    hold(100, 21, 1);
    tc.setWiringFault(ThermocoupleFault.SHORT_TO_GND);
    tc.setStuck(true);
    tc.setDrift(5);
    tc.setExtraNoise(10);
    tc.startDropout(100);
    tc.clearFaults();
    hold(100, 21, 1);
    double[] ms = meanAndSigma(tc, 2000);
    assertEquals(100, ms[0], 0.05);
    assertEquals(0.309, ms[1], 0.03);
  }

  @Test
  void readBeforeAnyUpdateIsAProgrammingError() {
    IllegalStateException e = assertThrows(IllegalStateException.class, tc::read);
    assertTrue(e.getMessage().contains("update"), e.getMessage());
  }

  @Test
  void rejectsNonsenseSettings() {
    Random r = new Random(1);
    assertThrows(
        IllegalArgumentException.class, () -> new SimulatedThermocouple(clock, r, -1, 0.3));
    assertThrows(
        IllegalArgumentException.class, () -> new SimulatedThermocouple(clock, r, 0.3, Double.NaN));
    assertThrows(IllegalArgumentException.class, () -> new SimulatedThermocouple(null, r));
    assertThrows(IllegalArgumentException.class, () -> tc.setExtraNoise(-1));
    assertThrows(IllegalArgumentException.class, () -> tc.startDropout(Double.POSITIVE_INFINITY));
    assertThrows(IllegalArgumentException.class, () -> tc.setDrift(Double.NaN));
    assertThrows(IllegalArgumentException.class, () -> tc.setWiringFault(null));
  }
}
