package com.smarttoaster.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.smarttoaster.safety.fakes.SafetyLimitsBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HeatRiseCheckTest {
  /** Readings averaged over rateWindowS (0.5 s) end 20 s of heating: their mean is at 19.75 s. */
  private static final double MEAN_AT_S = 19.75;

  @Test
  void riseJustShortOfTheMinimumTripsAfterTwentySecondsOfHeating() {
    SafetyBench bench = SafetyBench.create();
    bench.startToasting(); // sample before heating: 21.0 °C
    bench.sensor.ramp(21.0, 0.095);

    double tripAfter = bench.runUntilFault(30);

    assertEquals(20.0, tripAfter, 1e-9, "decided once the heat time reaches 20 s");
    Fault fault = bench.assertTripped(FaultCode.NO_HEAT_RISE);
    assertEquals(0.095 * MEAN_AT_S, fault.measured(), 1e-9);
    assertEquals(2.0, fault.limit(), "from a chamber at room temperature the full noRiseMinC");
    assertTrue(fault.code().needsService());
    assertEquals(
        "No heat rise: chamber changed by +1.88 °C in 20.0 s of heating (from 21.0 °C to 22.88 °C),"
            + " at least +2.0 °C expected (+2.0 °C less 0.07 °C per °C the start was above the room:"
            + " 0.0 °C above 21.0 °C). Heat cut and bread released. A heating element may be"
            + " broken or the temperature sensor detached. Unplug the toaster and have it serviced;"
            + " do not use it until it is repaired.",
        fault.message());
  }

  @Test
  void riseJustOverTheMinimumPasses() {
    SafetyBench bench = SafetyBench.create();
    bench.startToasting();
    bench.sensor.ramp(21.0, 0.105);

    bench.run(60);

    bench.assertNoFault();
  }

  @Test
  void brokenElementWithANoisySensorIsFound() {
    SafetyBench bench = SafetyBench.create();
    bench.chamber.setHeatRateCPerS(0.0);
    bench.sensor.setNoise(0.3, 42).setQuantum(0.25);

    bench.startToasting();
    double tripAfter = bench.runUntilFault(30);

    assertEquals(20.0, tripAfter, 1e-9);
    bench.assertTripped(FaultCode.NO_HEAT_RISE);
  }

  @Test
  void windowCountsHeatingTimeNotWallTime() {
    SafetyBench bench = SafetyBench.create();
    bench.sensor.setQuantum(0.25);
    bench.chamber.setHeatRateCPerS(0.075); // weak: 1.5 °C in 20 s of heating
    bench.startToasting();
    bench.run(10);
    bench.supervisor.requestHeat(false);
    bench.run(15);
    bench.assertNoFault();
    bench.supervisor.requestHeat(true);

    double tripAfter = bench.runUntilFault(20);

    assertEquals(10.0, tripAfter, 0.1, "the remaining 10 s of the 20 s heating window");
    bench.assertTripped(FaultCode.NO_HEAT_RISE);
  }

  @Test
  void eachCycleIsJudgedAfresh() {
    SafetyBench bench = SafetyBench.create();
    bench.startToasting();
    bench.run(60); // a healthy first cycle
    bench.supervisor.endCycle();
    bench.run(1);
    bench.chamber.setHeatRateCPerS(0.0); // the element breaks before the second cycle
    bench.sensor.setNoise(0.3, 7);

    bench.startToasting();
    double tripAfter = bench.runUntilFault(30);

    assertEquals(20.0, tripAfter, 1e-9);
    bench.assertTripped(FaultCode.NO_HEAT_RISE);
  }

  // ---- a hot chamber ---------------------------------------------------------------------------

  @Test
  void aHotChamberThatBarelyRisesPasses() {
    // Back to back, a working element moves a chamber near 230 °C by only about +1 °C in 20 s.
    SafetyBench bench = hotBench(231.0, 21.0);
    bench.startToasting();
    bench.sensor.ramp(231.0, 0.05);

    bench.run(60);

    bench.assertNoFault();
  }

  @Test
  void aHotChamberThatFallsALittleWhileFreshBreadGoesInPasses() {
    // Fresh bread pulls a hot chamber down at first: about -5 °C in 20 s from 166 °C.
    SafetyBench bench = hotBench(166.0, 21.0);
    bench.startToasting();
    bench.sensor.ramp(166.0, -0.25);

    bench.run(25);

    bench.assertNoFault();
  }

  @Test
  void aHotChamberThatFallsLikeOneWithABrokenElementTrips() {
    // With no heat a 231 °C chamber falls about 15 °C in 20 s.
    SafetyBench bench = hotBench(231.0, 21.0);
    bench.startToasting();
    bench.sensor.ramp(231.0, -0.75);

    double tripAfter = bench.runUntilFault(30);

    assertEquals(20.0, tripAfter, 1e-9);
    Fault fault = bench.assertTripped(FaultCode.NO_HEAT_RISE);
    assertEquals(-0.75 * MEAN_AT_S, fault.measured(), 1e-9, "the change");
    assertEquals(2.0 - 0.07 * 210.0, fault.limit(), 1e-9, "the demand applied: -12.7 °C");
    assertEquals(
        "No heat rise: chamber changed by -14.81 °C in 20.0 s of heating (from 231.0 °C to 216.19 °C),"
            + " at least -12.7 °C expected (+2.0 °C less 0.07 °C per °C the start was above the room:"
            + " 210.0 °C above 21.0 °C). Heat cut and bread released. A heating element may be"
            + " broken or the temperature sensor detached. Unplug the toaster and have it serviced;"
            + " do not use it until it is repaired.",
        fault.message());
  }

  /**
   * Just above the demand passes, just below trips with the demand as the fault's limit. Rows: the
   * chamber at the start, the cold junction, the demand.
   */
  @ParameterizedTest(name = "from {0} °C, cold junction {1} °C: at least {2} °C")
  @CsvSource({
    "21.0,  21.0,  2.0", // cold: the full noRiseMinC
    "121.0, 21.0,  -5.0", // 100 °C above the room: 2 - 0.07 x 100
    "231.0, 21.0,  -12.7",
    "60.0,  40.0,  0.6", // a hot kitchen
    "21.0,  25.0,  2.0", // a chamber below the cold junction earns no allowance and owes no more
    "60.0,  -40.0, -1.85", // a cold junction far too cold counts as a 5 °C room
    "100.0, 85.0,  -2.2", // one far too warm counts as a 40 °C room
    "100.0, NaN,   -2.2", // one that is no number earns the least allowance, as a 40 °C room
  })
  void theDemandFallsWithHowFarTheChamberStartsAboveTheRoom(
      double startC, double coldJunctionC, double demandC) {
    SafetyBench passes = hotBench(startC, coldJunctionC);
    passes.startToasting();
    passes.sensor.ramp(startC, (demandC + 0.01) / MEAN_AT_S);
    passes.run(21);
    passes.assertNoFault();

    SafetyBench trips = hotBench(startC, coldJunctionC);
    trips.startToasting();
    trips.sensor.ramp(startC, (demandC - 0.01) / MEAN_AT_S);
    assertEquals(20.0, trips.runUntilFault(21), 1e-9);
    Fault fault = trips.assertTripped(FaultCode.NO_HEAT_RISE);
    assertEquals(demandC, fault.limit(), 1e-9);
    assertEquals(demandC - 0.01, fault.measured(), 1e-9);
  }

  @Test
  void aColdJunctionOutsideTheBelievableRoomsIsNamedInTheMessage() {
    SafetyBench bench = hotBench(60.0, -40.0);
    bench.startToasting();
    bench.sensor.ramp(60.0, -0.2);

    bench.runUntilFault(21);

    String message = bench.assertTripped(FaultCode.NO_HEAT_RISE).message();
    assertTrue(
        message.contains(
            "at least -1.85 °C expected (+2.0 °C less 0.07 °C per °C the start was above the room:"
                + " 55.0 °C above 5.0 °C; the cold junction read -40.0 °C, counted within 5.0..40.0 °C)."),
        message);
  }

  @Test
  void withoutAnAllowanceEveryStartOwesTheFullMinimum() {
    SafetyLimits flat = SafetyLimitsBuilder.defaults().set("noRiseHotAllowanceCPerC", 0.0).build();
    SafetyBench bench = SafetyBench.create(flat);
    bench.sensor.setChamberC(231.0);
    bench.run(1);
    bench.startToasting();
    bench.sensor.ramp(231.0, 0.05);

    bench.runUntilFault(21);

    Fault fault = bench.assertTripped(FaultCode.NO_HEAT_RISE);
    assertEquals(2.0, fault.limit());
    assertTrue(
        fault.message().contains("(+2.0 °C less 0 °C per °C the start was above the room:"),
        fault.message());
  }

  @Test
  void oneOddSampleJustBeforeHeatingDoesNotSetTheStart() {
    // The readings before heating alternate 233 / 229 °C and the last one is 233 °C. Measured from
    // that one sample, -12 °C would be a fall of -14 °C and trip (demand about -12.9 °C); the start
    // is their mean over rateWindowS, 231.2 °C.
    SafetyBench bench = hotBench(231.0, 21.0);
    double[] alternating = new double[bench.periods(1) + 1];
    for (int i = 0; i < alternating.length; i++) {
      alternating[i] = i % 2 == 0 ? 233.0 : 229.0;
    }
    bench.sensor.enqueue(alternating);
    bench.run(1);
    bench.startToasting();
    bench.sensor.ramp(231.0, -12.0 / MEAN_AT_S);

    bench.run(21);

    bench.assertNoFault();
  }

  @Test
  void anAllowanceThatWouldHideABrokenElementIsRefused() {
    SafetyLimits tooMuch =
        SafetyLimitsBuilder.defaults().set("noRiseHotAllowanceCPerC", 0.2).build();

    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> SafetyLimitsCheck.requireSane(tooMuch));

    assertEquals(
        "SafetyLimits.noRiseHotAllowanceCPerC must be between 0.0 and 0.08 (more would let a broken"
            + " element in a hot chamber pass), was 0.2",
        e.getMessage());
  }

  /** Default limits; the chamber has read {@code chamberC} for a second, idle. */
  private static SafetyBench hotBench(double chamberC, double coldJunctionC) {
    SafetyBench bench = SafetyBench.create();
    bench.sensor.setChamberC(chamberC).setColdJunctionC(coldJunctionC);
    bench.run(1);
    return bench;
  }
}
