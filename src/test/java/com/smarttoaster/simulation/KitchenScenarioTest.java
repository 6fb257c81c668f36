package com.smarttoaster.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.smarttoaster.history.CycleOutcome;
import com.smarttoaster.scenario.BreadSpec;
import com.smarttoaster.scenario.EarlierCycle;
import com.smarttoaster.scenario.Scenario;
import com.smarttoaster.toast.BreadType;
import com.smarttoaster.toast.ToastMode;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The scenario additions of DESIGN.md §7 run through the whole appliance: earlier cycles on the
 * same toaster ({@code before}), a config that states other mains than the supply ({@code
 * configuredMainsVolts}) and a 120 V appliance ({@code nominalMainsVolts}).
 */
class KitchenScenarioTest {
  private static final BreadSpec WHITE_12 = new BreadSpec(BreadType.WHITE, 12, 21.0);

  private static Scenario secondBatch(double pauseS) {
    return new Scenario(
        1,
        "second batch after " + pauseS + " s",
        7,
        21.0,
        230.0,
        21.0,
        2,
        WHITE_12,
        4,
        ToastMode.TOAST,
        List.of(),
        List.of(),
        List.of(new EarlierCycle(WHITE_12, 4, ToastMode.TOAST, 2, pauseS)),
        230.0,
        230.0);
  }

  private static Scenario single(double actualV, double configuredV, double nominalV) {
    return new Scenario(
        1,
        "mains",
        7,
        21.0,
        actualV,
        21.0,
        2,
        WHITE_12,
        4,
        ToastMode.TOAST,
        List.of(),
        List.of(),
        List.of(),
        configuredV,
        nominalV);
  }

  @Test
  void theResultDescribesOnlyTheLastCycle() {
    SimulationResult r = Scenarios.run(secondBatch(30), "fixed-timer");

    assertEquals(CycleOutcome.DONE, r.outcome());
    assertTrue(r.events().get(0).atS() >= 0.0, r.events().toString());
    assertTrue(
        r.events().stream().noneMatch(e -> e.event().startsWith("earlier cycle ended")),
        r.events().toString());
    assertEquals(1, r.events().stream().filter(e -> e.event().startsWith("cycle started")).count());
    // One cycle's heat, not two: the fixed timer's shade-4 time.
    assertEquals(r.predictedS(), r.heaterOnS(), 0.5);
  }

  @Test
  void aSecondBatchOnTheSameTimeComesOutDarkerTheSoonerItFollows() {
    double after5 = Scenarios.run(secondBatch(5), "fixed-timer").achievedShade();
    double after300 = Scenarios.run(secondBatch(300), "fixed-timer").achievedShade();
    double cold = Scenarios.run(single(230, 230, 230), "fixed-timer").achievedShade();

    assertTrue(after5 > after300 + 0.5, after5 + " vs " + after300);
    assertTrue(after300 > cold, after300 + " vs " + cold);
  }

  @Test
  void theOracleSeesTheHeatLeftByTheFirstCycle() {
    SimulationResult r = Scenarios.run(secondBatch(5), "oracle");

    assertEquals(4.0, r.achievedShade(), 0.15);
    double coldS = Scenarios.run(single(230, 230, 230), "oracle").predictedS();
    assertTrue(r.predictedS() < coldS - 10, r.predictedS() + " vs " + coldS);
  }

  @Test
  void lowMainsThatTheConfigDoesNotKnowMakesAFixedTimeLighter() {
    double configuredRight = Scenarios.run(single(207, 207, 230), "fallback").achievedShade();
    double configuredWrong = Scenarios.run(single(207, 230, 230), "fallback").achievedShade();

    assertTrue(configuredWrong < configuredRight - 0.5, configuredWrong + " vs " + configuredRight);
  }

  @Test
  void aHundredAndTwentyVoltApplianceOnItsOwnMainsToastsLikeAEuropeanOne() {
    SimulationResult us = Scenarios.run(single(120, 120, 120), "oracle");
    SimulationResult eu = Scenarios.run(single(230, 230, 230), "oracle");

    assertEquals(eu.predictedS(), us.predictedS(), 0.5);
    assertEquals(4.0, us.achievedShade(), 0.15);
  }

  @Test
  void twoAlikeEarlierCyclesStillLeaveTheMeasuredCycleItsOwnSettings() {
    EarlierCycle lightest = new EarlierCycle(WHITE_12, 1, ToastMode.TOAST, 2, 300);
    Scenario s =
        new Scenario(
            1,
            "two alike, then dark",
            7,
            21.0,
            230.0,
            21.0,
            2,
            WHITE_12,
            6,
            ToastMode.TOAST,
            List.of(),
            List.of(),
            List.of(lightest, lightest),
            230.0,
            230.0);

    SimulationResult r = Scenarios.run(s, "oracle");

    assertEquals(6.0, r.achievedShade(), 0.15);
  }

  @Test
  void earlierCyclesRunOnTheEmulatedPiToo() {
    SimulationResult sim = Scenarios.runOn("sim", secondBatch(20), "oracle");
    SimulationResult pi = Scenarios.runOn("pi-emulated", secondBatch(20), "oracle");

    assertEquals(CycleOutcome.DONE, sim.outcome());
    assertEquals(CycleOutcome.DONE, pi.outcome());
    assertEquals(sim.achievedShade(), pi.achievedShade(), 0.2);
  }
}
