package com.smarttoaster.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.smarttoaster.safety.fakes.SafetyLimitsBuilder;
import org.junit.jupiter.api.Test;

class MaxHeatTimeCheckTest {

  @Test
  void heatStopsAfterExactlyMaxHeatS() {
    SafetyBench bench = SafetyBench.create();
    bench.startToasting();

    double tripAfter = bench.runUntilFault(400);

    assertEquals(300.0, tripAfter, 1e-9);
    Fault fault = bench.assertTripped(FaultCode.MAX_HEAT_TIME);
    assertEquals(300.0, bench.heater.onSeconds(), 1e-9, "relay on-time");
    assertEquals(300.0, fault.measured(), 1e-9);
    assertEquals(300.0, fault.limit());
    assertEquals(
        "Maximum heating time reached: heater on for 300.0 s this cycle, limit 300.0 s. Heat cut"
            + " and bread released. Lift the lever, then hold the reset button for 3 s to use the"
            + " toaster again; if this happens with normal settings, have the toaster checked.",
        fault.message());
  }

  @Test
  void cycleThatStopsHeatingJustBeforeTheLimitEndsNormally() {
    SafetyBench bench = SafetyBench.create();
    bench.startToasting();
    bench.run(299.9);
    bench.supervisor.endCycle();

    bench.run(10);

    bench.assertNoFault();
    assertEquals(299.9, bench.heater.onSeconds(), 1e-9);
    assertFalse(bench.latch.isHeld());
  }

  @Test
  void pausesDoNotResetTheCount() {
    SafetyBench bench = SafetyBench.create();
    bench.startToasting();
    bench.run(200);
    bench.supervisor.requestHeat(false);
    bench.run(3);
    bench.supervisor.requestHeat(true);

    double tripAfter = bench.runUntilFault(200);

    // the period in which heat was switched off counts whole (conservative): 200.05 s before the
    // pause; heat resumes at the first tick after the request, and 99.95 s more reach the limit
    assertEquals(100.0, tripAfter, 1e-9);
    bench.assertTripped(FaultCode.MAX_HEAT_TIME);
    assertEquals(299.95, bench.heater.onSeconds(), 1e-9, "relay on-time never exceeds the limit");
  }

  @Test
  void holdingAgainDuringACycleDoesNotResetTheCount() {
    SafetyBench bench = SafetyBench.create();
    bench.startToasting();
    bench.run(250);

    assertTrue(bench.supervisor.holdCarriage(), "already held: the same cycle continues");
    double tripAfter = bench.runUntilFault(100);

    assertEquals(50.0, tripAfter, 1e-9);
    bench.assertTripped(FaultCode.MAX_HEAT_TIME);
  }

  @Test
  void newCycleStartsAFreshCount() {
    SafetyBench bench =
        SafetyBench.create(SafetyLimitsBuilder.defaults().set("maxHeatS", 60.0).build());
    bench.startToasting();
    bench.run(50);
    bench.supervisor.endCycle();
    bench.run(5);

    bench.startToasting();
    assertEquals(0.0, bench.supervisor.status().heatOnSThisCycle());
    bench.run(50);

    bench.assertNoFault();
    assertEquals(50.0, bench.supervisor.status().heatOnSThisCycle(), 1e-9);
  }

  @Test
  void limitIsConfigurable() {
    SafetyBench bench =
        SafetyBench.create(SafetyLimitsBuilder.defaults().set("maxHeatS", 12.5).build());
    bench.startToasting();

    assertEquals(12.5, bench.runUntilFault(20), 1e-9);
    assertEquals(12.5, bench.assertTripped(FaultCode.MAX_HEAT_TIME).limit());
  }
}
