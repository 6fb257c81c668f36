package com.smarttoaster.cli;

import com.smarttoaster.control.ControllerSnapshot;
import com.smarttoaster.control.CyclePhase;
import com.smarttoaster.control.RemoteCommand;
import com.smarttoaster.hal.UserEvent;
import com.smarttoaster.hal.sim.SteppedAppliance;
import com.smarttoaster.history.Rating;
import com.smarttoaster.predict.Prediction;
import com.smarttoaster.safety.SafetyStatus;
import com.smarttoaster.taste.RatingAnswer;
import com.smarttoaster.taste.RatingDesk;
import com.smarttoaster.taste.RatingInvitation;
import com.smarttoaster.toast.BreadType;
import com.smarttoaster.toast.ToastMode;
import com.smarttoaster.toast.ToastSettings;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The simulated appliance's front panel on a terminal: single keys stand for the lever, buttons,
 * knob and the bread selector, and one status line shows what the controller is doing with which
 * settings (the controller's own snapshot, so the panel never shows a setting the cycle does not
 * use: a change the controller refuses mid-cycle stays unshown, and its refusal is printed).
 *
 * <p>Keys act on the simulated world through {@code onStepper}, which runs them between simulation
 * steps; a key with nothing to do says so instead of doing nothing silently.
 */
final class TerminalPanel {
  /**
   * The keys, lines under 80 columns separated by %n (a constant, so {@code run --help} can show
   * it: picocli turns %n into line breaks).
   */
  static final String KEYS =
      "keys: l fresh bread + lever down   p lever down (same slices)   u lever up%n"
          + "      c cancel   1-7 shade   t/d/b/r toast/defrost/bagel/reheat%n"
          + "      w bread type   +/- slice thickness (2 mm)   o one or two slices%n"
          + "      a remote-arm   s remote start (as from MQTT)   x hold reset%n"
          + "      , . /  rate the last toast: too light, just right, too dark%n"
          + "      ? these keys   q quit (cancels a running cycle first)%n"
          + "      settings change between cycles; mid-cycle they are refused (cancel first)";

  /** {@link #KEYS} line by line: shown when the panel starts and on ? or h. */
  static final List<String> HELP = List.of(KEYS.split("%n"));

  /** Slice thickness the panel allows, mm (the scenario format's realistic range). */
  static final double MIN_THICKNESS_MM = 8;

  static final double MAX_THICKNESS_MM = 35;
  static final double THICKNESS_STEP_MM = 2;

  /** The bread a user puts in for defrost: from the freezer, °C. */
  static final double FROZEN_C = -18.0;

  private final SteppedAppliance appliance;
  private final Consumer<Runnable> onStepper;
  private final Consumer<RemoteCommand> remote;
  private final Supplier<ControllerSnapshot> controller;
  private final Supplier<SafetyStatus> safety;
  private final Consumer<String> say;
  private final double roomC;
  private final @Nullable RatingDesk ratings;

  /**
   * What the panel's relative keys (w, +, -, o) last asked for, until the controller's snapshot
   * moves on from {@link #askedOver}: keys typed faster than a controller tick step on from what
   * was asked, not from a snapshot that has not taken it yet (w w o would otherwise lose keys).
   */
  private @Nullable ToastSettings asked;

  private @Nullable ToastSettings askedOver;

  /**
   * @param onStepper runs an action on the simulation's stepping thread
   * @param say prints a message above the status line
   * @param roomC the temperature fresh bread comes in at, °C (defrost: from the freezer)
   */
  TerminalPanel(
      SteppedAppliance appliance,
      Consumer<Runnable> onStepper,
      Consumer<RemoteCommand> remote,
      Supplier<ControllerSnapshot> controller,
      Supplier<SafetyStatus> safety,
      Consumer<String> say,
      double roomC) {
    this(appliance, onStepper, remote, controller, safety, say, roomC, null);
  }

  /**
   * @param ratings the appliance's rating rules, which the rating keys ask; null for a panel
   *     without them
   */
  TerminalPanel(
      SteppedAppliance appliance,
      Consumer<Runnable> onStepper,
      Consumer<RemoteCommand> remote,
      Supplier<ControllerSnapshot> controller,
      Supplier<SafetyStatus> safety,
      Consumer<String> say,
      double roomC,
      @Nullable RatingDesk ratings) {
    this.ratings = ratings;
    this.appliance = appliance;
    this.onStepper = onStepper;
    this.remote = remote;
    this.controller = controller;
    this.safety = safety;
    this.say = say;
    this.roomC = roomC;
  }

  /** Handles one key; returns false when the user asked to quit. */
  boolean handle(char key) {
    ControllerSnapshot c = controller.get();
    ToastSettings s = base(c);
    switch (Character.toLowerCase(key)) {
      case 'l' ->
          onLever(
              true,
              () -> { // toast out, fresh slices as the panel says in, as a user does
                appliance
                    .world()
                    .loadBread(
                        s.slices(),
                        s.bread(),
                        s.thicknessMm(),
                        s.mode() == ToastMode.DEFROST ? FROZEN_C : roomC);
                appliance.pushLever();
              },
              "l: the lever is already down");
      case 'p' -> onLever(true, appliance::pushLever, "p: the lever is already down");
      case 'u' -> onLever(false, appliance::liftLever, "u: the lever is already up");
      case 'c' -> {
        if (c.phase().isActive() || c.remoteArmPending()) {
          press(new UserEvent.CancelPressed());
        } else {
          say.accept("c: no cycle to cancel");
        }
      }
      case 't' -> press(new UserEvent.ModeSelected(ToastMode.TOAST));
      case 'd' -> press(new UserEvent.ModeSelected(ToastMode.DEFROST));
      case 'b' -> press(new UserEvent.ModeSelected(ToastMode.BAGEL));
      case 'r' -> press(new UserEvent.ModeSelected(ToastMode.REHEAT));
      case 'w' ->
          ask(
              s.withBread(nextBread(s.bread())),
              c,
              new UserEvent.BreadSelected(nextBread(s.bread())));
      case '+', '=' -> thickness(s, c, s.thicknessMm() + THICKNESS_STEP_MM);
      case '-', '_' -> thickness(s, c, s.thicknessMm() - THICKNESS_STEP_MM);
      case 'o' -> slices(s, c, 3 - s.slices());
      case 'a' -> press(new UserEvent.RemoteArmPressed());
      case 's' -> remote.accept(new RemoteCommand.Start());
      case 'x' -> {
        if (safety.get().fault() == null) {
          say.accept("x: no fault is latched; nothing to reset");
        } else {
          press(new UserEvent.ResetHeld());
        }
      }
      case ',' -> rate(Rating.TOO_LIGHT);
      case '.' -> rate(Rating.JUST_RIGHT);
      case '/' -> rate(Rating.TOO_DARK);
      case '?', 'h' -> HELP.forEach(say);
      case 'q' -> {
        return false;
      }
      case '\n', '\r', ' ', '\t' -> {
        // keys typed into a pipe come with Enter
      }
      default -> {
        if (key >= '1' && key <= '7') {
          press(new UserEvent.ShadeChanged(key - '0'));
        } else {
          say.accept(
              String.format(
                  Locale.ROOT,
                  "key %s does nothing; ? lists the keys",
                  key >= ' ' && key < 0x7f
                      ? "'" + key + "'"
                      : String.format(Locale.ROOT, "0x%02x", (int) key)));
        }
      }
    }
    return true;
  }

  /**
   * A lever action, looked at on the stepping thread where the carriage moves, so a key typed just
   * as a cycle ends sees the carriage as it is: {@code action} when the lever is where it can act
   * ({@code up} true: the lever must be up), otherwise {@code nothing} is said.
   */
  private void onLever(boolean up, Runnable action, String nothing) {
    act(
        () -> {
          if (appliance.world().isCarriageDown() != up) {
            action.run();
          } else {
            say.accept(nothing);
          }
        });
  }

  /** A rating key: the desk decides; its answer, either way, is printed. */
  private void rate(Rating rating) {
    if (ratings == null) {
      say.accept("this panel takes no ratings");
      return;
    }
    RatingAnswer a = ratings.rate(rating, "panel");
    say.accept(a.accepted() ? a.message() : "not rated " + rating.id() + ": " + a.message());
  }

  private void thickness(ToastSettings s, ControllerSnapshot c, double mm) {
    double clamped = Math.max(MIN_THICKNESS_MM, Math.min(MAX_THICKNESS_MM, mm));
    if (clamped == s.thicknessMm()) {
      say.accept(
          String.format(
              Locale.ROOT,
              "slices are already %.0f mm thick (the panel allows %.0f-%.0f mm)",
              s.thicknessMm(),
              MIN_THICKNESS_MM,
              MAX_THICKNESS_MM));
    } else {
      ask(
          new ToastSettings(s.shade(), s.bread(), clamped, s.slices(), s.mode()),
          c,
          new UserEvent.SliceSizeSet(clamped, s.slices()));
    }
  }

  private void slices(ToastSettings s, ControllerSnapshot c, int slices) {
    ask(
        new ToastSettings(s.shade(), s.bread(), s.thicknessMm(), slices, s.mode()),
        c,
        new UserEvent.SliceSizeSet(s.thicknessMm(), slices));
  }

  /**
   * The settings a relative key steps from: what was last asked while the controller has not moved
   * on; mid-cycle (where changes are refused) and once it has, the controller's own.
   */
  private ToastSettings base(ControllerSnapshot c) {
    if (asked != null && (c.phase().isActive() || !c.settings().equals(askedOver))) {
      asked = null;
    }
    return asked != null ? asked : c.settings();
  }

  private void ask(ToastSettings next, ControllerSnapshot c, UserEvent event) {
    asked = next;
    askedOver = c.settings();
    press(event);
  }

  private void press(UserEvent event) {
    act(() -> appliance.press(event));
  }

  /** Runs on the stepping thread; an input this appliance lacks is a message, not a stack trace. */
  private void act(Runnable action) {
    onStepper.accept(
        () -> {
          try {
            action.run();
          } catch (RuntimeException e) {
            say.accept("not done: " + e.getMessage());
          }
        });
  }

  static BreadType nextBread(BreadType b) {
    BreadType[] all = BreadType.values();
    return all[(b.ordinal() + 1) % all.length];
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

  /**
   * The status line, at most 75 columns: phase, progress (bar sized by the predicted time) or what
   * happens next, then the settings in force, the chamber reading and whether heat is on, e.g.
   * {@code toasting [###-----] 36/108s shade 5 white 2x12mm toast 156°C HEAT}.
   */
  static String statusText(ControllerSnapshot c, SafetyStatus s) {
    return statusText(c, s, Optional.empty());
  }

  /**
   * The status line; while a rating is invited, the section after a finished cycle shows the rating
   * keys ({@code ,light .right /dark}), or the rating given so far.
   */
  static String statusText(
      ControllerSnapshot c, SafetyStatus s, Optional<RatingInvitation> invited) {
    ToastSettings t = c.settings();
    String temp =
        s.lastReading() != null && s.lastReading().isValid()
            ? String.format(Locale.ROOT, "%3.0f°C", s.lastReading().chamberC())
            : " --°C";
    return String.format(
        Locale.ROOT,
        "%-9s %-20s shade %d %-10s %dx%2.0fmm %-7s %s %s",
        c.phase().id(),
        invited.map(TerminalPanel::ratingSection).orElseGet(() -> section(c, s)),
        t.shade(),
        t.bread().id(),
        t.slices(),
        t.thicknessMm(),
        t.mode().id(),
        temp,
        s.heaterCommandedOn() ? "HEAT" : "");
  }

  private static String ratingSection(RatingInvitation i) {
    return i.rating() == null ? ",light .right /dark" : "rated " + i.rating().id();
  }

  /**
   * What the status line stands for, without its ticking parts: a plain line is printed when it
   * changes.
   */
  static String stateKey(ControllerSnapshot c, SafetyStatus s) {
    return stateKey(c, s, Optional.empty());
  }

  static String stateKey(ControllerSnapshot c, SafetyStatus s, Optional<RatingInvitation> invited) {
    return invited.map(i -> "invited " + i.rating() + " ").orElse("")
        + c.phase()
        + " "
        + c.settings()
        + " "
        + (s.fault() != null ? s.fault().code() : "")
        + " "
        + s.heaterCommandedOn()
        + " "
        + (c.prediction() != null ? c.prediction().seconds() : "")
        + " "
        + c.remoteArmPending();
  }

  private static String section(ControllerSnapshot c, SafetyStatus s) {
    if (s.fault() != null) {
      return s.fault().code().name();
    }
    CyclePhase phase = c.phase();
    Prediction p = c.prediction(); // a cycle that toasted has one
    return switch (phase) {
      case TOASTING -> {
        if (p == null) {
          yield "toasting";
        }
        double total = p.seconds();
        yield ProgressBar.withTimes(total - c.remainingS(), total, 8);
      }
      case PREPARING -> "working out the time";
      case ARMED -> "armed: s starts";
      case DONE -> p == null ? "done" : String.format(Locale.ROOT, "done after %.0fs", p.seconds());
      case CANCELLED -> "cancelled";
      case FAULT -> "fault";
      case IDLE -> c.remoteArmPending() ? "lever arms next" : "l: bread in, lever";
    };
  }
}
