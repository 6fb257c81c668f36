package com.smarttoaster.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.smarttoaster.control.ControllerSnapshot;
import com.smarttoaster.control.CyclePhase;
import com.smarttoaster.hal.sim.ApplianceConditions;
import com.smarttoaster.hal.sim.SimClock;
import com.smarttoaster.hal.sim.SimulatedAppliance;
import com.smarttoaster.predict.Prediction;
import com.smarttoaster.predict.PredictionInput;
import com.smarttoaster.predict.PredictorName;
import com.smarttoaster.safety.SafetyStatus;
import com.smarttoaster.safety.fakes.ManualClock;
import com.smarttoaster.taste.RatingDesk;
import com.smarttoaster.taste.TasteBook;
import com.smarttoaster.toast.BreadType;
import com.smarttoaster.toast.ToastMode;
import com.smarttoaster.toast.ToastSettings;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The panel's rating keys and what the status line shows while a rating is invited. */
class PanelRatingKeysTest {
  private static final ToastSettings WHITE_4 =
      new ToastSettings(4, BreadType.WHITE, 12, 2, ToastMode.TOAST);
  private final ManualClock clock = new ManualClock();
  private final RatingDesk desk = new RatingDesk(clock, 600, TasteBook.inMemory());
  private final List<String> said = new ArrayList<>();
  private final ControllerSnapshot done =
      new ControllerSnapshot(
          CyclePhase.DONE, WHITE_4, new Prediction(120, PredictorName.MODEL, null), 0, false);
  private final SafetyStatus status = new SafetyStatus(false, false, null, 0, null);
  private final TerminalPanel panel =
      new TerminalPanel(
          new SimulatedAppliance(
              new ApplianceConditions(21, 230, 21, 2, BreadType.WHITE, 12, 21), 1, new SimClock()),
          Runnable::run,
          c -> {},
          () -> done,
          () -> status,
          said::add,
          21.0,
          desk);

  private void keys(String typed) throws Exception {
    panel.readKeys(new ByteArrayInputStream(typed.getBytes(StandardCharsets.US_ASCII)));
  }

  private void cycle(CyclePhase end) {
    desk.onPhaseChanged(CyclePhase.IDLE, CyclePhase.PREPARING, clock.nanos());
    desk.onCycleStarted(
        new PredictionInput(WHITE_4, 21, 21, 230),
        new Prediction(120, PredictorName.MODEL, null),
        clock.nanos());
    clock.advanceMillis(120_000);
    desk.onPhaseChanged(CyclePhase.TOASTING, end, clock.nanos());
  }

  @Test
  void theKeysRateAndEachAnswerIsPrinted() throws Exception {
    keys(",");
    cycle(CyclePhase.DONE);
    keys(",/");

    assertEquals(
        "not rated too-light: no cycle has finished since the toaster started", said.get(0));
    assertTrue(
        said.get(1).startsWith("last cycle rated too-light; taste for white: no offset, 1 of 3"),
        said.get(1));
    assertTrue(said.get(2).startsWith("last cycle rated too-dark (was too-light)"), said.get(2));
  }

  @Test
  void aCancelledCycleIsRefusedOnThePanel() throws Exception {
    cycle(CyclePhase.CANCELLED);
    keys(".");
    assertTrue(
        said.get(0).startsWith("not rated just-right: the last cycle was cancelled"), said.get(0));
  }

  @Test
  void theStatusLineShowsTheRatingKeysWhileTheWindowIsOpen() throws Exception {
    cycle(CyclePhase.DONE);
    String invited = TerminalPanel.statusText(done, status, desk.invitation());
    keys(".");
    String rated = TerminalPanel.statusText(done, status, desk.invitation());
    clock.advanceMillis(601_000);
    String closed = TerminalPanel.statusText(done, status, desk.invitation());

    assertTrue(invited.startsWith("done      ,light .right /dark  shade 4"), invited);
    assertTrue(rated.startsWith("done      rated just-right     shade 4"), rated);
    assertTrue(closed.startsWith("done      done after 120s"), closed);
    assertTrue(invited.length() <= 75, "the line fits 75 columns: " + invited.length());
  }
}
