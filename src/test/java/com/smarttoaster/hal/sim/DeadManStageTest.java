package com.smarttoaster.hal.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The hardware dead-man as wired in the simulated appliance: heat and the carriage hold only while
 * the trigger pin keeps toggling; a pin left high or low, or no toggling at all, cuts both within
 * the design bound (hardware/README.md, "Dead-man"). Time is stepped, never slept.
 */
class DeadManStageTest {
  private static final long STEP_NANOS = 10_000_000L;

  /** Heat must stop within this long of the trigger pin's last edge (issue 10). */
  private static final double HEAT_CUT_BUDGET_S = 0.5;

  private final SimClock clock = new SimClock();
  private final SimulatedAppliance appliance =
      new SimulatedAppliance(ApplianceConditions.typical(), 1, clock);
  private double nextToggleS;

  private double nowS() {
    return clock.nanos() / 1e9;
  }

  private void step() {
    appliance.step(STEP_NANOS / 1e9);
    clock.advance(STEP_NANOS);
  }

  /** A cycle in progress: lever pushed, heater and magnet GPIOs high, the dead-man fed once. */
  private void startHeating() {
    appliance.deadMan().toggle();
    appliance.setSsrInput(true);
    appliance.setMagnetDrive(true);
    appliance.pushLever();
  }

  /**
   * Runs {@code seconds}, toggling the pin every 50 ms plus a random delay up to {@code jitterS}.
   */
  private void toggleFor(double seconds, double jitterS, Random rng) {
    double end = nowS() + seconds;
    while (nowS() < end) {
      if (nowS() >= nextToggleS) {
        appliance.deadMan().toggle();
        nextToggleS = nowS() + 0.05 + jitterS * rng.nextDouble();
      }
      step();
      assertTrue(
          appliance.isHeatFlowing(), "heat stopped at " + nowS() + " s while the pin toggled");
      assertTrue(
          appliance.isMagnetHolding(), "magnet let go at " + nowS() + " s while the pin toggled");
    }
  }

  /** Steps until heat stops; returns how long after {@code lastEdgeS} that was. */
  private double secondsUntilHeatStops(double lastEdgeS) {
    while (appliance.isHeatFlowing() && nowS() < lastEdgeS + 5) {
      step();
    }
    return nowS() - lastEdgeS;
  }

  /** Steps until the carriage is up; returns how long after {@code lastEdgeS} that was. */
  private double secondsUntilCarriageDrops(double lastEdgeS) {
    while (appliance.isCarriageDown() && nowS() < lastEdgeS + 5) {
      step();
    }
    return nowS() - lastEdgeS;
  }

  @Test
  void theShortestPulseBridgesTheTriggerPeriodWithRoomForLateTicks() {
    double slackS = DeadManStage.MIN_S - DeadManStage.TRIGGER_PERIOD_S;
    assertTrue(
        slackS >= 0.1,
        "shortest pulse "
            + DeadManStage.MIN_S
            + " s leaves only "
            + slackS
            + " s over the 0.1 s between rising edges: two late ticks would cut heat");
    assertTrue(
        DeadManStage.MAX_S + ZeroCrossSsr.HALF_CYCLE_NANOS / 1e9 <= HEAT_CUT_BUDGET_S,
        "longest pulse plus half a mains cycle exceeds the 0.5 s heat-cut budget");
    assertTrue(
        DeadManStage.MIN_S < DeadManStage.NOMINAL_S && DeadManStage.NOMINAL_S < DeadManStage.MAX_S,
        "tolerance band must contain the nominal pulse");
  }

  @Test
  void theToleranceBandFollowsFromThePartsTolerances() {
    double high =
        (1 + DeadManStage.PART_TOLERANCE)
            * (1 + DeadManStage.CAP_TOLERANCE)
            * (1 + DeadManStage.CAP_DRIFT)
            * (1 + DeadManStage.RESISTOR_TOLERANCE);
    double low =
        (1 - DeadManStage.PART_TOLERANCE)
            * (1 - DeadManStage.CAP_TOLERANCE)
            * (1 - DeadManStage.CAP_DRIFT)
            * (1 - DeadManStage.RESISTOR_TOLERANCE);
    assertTrue(
        DeadManStage.MAX_S >= DeadManStage.NOMINAL_S * high,
        "MAX_S "
            + DeadManStage.MAX_S
            + " s is below the worst case "
            + DeadManStage.NOMINAL_S * high
            + " s");
    assertTrue(
        DeadManStage.MIN_S <= DeadManStage.NOMINAL_S * low,
        "MIN_S "
            + DeadManStage.MIN_S
            + " s is above the worst case "
            + DeadManStage.NOMINAL_S * low
            + " s");
    assertEquals(
        DeadManStage.MAX_S,
        SimulatedAppliance.DEAD_MAN_TIMEOUT_S,
        0.0,
        "the model must use the longest pulse");
  }

  @Test
  void offAtPowerUpUntilTheFirstRisingEdge() {
    appliance.setSsrInput(true);
    appliance.setMagnetDrive(true);
    appliance.pushLever();
    assertFalse(appliance.isDeadManEnabling(), "dead-man enabling before any edge");
    assertFalse(appliance.isHeatFlowing(), "heat with the dead-man never triggered");
    appliance.deadManInput(false); // a level, not a rising edge
    assertFalse(appliance.isDeadManEnabling(), "a low level must not trigger the monostable");
  }

  @Test
  void togglingEvery50MsWithJitterKeepsHeatAndTheCarriage() {
    startHeating();
    // up to 60 ms late per tick, worse than a Pi's scheduler with a GC pause now and then
    toggleFor(120, 0.06, new Random(7));
  }

  @Test
  void aPinLeftHighCutsHeatAndDropsTheCarriageWithinTheBound() {
    startHeating();
    toggleFor(5, 0.02, new Random(3));
    if (appliance.deadManLevel()) {
      appliance.deadMan().toggle();
    }
    appliance.deadMan().toggle(); // a rising edge, then the software dies with the pin high
    double lastEdgeS = nowS();
    double cutS = secondsUntilHeatStops(lastEdgeS);
    assertTrue(
        cutS <= HEAT_CUT_BUDGET_S,
        "heat ran " + cutS + " s after the last (rising) edge, budget " + HEAT_CUT_BUDGET_S + " s");
    assertTrue(
        cutS >= DeadManStage.MAX_S,
        "heat stopped " + cutS + " s after the last edge, before the modelled pulse ended");
    assertFalse(appliance.isMagnetHolding(), "the magnet still holds after the dead-man timed out");
    double dropS = secondsUntilCarriageDrops(lastEdgeS);
    assertTrue(
        dropS <= HEAT_CUT_BUDGET_S,
        "the carriage stayed down "
            + dropS
            + " s after the last edge, budget "
            + HEAT_CUT_BUDGET_S
            + " s");
  }

  @Test
  void aPinLeftLowCutsHeatWithinTheBoundOfTheLastRisingEdge() {
    startHeating();
    toggleFor(5, 0.02, new Random(5));
    if (appliance.deadManLevel()) {
      appliance.deadMan().toggle(); // the software dies right after driving the pin low
    }
    double lastEdgeS = nowS();
    double cutS = secondsUntilHeatStops(lastEdgeS);
    assertTrue(
        cutS <= HEAT_CUT_BUDGET_S,
        "heat ran "
            + cutS
            + " s after the last (falling) edge, budget "
            + HEAT_CUT_BUDGET_S
            + " s");
    double dropS = secondsUntilCarriageDrops(lastEdgeS);
    assertTrue(
        dropS <= HEAT_CUT_BUDGET_S,
        "the carriage stayed down "
            + dropS
            + " s after the last edge, budget "
            + HEAT_CUT_BUDGET_S
            + " s");
  }

  @Test
  void theZeroCrossRelayRunsToTheNextCurrentZeroAfterItsDriveGoesOff() {
    startHeating();
    step();
    clock.advance(3_000_000L); // 3 ms into a half-cycle
    appliance.setSsrInput(false);
    assertTrue(appliance.isHeatFlowing(), "a triac conducts until the current next passes zero");
    clock.advance(7_000_000L); // the next zero crossing
    assertFalse(appliance.isHeatFlowing(), "still conducting after the current zero");
  }
}
