package com.smarttoaster.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.smarttoaster.hal.sim.SimulatedAppliance;
import com.smarttoaster.history.CycleOutcome;
import com.smarttoaster.scenario.Scenario;
import com.smarttoaster.scenario.ScenarioReader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The hardware heat timer seen through a whole simulated cycle: the SSR welded and the carriage
 * magnet jammed (fault set 28), on both appliances, with the software running. Nothing the software
 * drives can end heat; the thermal cut-out or the heat timer must, within the timer's latest trip
 * (330.08 s, hal.sim.HeatTimer) plus the few seconds before heat first flows.
 */
class HeatTimerScenarioTest {
  private static final Path STUCK =
      Path.of("src/test/resources/fault-scenarios/28-heater-stuck-on-and-latch-stuck.json");

  /** The timer's latest trip, s (hal.sim.HeatTimer.MAX_S; package-private there). */
  private static final double TIMER_MAX_S = 330.08;

  /** The same fault at 200 V, where the cut-out alone took 566 s: the timer must be what acts. */
  private static Scenario at200Volts(Scenario s) {
    return new Scenario(
        s.version(),
        s.name() + " at 200 V",
        s.seed(),
        s.ambientC(),
        200.0,
        s.chamberStartC(),
        s.slices(),
        s.bread(),
        s.shade(),
        s.mode(),
        s.faults(),
        s.actions());
  }

  private static SimulationResult run(Scenario s, String appliance) {
    return new CycleSimulation(
            s,
            SimulationOptions.defaults("fallback")
                .withAppliance(SimulatedApplianceKind.of(appliance)))
        .run(null);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"sim", "pi-emulated"})
  void atTwoHundredVoltsTheHeatTimerEndsTheStuckOnCycle(String appliance) throws Exception {
    SimulationResult r = run(at200Volts(ScenarioReader.read(STUCK)), appliance);

    assertEquals(CycleOutcome.FAULT, r.outcome(), () -> "events: " + r.events());
    assertEquals(SimulatedAppliance.HEAT_TIMER, r.heatCutBy(), () -> "events: " + r.events());
    assertNotNull(r.heatCutS());
    assertTrue(r.heatCutS() <= TIMER_MAX_S + 5, "heat cut at " + r.heatCutS() + " s");
    // current flowed from the first heat to the cut without a break: the timer's count is the
    // heat-on time
    assertTrue(
        r.heaterOnS() >= 329.4 && r.heaterOnS() <= TIMER_MAX_S + 0.1,
        "heater on " + r.heaterOnS() + " s");
    // the supervisor, still running, has latched its own fault first and the result names it
    assertNotNull(r.fault());
    System.out.printf(
        "%s, 200 V: heat cut by the %s at %.1f s, fault %s, bread surface max %.0f °C%n",
        appliance, r.heatCutBy(), r.heatCutS(), r.fault(), r.maxBreadSurfaceC());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"sim", "pi-emulated"})
  void theShippedStuckOnScenarioEndsWithinTheTimersBound(String appliance) throws Exception {
    SimulationResult r = run(ScenarioReader.read(STUCK), appliance);

    assertEquals(CycleOutcome.FAULT, r.outcome(), () -> "events: " + r.events());
    assertNotNull(r.heatCutS());
    assertTrue(
        r.heatCutS() <= TIMER_MAX_S + 5, "heat cut at " + r.heatCutS() + " s by " + r.heatCutBy());
    // at 230 V from cold the cut-out (at most 183 °C) opens first, at about 300 s of heat
    assertTrue(
        SimulatedAppliance.THERMAL_CUTOUT.equals(r.heatCutBy())
            || SimulatedAppliance.HEAT_TIMER.equals(r.heatCutBy()),
        "cut by " + r.heatCutBy());
    System.out.printf(
        "%s, 230 V: heat cut by the %s at %.1f s, fault %s, bread surface max %.0f °C%n",
        appliance, r.heatCutBy(), r.heatCutS(), r.fault(), r.maxBreadSurfaceC());
  }

  @Test
  void theResultAndTheContractNameTheHeatTimer() throws Exception {
    assertEquals("HEAT_TIMER", HeatCut.faultCode(SimulatedAppliance.HEAT_TIMER));
    String doc = Files.readString(Path.of("docs/contracts.md"));
    assertTrue(
        doc.contains("`" + SimulatedAppliance.HEAT_TIMER + "`"),
        "contracts.md lacks the heatCutBy value");
    for (String code : new String[] {"DEAD_MAN", "THERMAL_CUTOUT", "THERMAL_FUSE", "HEAT_TIMER"}) {
      assertEquals(
          code, HeatCut.faultCode(code.toLowerCase(java.util.Locale.ROOT).replace('_', '-')));
      assertTrue(
          doc.contains("`" + code + "`"), "contracts.md lacks the hardware fault code " + code);
    }
  }
}
