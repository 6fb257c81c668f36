package com.smarttoaster.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class StartInterlockTest {

  @Test
  void refusesWithTheLeverUp() {
    SafetyBench bench = SafetyBench.create();

    assertFalse(bench.supervisor.holdCarriage());

    assertFalse(bench.latch.isHeld());
    assertEquals(0, bench.latch.holdCount(), "must not even try to hold");
    bench.supervisor.requestHeat(true);
    bench.run(1);
    assertTrue(bench.heater.changes().isEmpty(), "no heat without a held carriage");
  }

  @Test
  void refusesWhileAFaultIsLatched() {
    SafetyBench bench = SafetyBench.create();
    bench.startToasting();
    bench.controllerHangs();
    bench.run(1);
    bench.assertTripped(FaultCode.LEASE_EXPIRED);

    bench.latch.pressLever();

    assertFalse(bench.supervisor.holdCarriage());
    assertFalse(bench.latch.isHeld());
  }

  @Test
  void holdsWithTheLeverDownAndStartsACycleWithoutHeat() {
    SafetyBench bench = SafetyBench.create();
    bench.latch.pressLever();

    assertTrue(bench.supervisor.holdCarriage());
    bench.run(2);

    assertTrue(bench.latch.isHeld());
    assertTrue(bench.supervisor.status().carriageHeld());
    assertFalse(bench.heater.isCommandedOn(), "holding alone never heats");
    assertEquals(0.0, bench.supervisor.status().heatOnSThisCycle());
  }

  @Test
  void refusesANewCycleWhileThePreviousIsStillReleasing() {
    SafetyBench bench = SafetyBench.create();
    bench.startToasting();
    bench.supervisor.endCycle();

    assertFalse(bench.supervisor.holdCarriage(), "release pending");

    bench.run(0.1);
    assertFalse(bench.latch.isHeld());
    bench.latch.pressLever();
    assertTrue(bench.supervisor.holdCarriage());
  }

  @Test
  void staleHeatWishDoesNotCarryIntoTheNextCycle() {
    SafetyBench bench = SafetyBench.create();
    bench.supervisor.requestHeat(true); // outside a cycle: ignored

    bench.arm();
    bench.run(2);

    assertFalse(bench.heater.isCommandedOn());
  }

  @Test
  void leverLiftedByHandEndsTheCycle() {
    SafetyBench bench = SafetyBench.create();
    bench.startToasting();
    bench.run(10);

    bench.latch.liftLever();
    bench.step();

    bench.assertNoFault();
    bench.assertSafe();
    assertEquals(1, bench.listener.carriageReleases().size());
  }
}
