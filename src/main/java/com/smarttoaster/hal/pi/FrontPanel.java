package com.smarttoaster.hal.pi;

import com.pi4j.io.gpio.digital.DigitalInput;
import com.smarttoaster.hal.Clock;
import com.smarttoaster.hal.UserControls;
import com.smarttoaster.hal.UserEvent;
import com.smarttoaster.toast.BreadType;
import com.smarttoaster.toast.Shade;
import com.smarttoaster.toast.ToastMode;
import com.smarttoaster.toast.ToastSettings;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The lever, buttons and shade knob, turned into {@link UserEvent}s by {@link #scan()}, which the
 * appliance calls every few milliseconds (tests call it after setting the mock pins).
 *
 * <ul>
 *   <li>Lever: its debounced edges give LeverDown / LeverUp.
 *   <li>Cancel and remote-arm buttons: a debounced press gives CancelPressed / RemoteArmPressed.
 *   <li>Mode buttons (defrost, bagel, reheat): a press selects that mode; pressing the button of
 *       the mode already selected goes back to plain toast, as on most toasters.
 *   <li>Shade knob: a rotary encoder; each click clockwise is one shade darker, anticlockwise one
 *       lighter, within 1..7. The knob has no end stops, so it follows the shade wherever it was
 *       set (the default, or remotely).
 *   <li>Bread button (optional): a press shorter than {@value #BREAD_HOLD_S} s selects the next
 *       bread type ({@link BreadType} order, wrapping), sent on release. While it is held {@value
 *       #BREAD_HOLD_S} s or longer the knob sets the slice thickness instead of the shade, 1 mm per
 *       click within {@value #MIN_THICKNESS_MM}..{@value #MAX_THICKNESS_MM} mm; such a hold selects
 *       no bread, nor does a shorter press during which the knob was turned.
 *   <li>Slices button (optional): a press toggles 1 and 2 slices.
 *   <li>Reset: held for {@value #RESET_HOLD_S} s gives ResetHeld, once per press. A press that was
 *       already down when the panel started (the appliance powered up with it held) is the service
 *       gesture instead: {@link #resetHeldAtPowerUp()} is true and that press never gives
 *       ResetHeld.
 * </ul>
 */
public final class FrontPanel implements UserControls {
  /** How long the reset button must be held for a user reset, s. */
  public static final double RESET_HOLD_S = 3.0;

  /** How long the bread button must be held before the knob sets the thickness, s. */
  public static final double BREAD_HOLD_S = 1.0;

  /** Thinnest slice the knob sets, mm. */
  public static final int MIN_THICKNESS_MM = 8;

  /** Thickest slice the knob sets, mm. */
  public static final int MAX_THICKNESS_MM = 35;

  private static final Logger log = LoggerFactory.getLogger(FrontPanel.class);
  private static final long LOG_EVERY_NANOS = 10_000_000_000L;

  private final Clock clock;
  private final DebouncedInput lever;
  private final Map<DebouncedInput, Supplier<UserEvent>> buttons = new LinkedHashMap<>();
  private final DebouncedInput reset;
  private final DigitalInput encoderA;
  private final DigitalInput encoderB;
  private final QuadratureDecoder decoder;
  private final boolean resetHeldAtPowerUp;
  private final long resetHoldNanos = Math.round(RESET_HOLD_S * 1e9);
  private final @Nullable DebouncedInput bread;
  private final @Nullable DebouncedInput slices;
  private final long breadHoldNanos = Math.round(BREAD_HOLD_S * 1e9);

  private volatile Consumer<UserEvent> listener = e -> {};
  private Supplier<ToastSettings> settingsSource;
  private int shade;
  private ToastMode mode;
  private int lastSourceShade;
  private ToastMode lastSourceMode;
  private BreadType breadType;
  private double thicknessMm;
  private int sliceCount;
  private BreadType lastSourceBread;
  private double lastSourceThicknessMm;
  private int lastSourceSlices;
  private long breadPressedAtNanos;
  private boolean breadTurned;
  private boolean powerUpPress;
  private long resetPressedAtNanos;
  private boolean resetFired;
  private long lastErrorLogNanos = Long.MIN_VALUE;

  /**
   * The panel's inputs; {@code remoteArm}, {@code bread} and {@code slices} are null when that
   * button is not fitted.
   */
  public record Inputs(
      DebouncedInput lever,
      DebouncedInput cancel,
      DebouncedInput defrost,
      DebouncedInput bagel,
      DebouncedInput reheat,
      DebouncedInput reset,
      @Nullable DebouncedInput remoteArm,
      DigitalInput encoderA,
      DigitalInput encoderB,
      int encoderStepsPerDetent,
      @Nullable DebouncedInput bread,
      @Nullable DebouncedInput slices) {

    /** The inputs without bread and slices buttons. */
    public Inputs(
        DebouncedInput lever,
        DebouncedInput cancel,
        DebouncedInput defrost,
        DebouncedInput bagel,
        DebouncedInput reheat,
        DebouncedInput reset,
        @Nullable DebouncedInput remoteArm,
        DigitalInput encoderA,
        DigitalInput encoderB,
        int encoderStepsPerDetent) {
      this(
          lever,
          cancel,
          defrost,
          bagel,
          reheat,
          reset,
          remoteArm,
          encoderA,
          encoderB,
          encoderStepsPerDetent,
          null,
          null);
    }
  }

  /**
   * @param initial the settings the controller starts with, followed until {@link #followSettings}
   *     names the live source
   */
  public FrontPanel(Inputs inputs, Clock clock, ToastSettings initial) {
    this.clock = clock;
    this.lever = inputs.lever();
    this.reset = inputs.reset();
    this.encoderA = inputs.encoderA();
    this.encoderB = inputs.encoderB();
    buttons.put(inputs.cancel(), UserEvent.CancelPressed::new);
    buttons.put(inputs.defrost(), () -> modeButton(ToastMode.DEFROST));
    buttons.put(inputs.bagel(), () -> modeButton(ToastMode.BAGEL));
    buttons.put(inputs.reheat(), () -> modeButton(ToastMode.REHEAT));
    if (inputs.remoteArm() != null) {
      buttons.put(inputs.remoteArm(), UserEvent.RemoteArmPressed::new);
    }
    this.bread = inputs.bread();
    this.slices = inputs.slices();
    if (slices != null) {
      buttons.put(slices, this::slicesButton);
    }
    this.decoder =
        new QuadratureDecoder(inputs.encoderStepsPerDetent(), high(encoderA), high(encoderB));
    this.settingsSource = () -> initial;
    this.shade = initial.shade();
    this.mode = initial.mode();
    this.lastSourceShade = shade;
    this.lastSourceMode = mode;
    this.breadType = initial.bread();
    this.thicknessMm = initial.thicknessMm();
    this.sliceCount = initial.slices();
    this.lastSourceBread = breadType;
    this.lastSourceThicknessMm = thicknessMm;
    this.lastSourceSlices = sliceCount;
    this.resetHeldAtPowerUp = reset.isActive();
    this.powerUpPress = resetHeldAtPowerUp;
  }

  @Override
  public void onEvent(Consumer<UserEvent> listener) {
    this.listener = Objects.requireNonNull(listener, "listener");
  }

  /**
   * Where the panel learns the settings in force (the controller's snapshot), so a mode button
   * toggles against the real mode and the knob starts from the real shade after a remote change.
   */
  @Override
  public synchronized void followSettings(Supplier<ToastSettings> source) {
    this.settingsSource = Objects.requireNonNull(source, "source");
  }

  /** The shade the knob stands at now (1..7). */
  public synchronized int shade() {
    return shade;
  }

  /** The mode the mode buttons have selected now. */
  public synchronized ToastMode mode() {
    return mode;
  }

  /** The bread type the bread button has selected now. */
  public synchronized BreadType bread() {
    return breadType;
  }

  /** The slice thickness the held bread button and knob have set now, mm. */
  public synchronized double thicknessMm() {
    return thicknessMm;
  }

  /** The number of slices the slices button has set now (1 or 2). */
  public synchronized int slices() {
    return sliceCount;
  }

  /** True when a bread button is fitted. */
  public boolean hasBreadButton() {
    return bread != null;
  }

  /** True when a slices button is fitted. */
  public boolean hasSlicesButton() {
    return slices != null;
  }

  /**
   * Hands an event that has no input on this panel to the panel's listener, as if the panel had
   * produced it: the bread type and the slices' size when no bread or slices button is fitted (or a
   * thickness the knob cannot set). The emulated Pi uses it so that a scenario's bread choice
   * reaches the controller the one way it can on such a build.
   *
   * @throws IllegalArgumentException for an event this panel's own inputs produce (those must come
   *     from the pins)
   */
  public void deliverWithoutInput(UserEvent event) {
    if (!(event instanceof UserEvent.BreadSelected || event instanceof UserEvent.SliceSizeSet)) {
      throw new IllegalArgumentException(
          event + " comes from this panel's own inputs, not from outside");
    }
    send(event);
  }

  /** True when the reset button was already held when the panel started: a service reset. */
  public boolean resetHeldAtPowerUp() {
    return resetHeldAtPowerUp;
  }

  /** Samples every input once and sends the events that result. Never throws. */
  public synchronized void scan() {
    try {
      syncSettings();
      lever.sample();
      if (lever.takeChange()) {
        send(lever.isActive() ? new UserEvent.LeverDown() : new UserEvent.LeverUp());
      }
      for (Map.Entry<DebouncedInput, Supplier<UserEvent>> b : buttons.entrySet()) {
        DebouncedInput button = b.getKey();
        button.sample();
        if (button.takeChange() && button.isActive()) {
          UserEvent event = b.getValue().get();
          if (event != null) {
            send(event);
          }
        }
      }
      scanReset();
      scanBread();
      scanKnob();
    } catch (RuntimeException e) {
      long now = clock.nanos();
      if (now - lastErrorLogNanos >= LOG_EVERY_NANOS) {
        lastErrorLogNanos = now;
        log.warn("Front panel inputs could not be read: {}", e.toString());
      }
    }
  }

  private void scanReset() {
    boolean pressed = reset.sample();
    if (reset.takeChange()) {
      if (pressed) {
        resetPressedAtNanos = clock.nanos();
        resetFired = false;
      } else {
        powerUpPress = false;
      }
    }
    if (pressed
        && !powerUpPress
        && !resetFired
        && clock.nanos() - resetPressedAtNanos >= resetHoldNanos) {
      resetFired = true;
      send(new UserEvent.ResetHeld());
    }
  }

  /** A short press (released before the hold time, knob untouched) selects the next bread type. */
  private void scanBread() {
    if (bread == null) {
      return;
    }
    boolean pressed = bread.sample();
    if (!bread.takeChange()) {
      return;
    }
    if (pressed) {
      breadPressedAtNanos = clock.nanos();
      breadTurned = false;
    } else if (!breadTurned && clock.nanos() - breadPressedAtNanos < breadHoldNanos) {
      BreadType[] all = BreadType.values();
      breadType = all[(breadType.ordinal() + 1) % all.length];
      log.info(
          "Front panel: bread {}", breadType.id()); // the Pi has no display: the journal shows it
      send(new UserEvent.BreadSelected(breadType));
    }
  }

  /** True while the bread button has been held long enough for the knob to set the thickness. */
  private boolean thicknessKnob() {
    return bread != null
        && bread.isActive()
        && clock.nanos() - breadPressedAtNanos >= breadHoldNanos;
  }

  private void scanKnob() {
    int clicks = decoder.update(high(encoderA), high(encoderB));
    if (clicks == 0) {
      return;
    }
    if (bread != null && bread.isActive()) {
      breadTurned = true;
      if (thicknessKnob()) {
        long from = Math.round(thicknessMm);
        double next = Math.max(MIN_THICKNESS_MM, Math.min(MAX_THICKNESS_MM, from + clicks));
        if (next != thicknessMm) {
          thicknessMm = next;
          log.info("Front panel: slices {} mm thick", Math.round(next));
          send(new UserEvent.SliceSizeSet(next, sliceCount));
        }
      }
      return;
    }
    int next = Math.max(Shade.LIGHTEST, Math.min(Shade.DARKEST, shade + clicks));
    if (next != shade) {
      shade = next;
      send(new UserEvent.ShadeChanged(next));
    }
  }

  private UserEvent slicesButton() {
    sliceCount = sliceCount == 1 ? 2 : 1;
    log.info("Front panel: {} slice{}", sliceCount, sliceCount == 1 ? "" : "s");
    return new UserEvent.SliceSizeSet(thicknessMm, sliceCount);
  }

  private UserEvent modeButton(ToastMode pressed) {
    mode = mode == pressed ? ToastMode.TOAST : pressed;
    return new UserEvent.ModeSelected(mode);
  }

  /** Takes over the live settings when they changed elsewhere (remote, default). */
  private void syncSettings() {
    ToastSettings live = settingsSource.get();
    if (live == null) {
      return;
    }
    if (live.shade() != lastSourceShade) {
      lastSourceShade = live.shade();
      shade = live.shade();
    }
    if (live.mode() != lastSourceMode) {
      lastSourceMode = live.mode();
      mode = live.mode();
    }
    if (live.bread() != lastSourceBread) {
      lastSourceBread = live.bread();
      breadType = live.bread();
    }
    if (live.thicknessMm() != lastSourceThicknessMm) {
      lastSourceThicknessMm = live.thicknessMm();
      thicknessMm = live.thicknessMm();
    }
    if (live.slices() != lastSourceSlices) {
      lastSourceSlices = live.slices();
      sliceCount = live.slices();
    }
  }

  private void send(UserEvent event) {
    log.debug("Front panel: {}", event);
    listener.accept(event);
  }

  private static boolean high(DigitalInput pin) {
    return pin.state().isHigh();
  }
}
