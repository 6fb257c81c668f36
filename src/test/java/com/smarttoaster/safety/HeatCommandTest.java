package com.smarttoaster.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.smarttoaster.safety.fakes.FakeHeaterSwitch.Command;
import java.util.List;
import org.junit.jupiter.api.Test;

/** requestHeat and endCycle: what takes effect at once and what waits for a tick. */
class HeatCommandTest {

  @Test
  void heatOnWaitsForTheNextTick() {
    SafetyBench bench = SafetyBench.create();
    bench.arm();

    bench.supervisor.requestHeat(true);
    assertFalse(bench.heater.isCommandedOn(), "on only after the checks of the next tick");

    bench.step();
    assertTrue(bench.heater.isCommandedOn());
  }

  @Test
  void heatOffTakesEffectImmediately() {
    SafetyBench bench = SafetyBench.create();
    bench.startToasting();
    bench.run(10);
    bench.clock.advanceMillis(20); // between two ticks
    long now = bench.clock.nanos();

    bench.supervisor.requestHeat(false);

    assertFalse(bench.heater.isCommandedOn(), "off before requestHeat returns");
    List<Command> changes = bench.heater.changes();
    assertEquals(new Command(false, now), changes.get(changes.size() - 1));
    assertTrue(bench.latch.isHeld(), "a pause keeps the carriage held");
    assertEquals(List.of(true, false), bench.listener.heaterCommands());
  }

  @Test
  void endCycleCutsHeatAtOnceAndReleasesAfterTheCurrentCheck() {
    SafetyBench bench = SafetyBench.create();
    bench.startToasting();
    bench.run(60);
    long endNanos = bench.clock.nanos();

    bench.supervisor.endCycle();
    assertFalse(bench.heater.isCommandedOn(), "heat off before endCycle returns");
    assertTrue(bench.latch.isHeld(), "release waits for releaseVerifyS");
    bench.step(); // 0.05 s
    assertTrue(bench.latch.isHeld(), "release waits for releaseVerifyS");
    bench.step(); // 0.10 s

    bench.assertNoFault();
    bench.assertSafe();
    assertEquals(List.of(endNanos + 100_000_000L), bench.listener.carriageReleases());
  }

  @Test
  void endCycleCatchesAWeldedRelayAtTheRelease() {
    SafetyBench bench = SafetyBench.create();
    bench.startToasting();
    bench.run(60);
    bench.heater.weld();

    bench.supervisor.endCycle();
    bench.step();
    bench.assertNoFault();
    bench.step();

    Fault fault = bench.assertTripped(FaultCode.HEATER_STUCK_ON);
    assertEquals(0.1, fault.measured(), 1e-9);
    assertTrue(fault.message().contains("checked before releasing the carriage"), fault.message());
    assertFalse(bench.current.isCurrentFlowing(), "the open carriage contacts stopped the current");
  }

  @Test
  void endCycleWithoutACurrentSensorReleasesAtOnce() {
    SafetyBench bench = SafetyBench.withoutCurrentSensor();
    bench.startToasting();
    bench.run(60);

    bench.supervisor.endCycle();

    bench.assertSafe();
    bench.run(1);
    bench.assertNoFault();
  }

  @Test
  void endCycleStopsTheHeatTimeCount() {
    SafetyBench bench = SafetyBench.create();
    bench.startToasting();
    bench.run(60);

    bench.supervisor.endCycle();
    bench.run(30);

    // the period in which heat was cut counts whole
    assertEquals(60.05, bench.supervisor.status().heatOnSThisCycle(), 1e-9);
  }

  @Test
  void endCycleOutsideACycleIsHarmless() {
    SafetyBench bench = SafetyBench.create();

    bench.supervisor.endCycle();
    bench.supervisor.endCycle();
    bench.run(1);

    bench.assertNoFault();
    bench.assertSafe();
  }
}
