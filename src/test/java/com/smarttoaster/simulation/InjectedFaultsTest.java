package com.smarttoaster.simulation;

import static com.smarttoaster.simulation.Scenarios.run;
import static com.smarttoaster.simulation.Scenarios.withFault;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.smarttoaster.history.CycleOutcome;
import com.smarttoaster.predict.PredictorName;
import com.smarttoaster.scenario.FaultKind;
import com.smarttoaster.scenario.ScenarioFault;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every injectable fault on the simulated appliance, through the real supervisor and controller:
 * which code it latches and how long heat kept flowing after the fault's onset.
 */
class InjectedFaultsTest {

  @ParameterizedTest(name = "{0} at {1} s -> {3} within {4} ms")
  @CsvSource({
    // kind,          atS, parameter, expected code,        max latency ms
    "sensor-open,      40,  ,          SENSOR_FAULT,         1000",
    "sensor-short,     40,  ,          SENSOR_FAULT,         1000",
    "sensor-short-vcc, 40,  ,          SENSOR_FAULT,         1000",
    "sensor-stuck,     40,  ,          SENSOR_IMPLAUSIBLE,   6000",
    "sensor-dropout,   40,  5,         SENSOR_STALE,         1200",
    "sensor-drift,     40,  -6,        SENSOR_IMPLAUSIBLE,   6000",
    "sensor-noise,     40,  40,        SENSOR_IMPLAUSIBLE,   1000",
    // with the current sensor an open element is caught by its missing current, no longer after 20
    // s
    "heater-open,      0,   ,          HEATER_NO_CURRENT,    1000",
    "heater-stuck-on,  5,   ,          HEATER_STUCK_ON,      200",
    "heater-stuck-on,  0,   ,          HEATER_STUCK_ON,      200",
    // a crumb fire is caught by the energy-balance observer before the true chamber reaches the
    // cut-off, where its onset would be: nothing left to time (0 ms); see
    // SlowSensorLiesScenarioTest
    "overheat,         30,  8,         SENSOR_DRIFT,         0",
    "controller-hang,  30,  ,          LEASE_EXPIRED,        2000",
  })
  void theFaultIsCaughtAndHeatStopsInTime(
      String kind, double atS, Double parameter, String code, double maxMs) {
    FaultKind k = FaultKind.fromId(kind);
    ScenarioFault fault =
        parameter == null ? ScenarioFault.of(k, atS) : ScenarioFault.of(k, atS, parameter);
    SimulationResult r = run(withFault(fault), "fallback");
    assertEquals(CycleOutcome.FAULT, r.outcome(), () -> "events: " + r.events());
    assertEquals(code, r.fault(), () -> "events: " + r.events());
    assertNotNull(r.tripLatencyMs());
    assertTrue(
        r.tripLatencyMs() <= maxMs,
        "heat flowed " + r.tripLatencyMs() + " ms after the onset, limit " + maxMs);
    assertTrue(
        r.maxChamberC() <= r.limits().cutoffC() + 15,
        "true chamber reached " + r.maxChamberC() + " °C, cut-off " + r.limits().cutoffC());
  }

  @ParameterizedTest(name = "{0} ({1}) is harmless and the cycle completes")
  @CsvSource({
    "sensor-dropout, 0.5",
    "sensor-noise,   1.5",
  })
  void smallSensorGlitchesDoNotTrip(String kind, double parameter) {
    SimulationResult r =
        run(withFault(ScenarioFault.of(FaultKind.fromId(kind), 40, parameter)), "fallback");
    assertEquals(CycleOutcome.DONE, r.outcome(), () -> "events: " + r.events());
    assertNull(r.fault());
  }

  @ParameterizedTest(name = "{0} falls back and still toasts")
  @CsvSource({
    "predictor-nan,     , NaN",
    "predictor-extreme, 9999, 9999.0 s",
    "predictor-extreme, -5, -5.0 s",
    "predictor-error,   , injected predictor error",
    "predictor-hang,    , did not answer within 100 ms",
  })
  void predictorFaultsFallBackWithAReason(String kind, Double parameter, String reasonPart) {
    FaultKind k = FaultKind.fromId(kind);
    ScenarioFault fault =
        parameter == null ? ScenarioFault.of(k, 0) : ScenarioFault.of(k, 0, parameter);
    SimulationResult r = run(withFault(fault), "oracle");
    assertEquals(CycleOutcome.DONE, r.outcome());
    assertEquals(PredictorName.FALLBACK, r.predictor());
    assertTrue(r.fallbackReason().contains(reasonPart), r.fallbackReason());
    // DESIGN.md §7: nothing had to trip, so the timed span runs from the first heat to the cycle's
    // end.
    assertEquals(
        r.heaterOnS() * 1000,
        r.tripLatencyMs(),
        60.0,
        "a predictor fault is timed to the cycle's end");
    assertTrue(r.heaterOnS() < r.limits().maxHeatS());
  }
}
