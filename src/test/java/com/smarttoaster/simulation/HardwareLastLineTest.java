package com.smarttoaster.simulation;

import static com.smarttoaster.simulation.Scenarios.normal;
import static com.smarttoaster.simulation.Scenarios.runOn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.smarttoaster.history.CycleOutcome;
import com.smarttoaster.scenario.FaultKind;
import com.smarttoaster.scenario.ScenarioFault;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What the hardware does when the software cannot: a crash leaves the pins as they were, and the
 * dead-man must cut heat and drop the carriage within 0.5 s with no help from systemd; a jammed
 * carriage magnet alone changes nothing while the relay works.
 */
class HardwareLastLineTest {
  @ParameterizedTest(name = "{0}: software crash at {1} s")
  @CsvSource({
    "sim, 30.0",
    "sim, 0.7",
    "sim, 100.0",
    "pi-emulated, 30.0",
    "pi-emulated, 0.7",
    "pi-emulated, 100.0"
  })
  void aSoftwareCrashMidCycleIsCutByTheDeadMan(String appliance, double atS) {
    SimulationResult r =
        runOn(
            appliance,
            normal(List.of(ScenarioFault.of(FaultKind.SOFTWARE_CRASH, atS)), List.of()),
            "oracle");

    assertEquals(CycleOutcome.FAULT, r.outcome(), () -> "events: " + r.events());
    assertEquals("DEAD_MAN", r.fault());
    assertEquals("dead-man", r.heatCutBy());
    assertNotNull(r.tripLatencyMs());
    assertTrue(
        r.tripLatencyMs() > 0 && r.tripLatencyMs() <= 500,
        "heat cut " + r.tripLatencyMs() + " ms after");
    assertEquals(atS + r.tripLatencyMs() / 1000, r.heatCutS(), 0.06);
  }

  @ParameterizedTest(name = "{0}: jammed magnet, working relay")
  @CsvSource({"sim", "pi-emulated"})
  void aJammedLatchAloneEndsTheCycleByTheRelay(String appliance) {
    SimulationResult r =
        runOn(
            appliance,
            normal(List.of(ScenarioFault.of(FaultKind.LATCH_STUCK, 5.0)), List.of()),
            "oracle");

    assertEquals(CycleOutcome.DONE, r.outcome(), () -> "events: " + r.events());
    assertNull(r.fault());
    assertEquals("relay", r.heatCutBy());
    assertTrue(r.heaterOnS() < r.limits().maxHeatS());
  }
}
