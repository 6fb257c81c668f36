package com.smarttoaster.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.smarttoaster.hal.BreadThermometer;
import com.smarttoaster.hal.UserEvent;
import com.smarttoaster.predict.FallbackTimeTable;
import com.smarttoaster.predict.GuardedPredictor;
import com.smarttoaster.predict.Prediction;
import com.smarttoaster.predict.PredictionInput;
import com.smarttoaster.safety.SafetySupervisor;
import com.smarttoaster.safety.fakes.FakeCarriageLatch;
import com.smarttoaster.safety.fakes.FakeHeaterSwitch;
import com.smarttoaster.safety.fakes.ManualClock;
import com.smarttoaster.toast.BreadType;
import com.smarttoaster.toast.ToastMode;
import com.smarttoaster.toast.ToastSettings;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The bread thermometer at the press: frozen bread in toast mode is predicted as defrost and the
 * event says so; bread that agrees with the mode changes nothing; a missing or failing thermometer
 * never blocks a cycle. Real supervisor and guard over fake hardware, time stepped.
 */
class BreadThermometerAdaptationTest {
  private static final double ROOM_C = 21.0;

  private final FakeChamberRig rig = new FakeChamberRig(ROOM_C, 0.0, false);
  private final ManualClock clock = rig.clock;
  private final FakeHeaterSwitch heater = rig.heater;
  private final FakeCarriageLatch latch = rig.latch;
  private final SafetySupervisor safety = rig.safety;
  private final List<String> events = new ArrayList<>();
  private final List<PredictionInput> started = new ArrayList<>();
  private final List<Prediction> predictions = new ArrayList<>();
  private GuardedPredictor predictor;
  private ToastController controller;

  /** What an ε = 1 sensor reads for bread at {@code breadC} facing walls at {@code wallC}. */
  static double apparentC(double breadC, double wallC) {
    double e = BreadCheck.EMISSIVITY;
    double t4 = e * Math.pow(breadC + 273.15, 4) + (1 - e) * Math.pow(wallC + 273.15, 4);
    return Math.pow(t4, 0.25) - 273.15;
  }

  /**
   * A thermometer in the slot: with the lever down it reads {@code breadApparentC}, with it up it
   * sees the opposite board at {@code boardC} (the bread is above its view).
   */
  private BreadThermometer slot(double breadApparentC, double boardC) {
    return () -> latch.isLeverDown() ? breadApparentC : boardC;
  }

  /** The same, with the boards at the room's temperature (a toaster at rest). */
  private BreadThermometer slot(double breadApparentC) {
    return slot(breadApparentC, ROOM_C);
  }

  private void build(ToastMode mode, BreadThermometer thermometer) {
    FallbackTimeTable table = new FallbackTimeTable();
    predictor = new GuardedPredictor(table, table, 0.5, 5.0, 285.0);
    controller =
        new ToastController(
            safety,
            predictor,
            clock,
            new ControllerSettings(0.05, false, 1800),
            new ToastSettings(4, BreadType.WHITE, 12, 2, mode),
            230.0,
            230.0,
            FakeChamberRig.UNWATCHED,
            thermometer,
            new ControllerListener() {
              @Override
              public void onBreadChecked(String event, long atNanos) {
                events.add(event);
              }

              @Override
              public void onCycleStarted(PredictionInput input, Prediction p, long atNanos) {
                started.add(input);
                predictions.add(p);
              }
            });
  }

  @AfterEach
  void close() {
    if (predictor != null) {
      predictor.close();
    }
  }

  private void pressAndRun(double seconds) {
    safety.tick();
    controller.tick();
    latch.pressLever();
    controller.submit(new UserEvent.LeverDown());
    for (int i = 0; i < Math.round(seconds / 0.05); i++) {
      rig.step(controller);
    }
  }

  private ToastMode predictedMode() {
    assertEquals(1, started.size(), "one cycle should have started");
    return started.get(0).settings().mode();
  }

  @Test
  void frozenBreadInToastModeIsPredictedAsDefrostAndTheEventSaysSo() throws Exception {
    build(ToastMode.TOAST, slot(apparentC(-18.0, ROOM_C)));
    pressAndRun(1.0);
    assertEquals(ToastMode.DEFROST, predictedMode());
    assertEquals(1, events.size(), "one bread event: " + events);
    String e = events.get(0);
    assertTrue(
        e.contains("-18.0 °C") && e.contains("frozen") && e.contains("predicted as defrost"));
    assertEquals(CyclePhase.TOASTING, controller.snapshot().phase());
    assertEquals(
        ToastMode.TOAST,
        controller.snapshot().settings().mode(),
        "the panel keeps the user's mode");
    PredictionInput asToast =
        new PredictionInput(
            started.get(0).settings().withMode(ToastMode.TOAST),
            started.get(0).chamberStartC(),
            started.get(0).ambientC(),
            started.get(0).mainsVolts(),
            started.get(0).nominalMainsVolts(),
            started.get(0).sinceLastCycleS(),
            started.get(0).lastHeatS(),
            null);
    FallbackTimeTable table = new FallbackTimeTable();
    assertEquals(table.predictSeconds(started.get(0)), predictions.get(0).seconds(), 1e-9);
    assertTrue(
        predictions.get(0).seconds() > table.predictSeconds(asToast) + 5,
        "defrost should heat longer than toast");
  }

  @Test
  void frozenBreadInBagelModeIsPredictedAsDefrostToo() {
    build(ToastMode.BAGEL, slot(apparentC(-20.0, ROOM_C)));
    pressAndRun(0.5);
    assertEquals(ToastMode.DEFROST, predictedMode());
  }

  @Test
  void roomTemperatureBreadInToastModeChangesNothingAndSaysNothing() {
    build(ToastMode.TOAST, slot(apparentC(20.0, ROOM_C)));
    pressAndRun(0.5);
    assertEquals(ToastMode.TOAST, predictedMode());
    assertTrue(events.isEmpty(), "no event when the bread agrees with the mode: " + events);
  }

  @Test
  void fridgeBreadInToastModeIsNotFrozen() {
    build(ToastMode.TOAST, slot(apparentC(3.0, ROOM_C)));
    pressAndRun(0.5);
    assertEquals(ToastMode.TOAST, predictedMode());
  }

  @Test
  void roomBreadInDefrostModeOfAToasterAtRestIsPredictedAsToast() {
    build(ToastMode.DEFROST, slot(apparentC(20.0, ROOM_C)));
    pressAndRun(0.5);
    assertEquals(ToastMode.TOAST, predictedMode());
    assertTrue(events.get(0).contains("not frozen but the mode is defrost; predicted as toast"));
  }

  @Test
  void withoutABoardReadingAWarmToasterMakesFrozenBreadLookThawedSoDefrostModeIsKept() {
    rig.setChamberC(80.0); // the walls reflect into the sensor: frozen bread reads well above 0 °C
    double read = apparentC(-18.0, 150.0);
    build(
        ToastMode.DEFROST,
        () -> {
          if (!latch.isLeverDown()) {
            throw new IOException("I2C1 address 0x5A: no acknowledge"); // no board reading
          }
          return read;
        });
    pressAndRun(0.5);
    assertEquals(ToastMode.DEFROST, predictedMode());
    assertTrue(events.get(0).startsWith("bread thermometer not used:"), events.toString());
  }

  @Test
  void withTheBoardsReadFrozenBreadInAWarmToasterIsSeen() {
    rig.setChamberC(80.0); // the air at the probe; the boards are far hotter after a cycle
    build(ToastMode.TOAST, slot(apparentC(-18.0, 150.0), 150.0));
    pressAndRun(0.5);
    assertEquals(ToastMode.DEFROST, predictedMode());
    assertTrue(events.get(0).contains("bread at -18.0 °C is frozen"), events.toString());
  }

  @Test
  void withTheBoardsReadFridgeBreadInAWarmToasterIsNotFrozen() {
    rig.setChamberC(80.0);
    build(ToastMode.TOAST, slot(apparentC(3.0, 300.0), 300.0));
    pressAndRun(0.5);
    assertEquals(ToastMode.TOAST, predictedMode());
    assertTrue(events.isEmpty(), events.toString());
  }

  @Test
  void withTheBoardsReadRoomBreadInDefrostModeOfAWarmToasterIsPredictedAsToast() {
    rig.setChamberC(80.0);
    // 70 °C apparent: above any kitchen's bread, but right for 20 °C bread before 300 °C boards
    double read = apparentC(20.0, 300.0);
    assertTrue(read > 60.0, "apparent " + read);
    build(ToastMode.DEFROST, slot(read, 300.0));
    pressAndRun(0.5);
    assertEquals(ToastMode.TOAST, predictedMode());
    assertTrue(events.get(0).contains("bread at 20.0 °C is not frozen"), events.toString());
    assertFalse(started.get(0).hasBreadReading(), "the model is not given a reading above 60 °C");
  }

  @Test
  void aBoardReadingIsDroppedWhenTheNextOneFails() {
    rig.setChamberC(80.0);
    double[] board = {150.0};
    build(ToastMode.TOAST, () -> latch.isLeverDown() ? apparentC(-18.0, 150.0) : board[0]);
    safety.tick();
    controller.tick(); // reads the boards
    board[0] = Double.NaN; // every later idle read fails: the good one is not kept
    for (int i = 0; i < Math.round(2.5 / 0.05); i++) {
      rig.step(controller);
    }
    pressAndRun(0.5);
    assertEquals(ToastMode.TOAST, predictedMode(), "without a board reading: missed, as before");
  }

  @Test
  void aFailingThermometerNeverBlocksTheCycleAndTheEventSaysItWasNotUsed() {
    build(
        ToastMode.TOAST,
        () -> {
          throw new IOException("I2C1 address 0x5A: no acknowledge");
        });
    pressAndRun(1.0);
    assertEquals(ToastMode.TOAST, predictedMode());
    assertEquals(CyclePhase.TOASTING, controller.snapshot().phase());
    assertTrue(heater.isCommandedOn());
    assertEquals(
        "bread thermometer not used: it could not be read (I2C1 address 0x5A: no acknowledge);"
            + " predicted for toast mode as set",
        events.get(0));
  }

  @Test
  void aNaNOrImplausibleReadingIsNotUsed() {
    build(ToastMode.TOAST, () -> Double.NaN);
    pressAndRun(0.5);
    assertEquals(ToastMode.TOAST, predictedMode());
    assertTrue(events.get(0).contains("NaN °C is outside -40…60 °C"), events.toString());
  }

  @Test
  void aReadingOfAGlowingElementIsNotUsed() {
    build(ToastMode.TOAST, () -> 381.0);
    pressAndRun(0.5);
    assertEquals(ToastMode.TOAST, predictedMode());
    assertTrue(events.get(0).startsWith("bread thermometer not used"));
  }

  @Test
  void withoutAThermometerTheCycleIsPredictedAsToday() {
    build(ToastMode.TOAST, null);
    pressAndRun(0.5);
    assertEquals(ToastMode.TOAST, predictedMode());
    assertTrue(events.isEmpty());
    assertNull(predictions.get(0).fallbackReason());
    assertNotNull(controller.snapshot().prediction());
  }

  @Test
  void reheatIsNeverChangedEvenForFrozenBread() {
    build(ToastMode.REHEAT, slot(apparentC(-18.0, ROOM_C)));
    pressAndRun(0.5);
    assertEquals(ToastMode.REHEAT, predictedMode());
    assertTrue(events.isEmpty());
  }

  @Test
  void theCorrectionRecoversTheBreadFromWhatTheSensorSees() {
    for (double bread = -25; bread <= 30; bread += 5) {
      for (double wall = 5; wall <= 40; wall += 5) {
        assertEquals(bread, BreadCheck.breadC(apparentC(bread, wall), wall), 1e-9);
      }
    }
  }

  @Test
  void thePredictorGetsTheSameReadingTheRuleJudged() {
    double read = apparentC(-18.0, ROOM_C);
    int[] reads = {0};
    build(
        ToastMode.TOAST,
        () -> {
          if (!latch.isLeverDown()) {
            return ROOM_C; // the boards, between cycles
          }
          reads[0]++;
          return read;
        });
    pressAndRun(0.5);
    assertEquals(1, reads[0], "the bread is read once per press");
    assertEquals(read, started.get(0).breadReadC(), 1e-12);
    assertTrue(started.get(0).hasBreadReading());
  }

  @Test
  void anImplausibleReadingReachesThePredictorAsNone() {
    build(ToastMode.TOAST, () -> 381.0);
    pressAndRun(0.5);
    assertFalse(started.get(0).hasBreadReading(), "an implausible reading is not a reading");
  }

  @Test
  void aFailedThermometerReachesThePredictorAsNoReading() {
    build(
        ToastMode.TOAST,
        () -> {
          throw new IOException("I2C1 address 0x5A: no acknowledge");
        });
    pressAndRun(0.5);
    assertFalse(started.get(0).hasBreadReading());
    assertTrue(Double.isNaN(started.get(0).breadReadC()));
  }

  @Test
  void withoutAThermometerThePredictorIsToldThereIsNoReading() {
    build(ToastMode.TOAST, null);
    pressAndRun(0.5);
    assertFalse(started.get(0).hasBreadReading(), "no thermometer, no reading");
    assertTrue(Double.isNaN(started.get(0).breadReadC()));
  }
}
