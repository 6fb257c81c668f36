package com.smarttoaster.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class HeatLeaseTest {

  @Test
  void hungControllerLosesHeatJustAfterTheLease() {
    SafetyBench bench = SafetyBench.create();
    bench.startToasting();
    bench.run(10);
    bench.controllerHangs();

    bench.run(0.5);
    assertTrue(bench.heater.isCommandedOn(), "a lease exactly 0.5 s old is still fresh");
    bench.assertNoFault();
    bench.step();

    Fault fault = bench.assertTripped(FaultCode.LEASE_EXPIRED);
    assertEquals(0.55, fault.measured(), 1e-9);
    assertEquals(0.5, fault.limit());
    assertEquals(
        "Heat lease expired: the controller did not renew it for 0.55 s, limit 0.5 s. Heat cut and"
            + " bread released. Hold the reset button for 3 s; if this happens again, unplug the"
            + " toaster and plug it back in.",
        fault.message());
  }

  @Test
  void lateRenewalDoesNotRescueTheLease() {
    SafetyBench bench = SafetyBench.create();
    bench.startToasting();
    bench.clock.advanceMillis(600); // no tick ran meanwhile

    bench.supervisor.renewLease();

    bench.assertTripped(FaultCode.LEASE_EXPIRED);
  }

  @Test
  void tickWithoutRenewalDoesNotHeat() {
    SafetyBench bench = SafetyBench.create();
    bench.latch.pressLever();
    bench.supervisor.renewLease(); // renewed before the cycle: does not count
    assertTrue(bench.supervisor.holdCarriage());
    bench.supervisor.requestHeat(true);

    bench.clock.advanceMillis(50);
    bench.supervisor.tick();
    assertFalse(bench.heater.isCommandedOn(), "no renewal in this cycle yet: no heat");

    bench.supervisor.renewLease();
    bench.clock.advanceMillis(50);
    bench.supervisor.tick();
    assertTrue(bench.heater.isCommandedOn(), "renewed: heat");
  }

  @Test
  void cycleNeverRenewedEndsAsLeaseExpiredWithoutEverHeating() {
    SafetyBench bench = SafetyBench.create();
    bench.controllerHangs();
    bench.latch.pressLever();
    assertTrue(bench.supervisor.holdCarriage());
    bench.supervisor.requestHeat(true);

    assertEquals(0.55, bench.runUntilFault(2), 1e-9);
    bench.assertTripped(FaultCode.LEASE_EXPIRED);
    assertTrue(bench.heater.changes().isEmpty(), "the heater never came on");
  }

  @Test
  void armedCarriageWithAHungControllerIsReleasedJustAfterHungS() {
    SafetyBench bench = SafetyBench.create();
    bench.arm();
    bench.run(60); // armed for a remote start, no heat: fine while the controller lives
    bench.assertNoFault();
    bench.controllerHangs();

    bench.run(1.5);
    bench.assertNoFault();
    assertTrue(bench.latch.isHeld());
    bench.step();

    Fault fault = bench.assertTripped(FaultCode.CONTROLLER_HUNG);
    assertEquals(1.55, fault.measured(), 1e-9);
    assertEquals(1.5, fault.limit());
    assertTrue(
        fault
            .message()
            .startsWith(
                "Controller not responding: no heartbeat for 1.55 s while the"
                    + " carriage was held, limit 1.5 s. Bread released."),
        fault.message());
  }

  @Test
  void idleToasterNeedsNoHeartbeat() {
    SafetyBench bench = SafetyBench.create();
    bench.controllerHangs();

    bench.run(30);

    bench.assertNoFault();
  }
}
