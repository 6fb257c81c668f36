package com.smarttoaster.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.smarttoaster.control.ControllerSnapshot;
import com.smarttoaster.control.CyclePhase;
import com.smarttoaster.control.RemoteCommand;
import com.smarttoaster.hal.UserEvent;
import com.smarttoaster.hal.sim.ApplianceConditions;
import com.smarttoaster.hal.sim.SimClock;
import com.smarttoaster.hal.sim.SimulatedAppliance;
import com.smarttoaster.safety.Fault;
import com.smarttoaster.safety.FaultCode;
import com.smarttoaster.safety.SafetyLimits;
import com.smarttoaster.safety.SafetyListener;
import com.smarttoaster.safety.SafetyStatus;
import com.smarttoaster.safety.SafetySupervisor;
import com.smarttoaster.toast.BreadType;
import com.smarttoaster.toast.ToastMode;
import com.smarttoaster.toast.ToastSettings;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TerminalPanelTest {
  private static final ToastSettings WHITE_4 =
      new ToastSettings(4, BreadType.WHITE, 12, 2, ToastMode.TOAST);
  private final SimClock clock = new SimClock();
  private final SimulatedAppliance appliance =
      new SimulatedAppliance(
          new ApplianceConditions(21, 230, 21, 2, BreadType.WHITE, 12, 21), 1, clock);
  private final List<UserEvent> events = new ArrayList<>();
  private final List<RemoteCommand> remote = new ArrayList<>();
  private final List<String> said = new ArrayList<>();
  private ControllerSnapshot snapshot =
      new ControllerSnapshot(CyclePhase.IDLE, WHITE_4, null, 0, false);
  private SafetyStatus status = new SafetyStatus(false, false, null, 0, null);
  private final TerminalPanel panel =
      new TerminalPanel(
          appliance, Runnable::run, remote::add, () -> snapshot, () -> status, said::add, 21.0);

  TerminalPanelTest() {
    appliance.controls().onEvent(events::add);
  }

  private boolean keys(String typed) throws Exception {
    return panel.readKeys(new ByteArrayInputStream(typed.getBytes(StandardCharsets.US_ASCII)));
  }

  @Test
  void qQuitsAndLeavesTheRestOfTheInputUnread() throws Exception {
    assertTrue(keys("3lq c"));

    assertEquals(List.of(new UserEvent.ShadeChanged(3), new UserEvent.LeverDown()), events);
    assertTrue(appliance.isCarriageDown());
  }

  @Test
  void lPutsFreshSlicesInAndPReToastsTheSameOnes() throws Exception {
    SafetySupervisor supervisor =
        fedSupervisor(); // built first: a new supervisor releases the carriage
    assertTrue(keys("lq"));
    toastThroughTheSupervisor(supervisor, 100);
    appliance.liftLever();
    double browned = appliance.physics().browningDeltaE();
    assertTrue(browned > 1, "browning after 100 s of heat: " + browned);

    assertTrue(keys("pq"));
    assertEquals(browned, appliance.physics().browningDeltaE(), 1e-9, "p: the same slices");
    appliance.liftLever();
    assertTrue(keys("lq"));
    assertTrue(
        appliance.physics().browningDeltaE() < 0.01,
        "l: fresh slices, " + appliance.physics().browningDeltaE());
    assertEquals(
        21.0, appliance.physics().breadSurfaceC(), 0.5, "fresh slices at room temperature");
  }

  /** A supervisor on the appliance's ports whose dead-man stage is fed, so the magnet can hold. */
  private SafetySupervisor fedSupervisor() {
    SafetySupervisor supervisor =
        new SafetySupervisor(
            SafetyLimits.defaults(), appliance.ports(), clock, SafetyListener.NONE, null);
    for (int tick = 0; tick < 4; tick++) {
      supervisor.tick();
      clock.advance(50_000_000L);
    }
    return supervisor;
  }

  /**
   * Heat as on the appliance: the supervisor holds the carriage and switches the relay, ticked in
   * stepped time.
   */
  private void toastThroughTheSupervisor(SafetySupervisor supervisor, double seconds) {
    assertTrue(supervisor.holdCarriage(), "the supervisor holds the pressed carriage");
    supervisor.requestHeat(true);
    for (int tick = 0; tick < Math.round(seconds / 0.05); tick++) {
      supervisor.renewLease();
      supervisor.tick();
      for (int i = 0; i < 5; i++) {
        clock.advance(10_000_000L);
        appliance.step(0.01);
      }
    }
    assertTrue(supervisor.latchedFault().isEmpty(), () -> "no fault: " + supervisor.latchedFault());
    supervisor.endCycle();
    supervisor.shutdown();
  }

  @Test
  void theEndOfTheInputIsNotAQuit() throws Exception {
    // Under systemd stdin is /dev/null: run must go on until it is stopped, not end here.
    assertFalse(keys("ls"));
    assertFalse(keys(""));

    assertEquals(List.of(new UserEvent.LeverDown()), events);
    assertEquals(List.of(new RemoteCommand.Start()), remote);
  }

  @Test
  void keysWithNothingToDoSaySoOnce() throws Exception {
    assertFalse(keys("xucz"));

    assertEquals(
        List.of(
            "x: no fault is latched; nothing to reset",
            "u: the lever is already up",
            "c: no cycle to cancel",
            "key 'z' does nothing; ? lists the keys"),
        said);
    assertEquals(List.of(), events);
  }

  @Test
  void questionMarkListsTheKeysInUnder80Columns() throws Exception {
    assertFalse(keys("?"));

    assertEquals(TerminalPanel.HELP, said);
    for (String line : said) {
      assertTrue(line.length() < 80, line.length() + ": " + line);
    }
    assertTrue(String.join(" ", said).contains("w bread type"), "the new keys are documented");
  }

  @Test
  void breadThicknessAndSlicesHaveKeys() throws Exception {
    assertFalse(keys("w+-o"));

    assertEquals(
        List.of(
            new UserEvent.BreadSelected(BreadType.WHOLEGRAIN),
            new UserEvent.SliceSizeSet(14, 2),
            new UserEvent.SliceSizeSet(12, 2),
            new UserEvent.SliceSizeSet(12, 1)),
        events);
  }

  @Test
  void thicknessStopsAtThePanelsLimitsWithAMessage() throws Exception {
    snapshot =
        new ControllerSnapshot(
            CyclePhase.IDLE,
            new ToastSettings(4, BreadType.RYE, 35, 1, ToastMode.TOAST),
            null,
            0,
            false);
    assertFalse(keys("+"));

    assertEquals(List.of(), events);
    assertEquals(List.of("slices are already 35 mm thick (the panel allows 8-35 mm)"), said);
  }

  @Test
  void lPutsInTheBreadThePanelSaysAndFrozenSlicesForDefrost() throws Exception {
    snapshot =
        new ControllerSnapshot(
            CyclePhase.IDLE,
            new ToastSettings(4, BreadType.BAGEL, 28, 1, ToastMode.DEFROST),
            null,
            0,
            false);
    assertTrue(keys("lq"));

    assertEquals(-18.0, appliance.physics().breadSurfaceC(), 0.5, "defrost: from the freezer");
  }

  @Test
  void xWithAFaultLatchedHoldsReset() throws Exception {
    status =
        new SafetyStatus(
            false, false, null, 0, new Fault(FaultCode.OVER_TEMPERATURE, "hot", 290, 280, 0));
    assertFalse(keys("x"));

    assertEquals(List.of(new UserEvent.ResetHeld()), events);
    assertEquals(List.of(), said);
  }

  @Test
  void keysTypedFasterThanAControllerTickStepOnFromWhatWasAsked() throws Exception {
    // The snapshot stands still, as it does between two controller ticks.
    assertFalse(keys("wwo+"));

    assertEquals(
        List.of(
            new UserEvent.BreadSelected(BreadType.WHOLEGRAIN),
            new UserEvent.BreadSelected(BreadType.SOURDOUGH),
            new UserEvent.SliceSizeSet(12, 1),
            new UserEvent.SliceSizeSet(14, 1)),
        events);
  }

  @Test
  void midCycleTheKeysStepFromTheCyclesSettingsWhichTheControllerKeeps() throws Exception {
    snapshot =
        new ControllerSnapshot(
            CyclePhase.TOASTING,
            WHITE_4,
            new com.smarttoaster.predict.Prediction(
                100, com.smarttoaster.predict.PredictorName.MODEL, null),
            50,
            false);
    assertFalse(keys("ww"));

    assertEquals(
        List.of(
            new UserEvent.BreadSelected(BreadType.WHOLEGRAIN),
            new UserEvent.BreadSelected(BreadType.WHOLEGRAIN)),
        events,
        "each is refused by the controller on its own");
  }
}
