package com.smarttoaster.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * A heater commanded on that draws no current is an open element (or a relay that no longer
 * closes).
 */
class HeaterNoCurrentCheckTest {

  @Test
  void noCurrentWhileHeatingTripsJustAfterNoCurrentS() {
    SafetyBench bench = SafetyBench.create();
    bench.startToasting();
    bench.run(25);
    bench.current.force(false); // the element breaks

    double tripAfter = bench.runUntilFault(5);

    // the first tick without current starts the count; it trips on the first tick past 0.5 s
    assertEquals(0.6, tripAfter, 1e-9);
    Fault fault = bench.assertTripped(FaultCode.HEATER_NO_CURRENT);
    assertEquals(0.55, fault.measured(), 1e-9);
    assertEquals(0.5, fault.limit());
    assertTrue(fault.code().needsService(), "a broken element needs a repair, not a reset");
    assertEquals(
        "Heater draws no current: the heater was switched on but no current flowed for 0.55 s,"
            + " limit 0.5 s. Heat cut and bread released. If the toaster was used many times in a row, its thermal"
            + " cut-out may have opened: let it cool for 15 minutes and press the cut-out's reset button underneath,"
            + " then hold the reset button while powering up. Otherwise a heating element or its wiring may be"
            + " broken, or the relay no longer closes. Unplug the toaster and have it serviced; do not use it until"
            + " it is repaired.",
        fault.message());
  }

  @Test
  void noCurrentForJustUnderTheLimitPasses() {
    SafetyBench bench = SafetyBench.create();
    bench.startToasting();
    for (int i = 0; i < 20; i++) {
      bench.current.force(false);
      bench.run(0.5); // 10 ticks without current: measured 0.45 s
      bench.current.force(null);
      bench.run(0.1);
    }

    bench.assertNoFault();
  }

  @Test
  void anUnreadableCurrentSensorIsNotNoCurrent() {
    SafetyBench bench = SafetyBench.create();
    bench.startToasting();
    bench.current.setFailing(true);

    bench.run(5);

    bench.assertNoFault();
  }

  @Test
  void noCurrentWithTheHeaterOffIsNormal() {
    SafetyBench bench = SafetyBench.create();
    bench.arm();
    bench.current.force(false);

    bench.run(10);

    bench.assertNoFault();
  }
}
