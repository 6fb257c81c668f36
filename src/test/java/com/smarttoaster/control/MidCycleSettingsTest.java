package com.smarttoaster.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Settings changed during a cycle (issue 13): refused with a message while the time is worked out
 * or heat flows, from the panel and remotely alike, so what every display shows (the snapshot) is
 * what the toaster does; taken between cycles and while armed, when the time is not yet worked out.
 */
class MidCycleSettingsTest {
  private static final ToastSettings WHITE_5 =
      new ToastSettings(5, BreadType.WHITE, 12, 2, ToastMode.TOAST);

  private final FakeChamberRig rig = new FakeChamberRig(21.0, 0.3, true);
  private final ManualClock clock = rig.clock;
  private final FakeHeaterSwitch heater = rig.heater;
  private final FakeCarriageLatch latch = rig.latch;
  private final SafetySupervisor safety = rig.safety;
  private final List<String> refusals = new ArrayList<>();
  private final List<PredictionInput> starts = new ArrayList<>();
  private GuardedPredictor predictor;
  private ToastController controller;

  private void build(boolean remoteStart) {
    FallbackTimeTable table = new FallbackTimeTable();
    predictor = new GuardedPredictor(table, table, 0.5, 5.0, 285.0);
    controller =
        new ToastController(
            safety,
            predictor,
            clock,
            new ControllerSettings(0.05, remoteStart, 1800),
            WHITE_5,
            230.0,
            230.0,
            FakeChamberRig.UNWATCHED,
            new ControllerListener() {
              @Override
              public void onRefused(String reason, long atNanos) {
                refusals.add(reason);
              }

              @Override
              public void onCycleStarted(
                  PredictionInput input, Prediction prediction, long atNanos) {
                starts.add(input);
              }
            });
  }

  @AfterEach
  void close() {
    predictor.close();
  }

  private void runFor(double seconds) {
    for (int i = 0; i < Math.round(seconds / 0.05); i++) {
      rig.step(controller);
    }
  }

  private void startToasting() {
    runFor(0.1);
    latch.pressLever();
    controller.submit(new UserEvent.LeverDown());
    runFor(5);
    assertEquals(CyclePhase.TOASTING, controller.snapshot().phase());
  }

  @Test
  void shadeModeBreadAndSlicesPressedMidCycleAreRefusedAndTheDisplayKeepsTheCyclesSettings() {
    build(false);
    startToasting();
    double predicted = controller.snapshot().prediction().seconds();

    controller.submit(new UserEvent.ShadeChanged(3));
    controller.submit(new UserEvent.ModeSelected(ToastMode.REHEAT));
    controller.submit(new UserEvent.BreadSelected(BreadType.RYE));
    controller.submit(new UserEvent.SliceSizeSet(20, 1));
    runFor(0.1);

    assertEquals(
        WHITE_5, controller.snapshot().settings(), "the snapshot shows what the cycle uses");
    assertEquals(
        List.of(
            "shade 3 refused: the cycle runs on with shade 5 white 2x12mm toast; cancel first",
            "reheat mode refused: the cycle runs on with shade 5 white 2x12mm toast; cancel first",
            "rye bread refused: the cycle runs on with shade 5 white 2x12mm toast; cancel first",
            "1x20mm slices refused: the cycle runs on with shade 5 white 2x12mm toast; cancel first"),
        refusals);
    runFor(predicted);
    assertEquals(CyclePhase.DONE, controller.snapshot().phase());
    assertEquals(predicted, heater.onSeconds(), 0.2, "the shade-5 toast ran its own time");
  }

  @Test
  void remoteSettingChangesMidCycleAreRefusedTheSameWay() {
    build(false);
    startToasting();

    controller.submit(new RemoteCommand.SetShade(2));
    controller.submit(new RemoteCommand.SetMode(ToastMode.BAGEL));
    controller.submit(new RemoteCommand.SetBread(BreadType.BAGEL));
    controller.submit(new RemoteCommand.SetSlices(1));
    controller.submit(new RemoteCommand.SetThickness(30));
    runFor(0.1);

    assertEquals(WHITE_5, controller.snapshot().settings());
    assertEquals(5, refusals.size(), refusals.toString());
    assertTrue(refusals.get(0).startsWith("shade 2 refused"), refusals.get(0));
  }

  @Test
  void afterTheCycleTheSameKeysChangeTheNextCycle() {
    build(false);
    startToasting();
    controller.submit(new UserEvent.CancelPressed());
    runFor(0.5); // released: the carriage springs up

    controller.submit(new UserEvent.ShadeChanged(3));
    controller.submit(new UserEvent.BreadSelected(BreadType.RYE));
    controller.submit(new UserEvent.SliceSizeSet(20, 1));
    runFor(0.1);
    latch.pressLever();
    controller.submit(new UserEvent.LeverDown());
    runFor(1);

    ToastSettings rye = new ToastSettings(3, BreadType.RYE, 20, 1, ToastMode.TOAST);
    assertEquals(rye, controller.snapshot().settings());
    assertEquals(rye, starts.get(1).settings(), "the predictor is told the new settings");
    assertEquals(List.of(), refusals);
  }

  @Test
  void whileArmedTheTimeIsNotWorkedOutYetSoChangesAreTakenForTheRemoteStart() {
    build(true);
    runFor(0.1);
    controller.submit(new UserEvent.RemoteArmPressed());
    latch.pressLever();
    controller.submit(new UserEvent.LeverDown());
    runFor(0.2);
    assertEquals(CyclePhase.ARMED, controller.snapshot().phase());

    controller.submit(new RemoteCommand.SetShade(2));
    controller.submit(new RemoteCommand.Start());
    runFor(1);

    assertEquals(CyclePhase.TOASTING, controller.snapshot().phase());
    assertEquals(2, starts.get(0).settings().shade());
    assertEquals(List.of(), refusals);
  }

  @Test
  void choosingTheSettingAlreadyInForceMidCycleIsNoRefusal() {
    build(false);
    startToasting();
    controller.submit(new UserEvent.ShadeChanged(5));
    runFor(0.1);
    assertEquals(List.of(), refusals);
  }
}
