package com.smarttoaster.cli;

import com.smarttoaster.control.ControllerSnapshot;
import com.smarttoaster.control.RemoteCommand;
import com.smarttoaster.hal.UserEvent;
import com.smarttoaster.hal.sim.SteppedAppliance;
import com.smarttoaster.safety.SafetyStatus;
import com.smarttoaster.toast.ToastMode;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The simulated appliance's front panel on a terminal: single keys stand for the lever, buttons and
 * knob, and a status line is redrawn in place.
 */
final class TerminalPanel {
  static final String HELP = "keys: l fresh bread + lever down, p lever down (same slices again), u lever up, c cancel, 1-7 shade, t/d/b/r toast/defrost/bagel/reheat,"
      + " a remote-arm, s remote start (as from MQTT), x hold reset, q quit";

  private final SteppedAppliance appliance;
  private final Consumer<RemoteCommand> remote;
  private final PrintWriter err;

  TerminalPanel(SteppedAppliance appliance, Consumer<RemoteCommand> remote, PrintWriter err) {
    this.appliance = appliance;
    this.remote = remote;
    this.err = err;
  }

  /** Handles one key; returns false when the user asked to quit. */
  boolean handle(char key) {
    switch (Character.toLowerCase(key)) {
      case 'l' -> {
        if (!appliance.world().isCarriageDown()) { // toast out, fresh slices in, as a user does between cycles
          appliance.world().loadFreshBread();
        }
        appliance.pushLever();
      }
      case 'p' -> appliance.pushLever();
      case 'u' -> appliance.liftLever();
      case 'c' -> appliance.press(new UserEvent.CancelPressed());
      case 't' -> appliance.press(new UserEvent.ModeSelected(ToastMode.TOAST));
      case 'd' -> appliance.press(new UserEvent.ModeSelected(ToastMode.DEFROST));
      case 'b' -> appliance.press(new UserEvent.ModeSelected(ToastMode.BAGEL));
      case 'r' -> appliance.press(new UserEvent.ModeSelected(ToastMode.REHEAT));
      case 'a' -> appliance.press(new UserEvent.RemoteArmPressed());
      case 's' -> remote.accept(new RemoteCommand.Start());
      case 'x' -> appliance.press(new UserEvent.ResetHeld());
      case 'q' -> {
        return false;
      }
      default -> {
        if (key >= '1' && key <= '7') {
          appliance.press(new UserEvent.ShadeChanged(key - '0'));
        }
      }
    }
    return true;
  }

  /**
   * Reads keys until 'q' or end of input.
   *
   * @return true when the user pressed q, false at the end of the input
   */
  boolean readKeys(InputStream in) throws IOException {
    for (int c; (c = in.read()) != -1; ) {
      if (!handle((char) c)) {
        return true;
      }
    }
    return false;
  }

  void drawStatus(ControllerSnapshot c, SafetyStatus s, double simS) {
    String temp = s.lastReading() != null && s.lastReading().isValid()
        ? String.format(Locale.ROOT, "%6.1f °C", s.lastReading().chamberC())
        : "  --.- °C";
    err.printf(Locale.ROOT, "\r[%7.1f s] %-9s shade %d %-10s %-7s chamber %s heater %-3s %s%s   ",
        simS, c.phase().id(), c.settings().shade(), c.settings().bread().id(), c.settings().mode().id(), temp,
        s.heaterCommandedOn() ? "ON" : "off",
        c.remainingS() > 0 ? String.format(Locale.ROOT, "%.0f s left", c.remainingS()) : "",
        s.fault() != null ? " FAULT " + s.fault().code() : "");
    err.flush();
  }

  /** Redraws the status line until {@code running} says stop. */
  void statusLoop(Supplier<ControllerSnapshot> controller, Supplier<SafetyStatus> safety,
      Supplier<Double> simS, Supplier<Boolean> running) throws InterruptedException {
    while (running.get()) {
      drawStatus(controller.get(), safety.get(), simS.get());
      Thread.sleep(250);
    }
  }
}
