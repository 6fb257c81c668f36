package com.smarttoaster.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.smarttoaster.toast.BreadType;
import com.smarttoaster.toast.ToastMode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The records validate themselves too, for scenarios built in code (e.g. to make training data).
 */
class ScenarioRecordsTest {
  private static final BreadSpec WHITE = new BreadSpec(BreadType.WHITE, 12, 21);

  @Test
  void aFaultPutsItsParameterInTheRightComponent() {
    ScenarioFault noise = ScenarioFault.of(FaultKind.SENSOR_NOISE, 3, 5);
    assertEquals(5.0, noise.sigmaC());
    assertNull(noise.rateCPerS());
    assertEquals(5.0, noise.parameter());
  }

  @Test
  void aFaultRefusesAMissingOrForeignParameter() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> ScenarioFault.of(FaultKind.SENSOR_DRIFT, 1));
    assertEquals("rateCPerS is required for kind sensor-drift", e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class, () -> ScenarioFault.of(FaultKind.HEATER_OPEN, 1, 2));
    assertEquals("kind heater-open takes no parameter", e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class,
            () -> new ScenarioFault(FaultKind.SENSOR_OPEN, 1, null, 2.0, null, null));
    assertEquals("sigmaC does not apply to kind sensor-open", e.getMessage());
    assertThrows(
        IllegalStateException.class, () -> ScenarioFault.of(FaultKind.SENSOR_OPEN, 1).parameter());
  }

  @Test
  void aFaultRefusesAnOutOfRangeParameter() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> ScenarioFault.of(FaultKind.SENSOR_DRIFT, 1, 0));
    assertEquals(
        "rateCPerS = 0 is out of range for kind sensor-drift; expected a number from -100 to 100 °C/s, not 0",
        e.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () -> ScenarioFault.of(FaultKind.PREDICTOR_EXTREME, 1, Double.NaN));
    assertThrows(IllegalArgumentException.class, () -> ScenarioFault.of(FaultKind.SENSOR_OPEN, -1));
  }

  @Test
  void armRemoteStartIsOnlyAtZero() {
    assertThrows(
        IllegalArgumentException.class, () -> new ScenarioAction(5, ActionKind.ARM_REMOTE_START));
    assertEquals(0.0, new ScenarioAction(0, ActionKind.ARM_REMOTE_START).atS());
  }

  @Test
  void aScenarioChecksItsFieldsAndCopiesItsLists() {
    List<ScenarioFault> faults =
        new ArrayList<>(List.of(ScenarioFault.of(FaultKind.HEATER_OPEN, 1)));
    Scenario s =
        new Scenario(1, "n", 0, 21, 230, 20, 1, WHITE, 4, ToastMode.TOAST, faults, List.of());
    faults.clear();
    assertEquals(1, s.faults().size());
    assertThrows(UnsupportedOperationException.class, () -> s.faults().clear());
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                new Scenario(
                    1, "n", 0, 21, 230, 19.9, 1, WHITE, 4, ToastMode.TOAST, List.of(), List.of()));
    assertEquals(
        "chamberStartC = 19.9 is out of range; expected a number from 20 to 350 °C",
        e.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new Scenario(
                2, "n", 0, 21, 230, 21, 1, WHITE, 4, ToastMode.TOAST, List.of(), List.of()));
    assertThrows(IllegalArgumentException.class, () -> new BreadSpec(BreadType.RYE, 2, 20));
  }
}
