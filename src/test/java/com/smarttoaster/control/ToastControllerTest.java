package com.smarttoaster.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.smarttoaster.hal.Indicator;
import com.smarttoaster.hal.Indicators;
import com.smarttoaster.hal.ThermocoupleFault;
import com.smarttoaster.hal.UserEvent;
import com.smarttoaster.predict.FallbackTimeTable;
import com.smarttoaster.predict.GuardedPredictor;
import com.smarttoaster.predict.HeatingProgress;
import com.smarttoaster.predict.Prediction;
import com.smarttoaster.predict.PredictionInput;
import com.smarttoaster.predict.PredictorName;
import com.smarttoaster.predict.SimulatedTimePredictorRunner;
import com.smarttoaster.predict.ToastTimePredictor;
import com.smarttoaster.predict.UnavailableModelPredictor;
import com.smarttoaster.safety.SafetySupervisor;
import com.smarttoaster.safety.fakes.FakeCarriageLatch;
import com.smarttoaster.safety.fakes.FakeHeaterSwitch;
import com.smarttoaster.safety.fakes.FakeTemperatureSensor;
import com.smarttoaster.safety.fakes.ManualClock;
import com.smarttoaster.toast.BreadType;
import com.smarttoaster.toast.ToastMode;
import com.smarttoaster.toast.ToastSettings;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The controller with the real supervisor and predictor guard, over hand-made fake hardware; the
 * sensor rises while the relay conducts, so the supervisor's checks see a working toaster. Time is
 * stepped: the supervisor and the controller both tick every 50 ms.
 */
class ToastControllerTest {
  private static final ToastSettings WHITE_4 =
      new ToastSettings(4, BreadType.WHITE, 12, 2, ToastMode.TOAST);

  private final FakeChamberRig rig = new FakeChamberRig(21.0, 0.3, true);
  private final ManualClock clock = rig.clock;
  private final FakeHeaterSwitch heater = rig.heater;
  private final FakeCarriageLatch latch = rig.latch;
  private final FakeTemperatureSensor sensor = rig.sensor;
  private final SafetySupervisor safety = rig.safety;
  private final RecordingIndicators indicators = new RecordingIndicators();
  private final List<String> refusals = new ArrayList<>();
  private GuardedPredictor predictor;
  private ToastController controller;

  private void build(boolean remoteStart, double armExpiryS) {
    FallbackTimeTable table = new FallbackTimeTable();
    predictor = new GuardedPredictor(table, table, 0.5, 5.0, 285.0);
    controller =
        new ToastController(
            safety,
            predictor,
            clock,
            new ControllerSettings(0.05, remoteStart, armExpiryS),
            WHITE_4,
            230.0,
            230.0,
            indicators,
            new ControllerListener() {
              @Override
              public void onRefused(String reason, long atNanos) {
                refusals.add(reason);
              }
            });
  }

  @AfterEach
  void close() {
    predictor.close();
  }

  /** Steps 50 ms: supervisor then controller, then the fake chamber heats or cools. */
  private void step() {
    rig.step(controller);
  }

  private void runFor(double seconds) {
    for (int i = 0; i < Math.round(seconds / 0.05); i++) {
      step();
    }
  }

  private void pressLever() {
    latch.pressLever();
    controller.submit(new UserEvent.LeverDown());
  }

  @Test
  void theLeverStartsACycleThatEndsAfterThePredictedTimeWithHeatOffAndBreadUp() {
    build(false, 1800);
    step();
    pressLever();
    runFor(0.2);
    assertEquals(CyclePhase.TOASTING, controller.snapshot().phase());
    assertTrue(heater.isCommandedOn(), "heater should be on while toasting");
    assertTrue(indicators.lights.get(Indicator.TOASTING));
    double predicted = controller.snapshot().prediction().seconds();
    runFor(predicted + 1.0);
    assertEquals(CyclePhase.DONE, controller.snapshot().phase());
    assertFalse(heater.isCommandedOn(), "heater must be off when done");
    assertFalse(latch.isHeld(), "carriage must be released when done");
    assertEquals(predicted, heater.onSeconds(), 0.2, "heater-on time should match the prediction");
    assertTrue(indicators.beeps.contains(Indicators.BeepPattern.DONE));
  }

  @Test
  void cancelStopsHeatWithin200Ms() {
    build(false, 1800);
    step();
    pressLever();
    runFor(30);
    assertTrue(heater.isCommandedOn());
    long pressedAt = clock.nanos();
    controller.submit(new UserEvent.CancelPressed());
    runFor(0.2);
    FakeHeaterSwitch.Command off = heater.changes().get(heater.changes().size() - 1);
    assertFalse(off.on());
    assertTrue(
        off.atNanos() - pressedAt <= 200_000_000L,
        "heat off " + (off.atNanos() - pressedAt) / 1e6 + " ms after cancel");
    runFor(0.2);
    assertEquals(CyclePhase.CANCELLED, controller.snapshot().phase());
    assertFalse(latch.isHeld());
  }

  @Test
  void liftingTheLeverCancels() {
    build(false, 1800);
    step();
    pressLever();
    runFor(10);
    latch.liftLever();
    controller.submit(new UserEvent.LeverUp());
    runFor(0.3);
    assertEquals(CyclePhase.CANCELLED, controller.snapshot().phase());
    assertFalse(heater.isCommandedOn());
  }

  @Test
  void aRemoteStartWithoutLocalArmingIsRefusedAndChangesNothing() {
    build(true, 1800);
    runFor(0.2);
    controller.submit(new RemoteCommand.Start());
    runFor(0.2);
    assertEquals(CyclePhase.IDLE, controller.snapshot().phase());
    assertFalse(heater.isCommandedOn());
    assertFalse(latch.isHeld());
    assertEquals(1, refusals.size());
    assertTrue(refusals.get(0).contains("not armed locally"), refusals.get(0));
  }

  @Test
  void armingHoldsTheCarriageWithoutHeatUntilARemoteStart() {
    build(true, 1800);
    step();
    controller.submit(new UserEvent.RemoteArmPressed());
    pressLever();
    runFor(60);
    assertEquals(CyclePhase.ARMED, controller.snapshot().phase());
    assertTrue(latch.isHeld(), "armed toaster holds the carriage");
    assertFalse(heater.isCommandedOn(), "armed toaster must not heat");
    assertTrue(indicators.lights.get(Indicator.REMOTE_ARMED), "armed indicator must show");
    controller.submit(new RemoteCommand.Start());
    runFor(0.2);
    assertEquals(CyclePhase.TOASTING, controller.snapshot().phase());
    assertTrue(heater.isCommandedOn());
    assertFalse(indicators.lights.get(Indicator.REMOTE_ARMED));
  }

  @Test
  void armingIsRefusedWhenRemoteStartIsDisabled() {
    build(false, 1800);
    step();
    controller.submit(new UserEvent.RemoteArmPressed());
    pressLever();
    runFor(0.3);
    assertEquals(
        CyclePhase.TOASTING, controller.snapshot().phase(), "the press starts a normal cycle");
    assertTrue(refusals.get(0).contains("remoteStartEnabled"), refusals.get(0));
  }

  @Test
  void anArmedToasterDisarmsWhenTheArmExpires() {
    build(true, 120);
    step();
    controller.submit(new UserEvent.RemoteArmPressed());
    pressLever();
    runFor(121);
    assertEquals(CyclePhase.CANCELLED, controller.snapshot().phase());
    assertFalse(latch.isHeld(), "expired arm must pop the bread");
    assertTrue(safety.latchedFault().isEmpty());
  }

  @Test
  void remoteCancelDisarms() {
    build(true, 1800);
    step();
    controller.submit(new UserEvent.RemoteArmPressed());
    pressLever();
    runFor(1);
    controller.submit(new RemoteCommand.Cancel());
    runFor(0.3);
    assertEquals(CyclePhase.CANCELLED, controller.snapshot().phase());
    assertFalse(latch.isHeld());
  }

  @Test
  void aLatchedFaultEndsTheCycleAndRefusesTheNextStart() {
    build(false, 1800);
    step();
    pressLever();
    runFor(10);
    sensor.setFault(ThermocoupleFault.OPEN_CIRCUIT);
    runFor(1);
    assertEquals(CyclePhase.FAULT, controller.snapshot().phase());
    assertFalse(heater.isCommandedOn());
    assertFalse(latch.isHeld());
    assertTrue(indicators.lights.get(Indicator.FAULT));
    sensor.setFault(ThermocoupleFault.NONE);
    pressLever();
    runFor(0.3);
    assertEquals(CyclePhase.FAULT, controller.snapshot().phase());
    assertFalse(heater.isCommandedOn(), "start interlock: no heat while a fault is latched");
    assertTrue(refusals.get(refusals.size() - 1).contains("SENSOR_FAULT"), refusals.toString());
  }

  @Test
  void anUnavailableModelFallsBackAndTheCycleCompletes() {
    build(false, 1800);
    predictor.close();
    FallbackTimeTable table = new FallbackTimeTable();
    predictor =
        new GuardedPredictor(
            new UnavailableModelPredictor("no model installed"),
            table,
            0.5,
            5,
            285,
            clock,
            new SimulatedTimePredictorRunner(clock, () -> 0.0));
    controller =
        new ToastController(
            safety,
            predictor,
            clock,
            ControllerSettings.defaults(),
            WHITE_4,
            230.0,
            230.0,
            indicators,
            ControllerListener.NONE);
    step();
    pressLever();
    runFor(0.2);
    assertNotNull(controller.snapshot().prediction());
    assertEquals("no model installed", controller.snapshot().prediction().fallbackReason());
    runFor(31);
    // At 30 s the table re-predicts from the chamber's rise, as it would for a model that declined.
    assertEquals("no model installed", controller.snapshot().prediction().fallbackReason());
    runFor(controller.snapshot().remainingS() + 1);
    assertEquals(CyclePhase.DONE, controller.snapshot().phase());
  }

  private void buildWithSlowPredictor(double latencyS) {
    build(false, 1800);
    predictor.close();
    FallbackTimeTable table = new FallbackTimeTable();
    ToastTimePredictor hundredSeconds =
        new ToastTimePredictor() {
          @Override
          public PredictorName name() {
            return PredictorName.MODEL;
          }

          @Override
          public double predictSeconds(PredictionInput input) {
            return 100.0;
          }
        };
    predictor =
        new GuardedPredictor(
            hundredSeconds,
            table,
            0.5,
            5,
            285,
            clock,
            new SimulatedTimePredictorRunner(clock, () -> latencyS));
    controller =
        new ToastController(
            safety,
            predictor,
            clock,
            ControllerSettings.defaults(),
            WHITE_4,
            230.0,
            230.0,
            indicators,
            ControllerListener.NONE);
    step();
  }

  @Test
  void whileThePredictorWorksTheCarriageIsHeldWithoutHeatAndTheLeaseIsKept() {
    buildWithSlowPredictor(0.45);
    pressLever();
    runFor(0.3);
    assertEquals(CyclePhase.PREPARING, controller.snapshot().phase());
    assertTrue(latch.isHeld(), "the carriage is held while the predictor works");
    assertFalse(heater.isCommandedOn(), "no heat before there is a time");
    runFor(0.4);
    assertEquals(CyclePhase.TOASTING, controller.snapshot().phase());
    assertTrue(heater.isCommandedOn());
    assertEquals(100.0, controller.snapshot().prediction().seconds());
    assertNull(controller.snapshot().prediction().fallbackReason(), "answered inside the deadline");
    assertTrue(safety.latchedFault().isEmpty(), () -> "no fault: " + safety.latchedFault());
  }

  @Test
  void aPredictorPastItsDeadlineGivesTheFallbackTimeAndNoFault() {
    buildWithSlowPredictor(Double.POSITIVE_INFINITY);
    pressLever();
    runFor(3.0); // twice the hung-controller limit: the controller kept renewing while it waited
    assertEquals(CyclePhase.TOASTING, controller.snapshot().phase());
    assertTrue(
        controller
            .snapshot()
            .prediction()
            .fallbackReason()
            .contains("did not answer within 500 ms"));
    assertTrue(safety.latchedFault().isEmpty(), () -> "no fault: " + safety.latchedFault());
  }

  @Test
  void cancellingWhileThePredictorWorksNeverHeats() {
    buildWithSlowPredictor(0.45);
    pressLever();
    runFor(0.2);
    controller.submit(new UserEvent.CancelPressed());
    boolean everOn = false;
    for (int i = 0; i < 40; i++) {
      step();
      everOn |= heater.isCommandedOn();
    }
    assertFalse(everOn, "the late answer is not used");
    assertEquals(CyclePhase.CANCELLED, controller.snapshot().phase());
    assertFalse(latch.isHeld());
  }

  @Test
  void shadeAndModeChangesApplyToTheNextCycle() {
    build(false, 1800);
    controller.submit(new UserEvent.ShadeChanged(6));
    controller.submit(new UserEvent.ModeSelected(ToastMode.DEFROST));
    controller.submit(new RemoteCommand.SetBread(BreadType.RYE));
    controller.submit(new RemoteCommand.SetSlices(1));
    controller.submit(new RemoteCommand.SetThickness(25));
    step();
    ToastSettings s = controller.snapshot().settings();
    assertEquals(6, s.shade());
    assertEquals(ToastMode.DEFROST, s.mode());
    assertEquals(BreadType.RYE, s.bread());
    assertEquals(1, s.slices());
    assertEquals(25.0, s.thicknessMm());
  }

  /**
   * A model stand-in: one time at the start, another once it is shown the heating progress; records
   * its inputs.
   */
  private final List<PredictionInput> asked = new ArrayList<>();

  private final List<String> rePredictions = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();

  private void buildWithProgressModel(double startS, double withProgressS) {
    buildWithProgressModel(startS, withProgressS, withProgressS, 0.1);
  }

  private void buildWithProgressModel(
      double startS, double withProgressS, double rePredictionLatencyS) {
    buildWithProgressModel(startS, withProgressS, withProgressS, rePredictionLatencyS);
  }

  /**
   * A model that answers {@code startS} at the start, {@code withProgressS} at 30 s and {@code
   * lateS} at 60 s of heating. A re-prediction takes {@code rePredictionLatencyS} of simulated
   * time; the start prediction 0.1 s.
   */
  private void buildWithProgressModel(
      double startS, double withProgressS, double lateS, double rePredictionLatencyS) {
    // The checker has its own tests; here the non-ML estimate agrees with the fake model.
    // (It answers the second re-prediction as the first: a 0.5 band lets the fake's answers by.)
    double tableRePredictS = Double.isFinite(withProgressS) ? withProgressS : startS;
    buildWithProgressModel(
        startS,
        withProgressS,
        lateS,
        rePredictionLatencyS,
        startS,
        tableRePredictS,
        tableRePredictS);
  }

  /**
   * As above, with a non-ML table that answers {@code tableStartS} at the start, {@code
   * tableRePredictS} from the first three rises and {@code tableLateS} from all six (NaN: a table
   * without a set for them).
   */
  private void buildWithProgressModel(
      double startS,
      double withProgressS,
      double lateS,
      double rePredictionLatencyS,
      double tableStartS,
      double tableRePredictS,
      double tableLateS) {
    build(false, 1800);
    predictor.close();
    ToastTimePredictor model =
        new ToastTimePredictor() {
          @Override
          public PredictorName name() {
            return PredictorName.MODEL;
          }

          @Override
          public double predictSeconds(PredictionInput input) {
            asked.add(input);
            HeatingProgress p = input.progress();
            return p == null ? startS : p.isLate() ? lateS : withProgressS;
          }
        };
    FallbackTimeTable table =
        com.smarttoaster.predict.ConstantTables.of(tableStartS, tableRePredictS, tableLateS);
    predictor =
        new GuardedPredictor(
            model,
            table,
            0.5,
            5,
            285,
            clock,
            new SimulatedTimePredictorRunner(
                clock, () -> asked.isEmpty() ? 0.1 : rePredictionLatencyS));
    controller = newController();
    step();
  }

  private ToastController newController() {
    return new ToastController(
        safety,
        predictor,
        clock,
        ControllerSettings.defaults(),
        WHITE_4,
        230.0,
        230.0,
        indicators,
        new ControllerListener() {
          @Override
          public void onRePredicted(
              Prediction before, Prediction after, long atNanos, String reason) {
            rePredictions.add(
                String.format(
                    java.util.Locale.ROOT,
                    "%.1f -> %.1f: %s",
                    before.seconds(),
                    after.seconds(),
                    reason));
          }

          @Override
          public void onNote(String note, long atNanos) {
            notes.add(note);
          }
        });
  }

  /**
   * Lever down, then steps until the cycle is over (or {@code maxS}); returns the heater-on seconds
   * of this cycle.
   */
  private double runCycle(double maxS) {
    double onBefore = heater.onSeconds();
    pressLever();
    step();
    for (int i = 0;
        i < Math.round(maxS / 0.05) && controller.snapshot().phase() != CyclePhase.DONE;
        i++) {
      step();
    }
    return heater.onSeconds() - onBefore;
  }

  @Test
  void theNextCycleIsToldWhenTheLastOneStoppedHeatingAndHowLongItHeated() {
    buildWithProgressModel(35.0, 35.0);
    double firstS = runCycle(60);
    assertEquals(CyclePhase.DONE, controller.snapshot().phase());
    runFor(60);
    runCycle(60);
    PredictionInput first = asked.get(0);
    PredictionInput second = asked.get(asked.size() - 1);
    assertFalse(
        first.hasRecentCycle(), "the first cycle after start-up has no previous one: " + first);
    assertEquals(0.0, first.lastHeatS());
    assertEquals(230.0, first.nominalMainsVolts());
    assertEquals(
        60.0, second.sinceLastCycleS(), 0.2, "seconds since the first cycle's heat stopped");
    assertEquals(firstS, second.lastHeatS(), 0.1, "the first cycle's heat time");
    assertEquals(35.0, firstS, 0.2);
  }

  @Test
  void aRestartedControllerKnowsNoPreviousCycleAndAnOldOneIsNoneEither() {
    buildWithProgressModel(35.0, 35.0);
    runCycle(60);
    controller = newController(); // a restart: memory only
    runFor(5);
    runCycle(60);
    assertFalse(
        asked.get(asked.size() - 1).hasRecentCycle(),
        "after a restart: " + asked.get(asked.size() - 1));
    runFor(PredictionInput.NO_RECENT_CYCLE_S + 1);
    runCycle(60);
    PredictionInput late = asked.get(asked.size() - 1);
    assertEquals(
        PredictionInput.NO_RECENT_CYCLE_S,
        late.sinceLastCycleS(),
        "longer ago is reported as 'none'");
    assertEquals(0.0, late.lastHeatS());
  }

  @Test
  void at30SOfHeatingTheCycleIsRePredictedFromTheChambersRiseAndHeatsForTheNewTotal() {
    buildWithProgressModel(100.0, 150.0);
    double heatedS = runCycle(200);
    assertEquals(3, asked.size(), "one prediction at the start, two re-predictions: " + asked);
    assertEquals(
        asked.get(1).progress(),
        asked.get(2).progress().early(),
        "the second re-prediction has the first's rises and more");
    double[] rise = asked.get(2).progress().riseC();
    assertEquals(HeatingProgress.AT_S.length, rise.length);
    for (int i = 0; i < rise.length; i++) {
      // The fake chamber rises 1 °C per second of heat (read with ±0.3 °C noise, 0.25 °C steps);
      // each rise is the mean over the window before its mark, so it reads mid-window.
      double midWindowS =
          com.smarttoaster.predict.HeatingProgress.AT_S[i]
              - com.smarttoaster.predict.HeatingProgress.AVERAGE_S / 2;
      assertEquals(midWindowS, rise[i], 1.0, "rise " + i);
    }
    assertEquals(asked.get(0), asked.get(1).withProgress(null), "the same start, with progress");
    assertEquals(HeatingProgress.EARLY, asked.get(1).progress().riseC().length);
    assertEquals(150.0, heatedS, 0.2, "heated for the re-predicted total");
    assertEquals(150.0, controller.snapshot().prediction().seconds());
    assertEquals(1, rePredictions.size(), rePredictions.toString());
    assertTrue(
        rePredictions
            .get(0)
            .startsWith(
                "100.0 -> 150.0: chamber warmed slower than expected for toast mode: "
                    + "frozen bread, low mains or a cold-soaked toaster?"),
        rePredictions.get(0));
  }

  @Test
  void at60SOfHeatingACycleStillRunningIsRePredictedAgainAndToldOnceMore() {
    buildWithProgressModel(100.0, 150.0, 130.0, 0.1);
    double heatedS = runCycle(200);
    assertEquals(130.0, heatedS, 0.2, "heated for the second re-predicted total");
    assertEquals(2, rePredictions.size(), rePredictions.toString());
    assertTrue(
        rePredictions.get(1).startsWith("150.0 -> 130.0: chamber rose "), rePredictions.get(1));
    assertTrue(
        rePredictions.get(1).endsWith("after 10/20/30/40/50/60 s of heating"),
        rePredictions.get(1));
  }

  @Test
  void aSecondRePredictionTheGuardRejectsTakesTheTablesTimeAndSaysWhy() {
    buildWithProgressModel(100.0, 140.0, Double.NaN, 0.1);
    double heatedS = runCycle(200);
    assertEquals(140.0, heatedS, 0.2, "the table (here constant) answers the second re-prediction");
    assertTrue(
        notes.stream()
            .anyMatch(
                n ->
                    n.startsWith(
                        "re-prediction from the non-ML table, 140.0 s: model "
                            + "predictor returned NaN")),
        notes.toString());
  }

  @Test
  void aModelTheCheckerOverruledAtTheStartIsAskedAgainWithTheRiseAndUsedWhenItAgrees() {
    // 200 s against the table's 100 s: 100 % apart, more than the 50 % band. At 30 s, 120 s
    // against 115 s: within it.
    buildWithProgressModel(200.0, 120.0, 120.0, 0.1, 100.0, 115.0, 115.0);
    double heatedS = runCycle(300);
    assertEquals(3, asked.size(), "asked at the start, at 30 s and at 60 s: " + asked);
    assertEquals(120.0, heatedS, 0.2, "the model's re-predicted time");
    assertEquals(PredictorName.MODEL, controller.snapshot().prediction().predictor());
  }

  @Test
  void afterTheModelFailedTheTableAloneAnswersTheSecondRePredictionFromAllSixRises() {
    buildWithProgressModel(Double.NaN, 150.0, 150.0, 0.1, 100.0, 110.0, 130.0);
    double heatedS = runCycle(200);
    assertEquals(1, asked.size(), "the model is asked at the start only: " + asked);
    assertEquals(130.0, heatedS, 0.2, "the table's time from all six rises");
    assertEquals(2, rePredictions.size(), rePredictions.toString());
    assertTrue(rePredictions.get(1).startsWith("110.0 -> 130.0: "), rePredictions.get(1));
    assertTrue(
        notes.contains(
            "re-prediction from the non-ML table, 130.0 s: the model failed earlier in this "
                + "cycle and is not asked again in it"),
        notes.toString());
  }

  @Test
  void afterTheModelFailedATableWithoutASetForAllSixRisesIsNotAskedAgain() {
    buildWithProgressModel(Double.NaN, 150.0, 150.0, 0.1, 100.0, 110.0, Double.NaN);
    double heatedS = runCycle(200);
    assertEquals(110.0, heatedS, 0.2, "the first re-prediction's time stands");
    assertEquals(1, rePredictions.size(), rePredictions.toString());
  }

  @Test
  void aCycleThatEndsBeforeTheSecondCheckpointIsNotAskedAgain() {
    buildWithProgressModel(100.0, 50.0, 200.0, 0.1);
    double heatedS = runCycle(200);
    assertEquals(50.0, heatedS, 0.2);
    assertEquals(2, asked.size(), asked.toString());
  }

  @Test
  void aFirstRePredictionStillPendingAtTheSecondCheckpointMeansNoSecond() {
    buildWithProgressModel(100.0, 150.0, 60.5, 31.0);
    double heatedS = runCycle(200);
    assertEquals(150.0, heatedS, 0.2, "the first re-prediction's answer, 31 s late, stands");
    assertEquals(2, asked.size(), asked.toString());
  }

  @Test
  void aRePredictionNeverEndsTheCycleBeforeTheTimeAlreadyHeatedPlusASecond() {
    buildWithProgressModel(100.0, 12.0);
    double heatedS = runCycle(200);
    assertEquals(
        31.2, heatedS, 0.3, "30 s heated, the re-prediction's answer after 0.1 s, plus a second");
    assertTrue(
        rePredictions.get(0).contains("warmed faster than expected for toast mode"),
        rePredictions.toString());
  }

  @Test
  void aShortCycleIsNotRePredicted() {
    buildWithProgressModel(38.0, 150.0);
    double heatedS = runCycle(100);
    assertEquals(1, asked.size(), asked.toString());
    assertEquals(38.0, heatedS, 0.2);
    assertTrue(rePredictions.isEmpty());
  }

  @Test
  void aRePredictionTheGuardRejectsTakesTheNonMlTablesTimeAndSaysWhy() {
    buildWithProgressModel(100.0, Double.NaN);
    double heatedS = runCycle(200);
    assertEquals(100.0, heatedS, 0.2, "the table (here constant) answers the re-prediction");
    assertTrue(
        notes.stream()
            .anyMatch(
                n ->
                    n.startsWith(
                        "re-prediction from the non-ML table, 100.0 s: model "
                            + "predictor returned NaN")),
        notes.toString());
  }

  @Test
  void cancellingDuringTheRePredictionStopsHeatAndTheLateAnswerIsNotUsed() {
    buildWithProgressModel(100.0, 150.0, 0.4);
    pressLever();
    runFor(30.35); // heat from about 0.1 s; the re-prediction asked at 30 s of heat answers 0.4 s
    // later
    controller.submit(new UserEvent.CancelPressed());
    runFor(1.0);
    assertEquals(CyclePhase.CANCELLED, controller.snapshot().phase());
    assertFalse(heater.isCommandedOn());
    assertTrue(rePredictions.isEmpty(), rePredictions.toString());
  }

  private static final class RecordingIndicators implements Indicators {
    final Map<Indicator, Boolean> lights = new EnumMap<>(Indicator.class);
    final List<BeepPattern> beeps = new ArrayList<>();

    RecordingIndicators() {
      for (Indicator i : Indicator.values()) {
        lights.put(i, false);
      }
    }

    @Override
    public void set(Indicator indicator, boolean on) {
      lights.put(indicator, on);
    }

    @Override
    public void beep(BeepPattern pattern) {
      beeps.add(pattern);
    }
  }
}
