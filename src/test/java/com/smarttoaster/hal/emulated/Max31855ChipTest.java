package com.smarttoaster.hal.emulated;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.smarttoaster.hal.TemperatureReading;
import com.smarttoaster.hal.ThermocoupleFault;
import com.smarttoaster.hal.pi.Max31855Frame;
import com.smarttoaster.hal.sim.SimClock;
import com.smarttoaster.hal.sim.SimulatedThermocouple;
import java.io.IOException;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The emulated MAX31855 against its datasheet (19-5793): conversion time and the abort by chip
 * select, fault bits from conversions, reserved bits, the type-K linear conversion, no answer. The
 * junction here has no lag and no noise, so every value is known.
 */
class Max31855ChipTest {
  private final SimClock clock = new SimClock();
  private final SimulatedThermocouple junction =
      new SimulatedThermocouple(clock, new Random(1), 0.0, 0.0);
  private double trueC = 100.0;

  Max31855ChipTest() {
    junction.update(trueC, 25.0, 0.0);
  }

  /** Advances time by {@code s} in 10 ms steps while the junction warms at {@code ratePerS}. */
  private void run(double s, double ratePerS) {
    for (long i = Math.round(s / 0.01); i > 0; i--) {
      clock.advance(10_000_000L);
      trueC += ratePerS * 0.01;
      junction.update(trueC, 25.0, 0.01);
    }
  }

  private static TemperatureReading decode(int frame) throws IOException {
    return Max31855Frame.decode(frame, 0);
  }

  @Test
  void readEvery50msTheValueNeverUpdatesAndAFaultSetMeanwhileIsNeverReported() throws IOException {
    Max31855Chip chip = new Max31855Chip(junction, clock);
    double first = decode(chip.transfer()).chamberC();
    for (int i = 0; i < 100; i++) { // 5 s of a chamber warming at 2 °C/s
      run(0.05, 2.0);
      if (i == 40) {
        junction.setWiringFault(ThermocoupleFault.OPEN_CIRCUIT);
      }
      TemperatureReading r = decode(chip.transfer());
      assertEquals(
          first, r.chamberC(), 0.0, "read " + i + ": CS low every 50 ms aborts every conversion");
      assertEquals(
          ThermocoupleFault.NONE,
          r.fault(),
          "the open thermocouple is never converted, so never seen");
    }
    assertEquals(0, chip.conversions());
    assertTrue(trueC > first + 9, "the junction warmed by 10 °C meanwhile");
  }

  @Test
  void readEvery125msEveryConversionIsSeenAndAFaultWithinOne() throws IOException {
    Max31855Chip chip = new Max31855Chip(junction, clock);
    double previous = decode(chip.transfer()).chamberC();
    for (int i = 0; i < 40; i++) {
      run(0.125, 2.0);
      TemperatureReading r = decode(chip.transfer());
      // The conversion ended 25 ms before the read (100 ms after the previous read's CS high).
      assertEquals(trueC - 2.0 * 0.025, r.chamberC(), 0.3, "read " + i);
      assertNotEquals(previous, r.chamberC(), "read " + i + " is a new conversion");
      previous = r.chamberC();
    }
    assertEquals(40, chip.conversions());
    junction.setWiringFault(ThermocoupleFault.SHORT_TO_GND);
    run(0.125, 0.0);
    assertEquals(ThermocoupleFault.SHORT_TO_GND, decode(chip.transfer()).fault());
  }

  /**
   * Datasheet: 70 ms typical, 100 ms maximum: a read 80 ms after the last finds a typical part
   * done.
   */
  @Test
  void aTypicalPartConvertsIn70ms() throws IOException {
    Max31855Chip typical = new Max31855Chip(junction, clock, Max31855Chip.TYPICAL_CONVERSION_S);
    typical.transfer();
    run(0.06, 10.0);
    typical.transfer();
    assertEquals(0, typical.conversions(), "60 ms is too short");
    run(0.08, 10.0);
    typical.transfer();
    assertEquals(1, typical.conversions(), "80 ms is enough");
  }

  /**
   * NIST: E(280 °C) = 11.382 mV, E(25 °C) = 1.000 mV; the chip sends 10.382 mV / 41.276 µV/°C + 25
   * = 276.5 °C.
   */
  @Test
  void theChipReportsItsLinearConversionOfTheTypeKVoltage() throws IOException {
    junction.update(280.0, 25.0, 0.0);
    Max31855Chip chip = new Max31855Chip(junction, clock);
    int frame = chip.transfer();
    assertEquals(276.5, Max31855Frame.chipHotC(frame), 0.0, "uncorrected: ≈3.5 °C low");
    assertEquals(25.0, Max31855Frame.coldC(frame), 0.0);
    assertEquals(
        280.0, decode(frame).chamberC(), Max31855Frame.HOT_C_PER_COUNT, "corrected within a step");
  }

  @Test
  void reservedBitsD17AndD3AreAlwaysZeroAndD16FollowsTheReasons() {
    Max31855Chip chip = new Max31855Chip(junction, clock);
    for (ThermocoupleFault f : ThermocoupleFault.values()) {
      junction.setWiringFault(f);
      run(0.125, 50.0);
      int frame = chip.transfer();
      assertEquals(0, frame & (1 << 17 | 1 << 3), () -> String.format("frame 0x%08X", frame));
      assertEquals(f != ThermocoupleFault.NONE, (frame & 1 << 16) != 0, f.name());
    }
  }

  @Test
  void aDropoutIsNoAnswerUntilALaterConversionSucceeds() throws IOException {
    Max31855Chip chip = new Max31855Chip(junction, clock);
    run(0.125, 0.0);
    junction.startDropout(0.3);
    run(0.125, 0.0);
    IOException e = assertThrows(IOException.class, () -> decode(chip.transfer()));
    assertTrue(e.getMessage().contains("all zeros"), e.getMessage());
    run(0.125, 0.0);
    assertThrows(IOException.class, () -> decode(chip.transfer()));
    run(0.25, 0.0);
    assertEquals(
        100.0, decode(chip.transfer()).chamberC(), 0.25, "answers again after the dropout");
  }
}
