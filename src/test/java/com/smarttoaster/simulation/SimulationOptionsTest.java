package com.smarttoaster.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.smarttoaster.predict.PredictorName;
import com.smarttoaster.safety.SafetyLimits;
import org.junit.jupiter.api.Test;

/**
 * The options carry a predictor a user can choose and an appliance by kind, both checked once when
 * they are made.
 */
class SimulationOptionsTest {
  @Test
  void anIdBecomesItsPredictorAndAnUnknownOneIsRefusedByName() {
    assertEquals(PredictorName.FIXED_TIMER, SimulationOptions.defaults("fixed-timer").predictor());
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> SimulationOptions.defaults("neural"));
    assertEquals(
        "unknown predictor 'neural', expected one of [model, fallback, fixed-timer, oracle]",
        e.getMessage());
  }

  @Test
  void theReheatRuleIsTheGuardsAndNotAPredictorToRun() {
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new SimulationOptions(
                PredictorName.REHEAT_RULE, SafetyLimits.defaults(), 0.5, 0.0, 0.0));
  }

  @Test
  void theApplianceIsSimUnlessToldAndAnUnknownNameIsRefusedWithTheChoices() {
    assertEquals(SimulatedApplianceKind.SIM, SimulationOptions.defaults("oracle").appliance());
    assertEquals(
        SimulatedApplianceKind.PI_EMULATED,
        SimulationOptions.defaults("oracle")
            .withAppliance(SimulatedApplianceKind.of("pi-emulated"))
            .appliance());
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> SimulatedApplianceKind.of("pi"));
    assertEquals("appliance: 'pi' is not one of sim, pi-emulated", e.getMessage());
  }
}
