package com.smarttoaster.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.smarttoaster.evaluation.KitchenSuite;
import com.smarttoaster.predict.PredictionInput;
import com.smarttoaster.predict.StoredHeat;
import com.smarttoaster.scenario.BreadSpec;
import com.smarttoaster.scenario.EarlierCycle;
import com.smarttoaster.scenario.Scenario;
import com.smarttoaster.testkit.CycleStarts;
import com.smarttoaster.toast.BreadType;
import com.smarttoaster.toast.ToastMode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The service restarted between two batches on the simulated appliance: with its heat record the
 * new controller tells the predictor what one that ran through would have; without it, a cold
 * toaster's first cycle.
 */
class ControllerRestartTest {
  private static final BreadSpec WHITE = new BreadSpec(BreadType.WHITE, 12, 21.0);

  private static Scenario secondBatchAfter(double pauseS) {
    return new Scenario(
        1,
        "restart",
        4242,
        21.0,
        230.0,
        21.0,
        2,
        WHITE,
        4,
        ToastMode.TOAST,
        List.of(),
        List.of(),
        List.of(
            new EarlierCycle(WHITE, 5, ToastMode.TOAST, 2, 200.0),
            new EarlierCycle(WHITE, 4, ToastMode.TOAST, 2, pauseS)),
        230.0,
        230.0);
  }

  private static CycleStarts run(Scenario sc, ControllerRestart restart) {
    return run(sc, restart, "sim");
  }

  private static CycleStarts run(Scenario sc, ControllerRestart restart, String appliance) {
    return CycleStarts.of(
        sc,
        SimulationOptions.defaults("fallback")
            .withRestart(restart)
            .withAppliance(SimulatedApplianceKind.of(appliance)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"sim", "pi-emulated"})
  void withItsHeatRecordTheRestartedControllerAsksWhatOneThatRanThroughWould(String appliance) {
    Scenario sc = secondBatchAfter(60.0);
    PredictionInput through = run(sc, ControllerRestart.NONE, appliance).measured();
    CycleStarts restarted = run(sc, ControllerRestart.REMEMBERING, appliance);
    PredictionInput remembered = restarted.measured();

    assertEquals(3, restarted.inputs().size(), "both earlier cycles and the measured one");
    assertEquals(through.sinceLastCycleS(), remembered.sinceLastCycleS(), 0.06, "since last, s");
    assertEquals(through.lastHeatS(), remembered.lastHeatS(), 1e-9, "last heat, s");
    // Both cycles before the restart are in the record's stored heat, not just the last.
    assertEquals(through.storedHeat(), remembered.storedHeat());
    assertTrue(remembered.storedHeat().slowS() > 20.0, "heat is held: " + remembered.storedHeat());
    assertNull(restarted.result().fault(), "no fault");
  }

  @Test
  void withoutItTheRestartedControllerSeesAColdToastersFirstCycle() {
    PredictionInput forgot = run(secondBatchAfter(60.0), ControllerRestart.FORGETTING).measured();

    assertEquals(PredictionInput.NO_RECENT_CYCLE_S, forgot.sinceLastCycleS());
    assertEquals(0.0, forgot.lastHeatS());
    assertEquals(StoredHeat.NONE, forgot.storedHeat());
  }

  @Test
  void aPressWhileTheServiceIsDownComesAgainOnceItIsUp() {
    CycleStarts restarted = run(secondBatchAfter(1.0), ControllerRestart.REMEMBERING);

    assertEquals(
        CycleSimulation.RESTART_DOWN_S,
        restarted.measured().sinceLastCycleS(),
        0.3,
        "pressed once the software was up, s");
  }

  /**
   * A kitchen second batch pressed 2.4 s after the first, so as soon as the restarted service is
   * up: a supervisor whose energy-balance observer starts cold expects the element's whole warm-up
   * again and trips SENSOR_DRIFT on a healthy toaster; with the element memory from its state
   * directory it does not.
   */
  @ParameterizedTest
  @ValueSource(strings = {"sim", "pi-emulated"})
  void theSupervisorsElementMemorySurvivesTheRestartSoAHealthyToasterDoesNotTrip(String appliance) {
    Scenario sc = KitchenSuite.SECOND_BATCH.draw(141, 7).get(140);
    assertEquals(2.4, sc.before().get(0).pauseS(), "the scenario this test is about");

    SimulationResult forgot = run(sc, ControllerRestart.FORGETTING, appliance).result();
    SimulationResult remembered = run(sc, ControllerRestart.REMEMBERING, appliance).result();

    assertEquals("SENSOR_DRIFT", forgot.fault(), "the false trip without the memory");
    assertNull(remembered.fault(), "no trip with it");
    assertEquals(3, remembered.achievedShade(), 0.8, "and the toast comes out near its shade 3");
  }
}
