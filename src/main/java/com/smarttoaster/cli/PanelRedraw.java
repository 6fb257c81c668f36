package com.smarttoaster.cli;

import com.smarttoaster.control.ControllerSnapshot;
import com.smarttoaster.safety.SafetyStatus;
import com.smarttoaster.taste.RatingInvitation;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Redraws the run's status line five times a wall-clock second from the controller's and the
 * supervisor's published state (it only reads; the simulation never waits for it). Without a
 * terminal the status line prints a plain line only when the state changes.
 */
final class PanelRedraw {
  /** Wall time between redraws, ms: smooth enough for a bar, cheap enough for a Pi. */
  static final long PERIOD_MS = 200;

  private final Thread thread;
  private volatile boolean running = true;

  private final Supplier<Optional<RatingInvitation>> invited;

  private PanelRedraw(
      StatusLine line,
      Supplier<ControllerSnapshot> controller,
      Supplier<SafetyStatus> safety,
      Supplier<Optional<RatingInvitation>> invited) {
    this.invited = invited;
    thread =
        new Thread(
            () -> {
              while (running) {
                draw(line, controller.get(), safety.get(), invited.get());
                try {
                  Thread.sleep(PERIOD_MS);
                } catch (InterruptedException e) {
                  return;
                }
              }
            },
            "panel");
    thread.setDaemon(true);
  }

  /**
   * @param invited the open rating window, if any (the status line then shows the rating keys)
   */
  static PanelRedraw start(
      StatusLine line,
      Supplier<ControllerSnapshot> controller,
      Supplier<SafetyStatus> safety,
      Supplier<Optional<RatingInvitation>> invited) {
    PanelRedraw r = new PanelRedraw(line, controller, safety, invited);
    r.thread.start();
    return r;
  }

  static void draw(
      StatusLine line, ControllerSnapshot c, SafetyStatus s, Optional<RatingInvitation> invited) {
    line.show(TerminalPanel.statusText(c, s, invited), TerminalPanel.stateKey(c, s, invited));
  }

  /** Stops redrawing and draws the state once more, so the last line shows how the run ended. */
  void stop(StatusLine line, ControllerSnapshot c, SafetyStatus s) throws InterruptedException {
    running = false;
    thread.interrupt();
    thread.join(1000);
    draw(line, c, s, invited.get());
  }
}
