package com.smarttoaster.hal.emulated;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import com.smarttoaster.hal.AppliancePorts;
import com.smarttoaster.hal.Indicator;
import com.smarttoaster.hal.UserEvent;
import com.smarttoaster.hal.pi.FrontPanel;
import com.smarttoaster.hal.pi.HardwareUnavailableException;
import com.smarttoaster.hal.pi.IndicatorWiring;
import com.smarttoaster.hal.pi.MainsWiring;
import com.smarttoaster.hal.pi.PanelWiring;
import com.smarttoaster.hal.pi.PiAppliance;
import com.smarttoaster.hal.pi.PiConfig;
import com.smarttoaster.hal.pi.ShadeKnobWiring;
import com.smarttoaster.hal.pi.Sysfs;
import com.smarttoaster.hal.pi.ThermocoupleInterface;
import com.smarttoaster.hal.pi.ThermometerWiring;
import com.smarttoaster.hal.sim.SimClock;
import com.smarttoaster.hal.sim.SimulatedAppliance;
import com.smarttoaster.hal.sim.SteppedAppliance;
import com.smarttoaster.toast.BreadType;
import com.smarttoaster.toast.ToastMode;
import com.smarttoaster.toast.ToastSettings;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The Raspberry Pi appliance with its chips emulated: the real {@link PiAppliance} (Pi4J devices,
 * {@code Max31855Frame} or the IIO reader, SSR, latch, dead-man trigger, current sensor, debounced
 * buttons, quadrature decoder, buzzer) opened on a Pi4J context whose providers lead to device
 * emulators wired to the simulated world:
 *
 * <pre>
 *   heater pin      → world.setSsrInput          latch pin → world.setMagnetDrive
 *   dead-man pin    → world.deadManInput         buzzer pin → BuzzerEar → world's beep listener
 *   LED pins        → world's lights
 *   lever pin       ← ContactSwitch following world.isCarriageDown() (closed = low), with bounce
 *   button pins     ← ContactSwitch pressed by {@link #press}     encoder pins ← RotaryEncoder
 *   current pin     ← CurrentSenseChain (open collector: released = current)
 *   SPI0 / IIO      ← Max31855Chip on world.thermocouple() (MaximThermocoupleSysfs for IIO)
 * </pre>
 *
 * Outputs keep their level when the software stops calling (a crashed process runs no Pi4J
 * shutdown): nothing here writes a pin; only the software does, and the world's dead-man stage is
 * what cuts heat then. Lever and button events come from the real FrontPanel debouncing the pins,
 * never injected, so they arrive after the debounce time, as on the appliance.
 *
 * <p>Wire the software to {@link #ports()}: its controls are the FrontPanel. The world's own {@code
 * controls()} listener would hear the lever twice (the world reports the push it is given).
 *
 * <p>Bread type: this panel has no bread selector (on the appliance the app sets it over MQTT), so
 * {@link UserEvent.BreadSelected} is handed to the panel's listener through {@link
 * FrontPanel#deliverWithoutInput}, the one way it can reach the controller here.
 */
public final class EmulatedPiAppliance implements SteppedAppliance {
  /** How long a hand presses a button, s: well above pi.debounceS, as a deliberate press. */
  static final double PRESS_S = 0.15;

  /** How long a reset is held: FrontPanel.RESET_HOLD_S and half a second more, s. */
  static final double RESET_PRESS_S = FrontPanel.RESET_HOLD_S + 0.5;

  /** Bounce of a tact button and of the lever microswitch, s (see {@link ContactSwitch}). */
  static final double BUTTON_BOUNCE_S = 0.005;

  static final double LEVER_BOUNCE_S = 0.006;

  /** Below this mains voltage the supply is taken to be North American, 60 Hz; above, 50 Hz. */
  static final double SIXTY_HZ_BELOW_VOLTS = 160.0;

  /**
   * The wiring of config/pi.yaml (hardware/README.md's pin table; the thermocouple through the
   * kernel driver, found by name; dead-man trigger on BCM 15), for a simulation that runs the
   * emulated Pi without a config file, and the MLX90614 bread thermometer on I2C1.
   */
  public static final PiConfig SHIPPED_WIRING =
      new PiConfig(
          new MainsWiring(17, 27, PiConfig.DEFAULT_DEAD_MAN_PIN, 23),
          new PanelWiring(22, 5, 6, 13, 19, 26, 16, null, null, 0.02),
          new ShadeKnobWiring(20, 21, 4),
          new IndicatorWiring(24, 25, 12, 18),
          ThermometerWiring.iio("/sys/bus/iio/devices", true));

  private final SimulatedAppliance world;
  private final SimClock clock;
  private final PiConfig wiring;
  private final GpioHeader header = new GpioHeader();
  private final Max31855Chip chip;
  private final Mlx90614Chip breadChip;
  private final CurrentSenseChain currentChain;
  private final ContactSwitch lever;
  private final ContactSwitch cancel;
  private final ContactSwitch defrost;
  private final ContactSwitch bagel;
  private final ContactSwitch reheat;
  private final ContactSwitch reset;
  private final @Nullable ContactSwitch remoteArm;
  private final @Nullable ContactSwitch breadButton;
  private final @Nullable ContactSwitch slicesButton;
  private final RotaryEncoder encoder;
  private final PiAppliance pi;
  private final AppliancePorts ports;
  private int intendedShade;
  private ToastMode intendedMode;
  private BreadType intendedBread;
  private double intendedThicknessMm;
  private int intendedSlices;
  private long inputsBusyUntilNanos = Long.MIN_VALUE;

  /** A lever move waiting for the hand to finish its button presses: +1 push, -1 lift, 0 none. */
  private int pendingLever;

  /**
   * Builds the emulated board and opens the real Pi appliance on it.
   *
   * @param wiring the pi section (pins, thermocouple interface, debounce)
   * @param currentSensorFitted appliance.currentSensorFitted
   * @param world the physical world: physics, mains path, dead-man stage, sensor faults
   * @param clock the world's clock, stepped by the caller
   * @param initial the settings the controller starts with (the knob and mode buttons start there)
   * @throws HardwareUnavailableException when the wiring cannot be opened (as on a real Pi)
   */
  public EmulatedPiAppliance(
      PiConfig wiring,
      boolean currentSensorFitted,
      SimulatedAppliance world,
      SimClock clock,
      ToastSettings initial)
      throws HardwareUnavailableException {
    this.world = world;
    this.clock = clock;
    this.wiring = wiring;
    this.chip = new Max31855Chip(world.thermocouple(), clock);
    this.breadChip = new Mlx90614Chip(world.breadRadiance(), world.ambientC());
    double volts = world.physics().mainsVolts();
    this.currentChain =
        new CurrentSenseChain(
            CurrentSenseChain.Parts.DEFAULT, volts < SIXTY_HZ_BELOW_VOLTS ? 60.0 : 50.0, 0.0);

    header.onWrite(wiring.mains().heaterPin(), world::setSsrInput);
    header.onWrite(wiring.mains().latchPin(), world::setMagnetDrive);
    header.onWrite(wiring.mains().deadManPin(), world::deadManInput);
    BuzzerEar ear = new BuzzerEar(clock, pattern -> world.indicators().beep(pattern));
    header.onWrite(wiring.indicators().buzzerPin(), ear::pin);
    // The LEDs show on the world's panel too, so whatever watches the simulated lights sees them.
    header.onWrite(
        wiring.indicators().toastingLedPin(), on -> world.indicators().set(Indicator.TOASTING, on));
    header.onWrite(
        wiring.indicators().remoteArmedLedPin(),
        on -> world.indicators().set(Indicator.REMOTE_ARMED, on));
    header.onWrite(
        wiring.indicators().faultLedPin(), on -> world.indicators().set(Indicator.FAULT, on));

    this.lever = new ContactSwitch(clock, LEVER_BOUNCE_S, world.isCarriageDown());
    header.connect(wiring.panel().leverPin(), lever);
    this.cancel = button(wiring.panel().cancelPin());
    this.defrost = button(wiring.panel().defrostPin());
    this.bagel = button(wiring.panel().bagelPin());
    this.reheat = button(wiring.panel().reheatPin());
    this.reset = button(wiring.panel().resetPin());
    this.remoteArm =
        wiring.panel().remoteArmPin() == null ? null : button(wiring.panel().remoteArmPin());
    this.breadButton = wiring.panel().breadPin() == null ? null : button(wiring.panel().breadPin());
    this.slicesButton =
        wiring.panel().slicesPin() == null ? null : button(wiring.panel().slicesPin());
    this.encoder = new RotaryEncoder(clock, wiring.shadeKnob().encoderStepsPerDetent());
    header.connect(wiring.shadeKnob().encoderAPin(), encoder.channelA());
    header.connect(wiring.shadeKnob().encoderBPin(), encoder.channelB());
    if (currentSensorFitted && wiring.mains().currentSensorPin() != null) {
      header.connect(wiring.mains().currentSensorPin(), () -> !currentChain.isReleased());
    }

    boolean spi = wiring.thermometers().thermocouple() == ThermocoupleInterface.SPI;
    Integer ce = wiring.thermometers().spiChipSelect();
    Context context =
        Pi4J.newContextBuilder()
            .noAutoDetect()
            .add(
                EmulatedGpio.inputs(header),
                EmulatedGpio.outputs(header),
                EmulatedSpi.provider(
                    spi && ce != null && ce == 0 ? chip::transfer : null,
                    spi && ce != null && ce == 1 ? chip::transfer : null),
                EmulatedI2c.provider(wiring.thermometers().breadThermometer() ? breadChip : null))
            .disableShutdownHook()
            .build();
    // With pi.thermocouple = iio the kernel driver owns the chip; its sysfs answers from the same
    // chip.
    Sysfs sysfs = new MaximThermocoupleSysfs(chip::transfer, List.of());
    this.pi = PiAppliance.open(wiring, currentSensorFitted, context, sysfs, clock, initial);
    this.ports = pi.ports();
    this.intendedShade = initial.shade();
    this.intendedMode = initial.mode();
    this.intendedBread = initial.bread();
    this.intendedThicknessMm = initial.thicknessMm();
    this.intendedSlices = initial.slices();
  }

  /**
   * For a simulation's factory: {@code wiring} null means {@link #SHIPPED_WIRING}; wiring the Pi
   * code refuses (a pin it cannot open, an IIO directory without the thermocouple) is an
   * IllegalArgumentException carrying the Pi appliance's message.
   */
  public static EmulatedPiAppliance create(
      @Nullable PiConfig wiring,
      boolean currentSensorFitted,
      SimulatedAppliance world,
      SimClock clock,
      ToastSettings initial) {
    try {
      return new EmulatedPiAppliance(
          wiring == null ? SHIPPED_WIRING : wiring, currentSensorFitted, world, clock, initial);
    } catch (HardwareUnavailableException e) {
      throw new IllegalArgumentException(
          "the emulated Pi cannot be opened with this wiring: " + e.getMessage(), e);
    }
  }

  private ContactSwitch button(int pin) {
    ContactSwitch s = new ContactSwitch(clock, BUTTON_BOUNCE_S, false);
    header.connect(pin, s);
    return s;
  }

  @Override
  public AppliancePorts ports() {
    return ports;
  }

  @Override
  public SimulatedAppliance world() {
    return world;
  }

  /** The real Pi appliance inside (its front panel, indicators, close). */
  public PiAppliance piAppliance() {
    return pi;
  }

  /** The GPIO lines, for tests that look at a pin. */
  public GpioHeader header() {
    return header;
  }

  /** The emulated bread thermometer (whether or not the wiring fits it). */
  public Mlx90614Chip breadChip() {
    return breadChip;
  }

  public Max31855Chip chip() {
    return chip;
  }

  public CurrentSenseChain currentChain() {
    return currentChain;
  }

  /** The hardware for {@code dtS}: the world's physics and the analogue current-sense chain. */
  @Override
  public void step(double dtS) {
    boolean flowing = world.isHeatFlowing();
    double amps = world.physics().elementCurrentWhenPoweredA();
    world.step(dtS);
    currentChain.step(dtS, flowing, amps);
    long end = clock.nanos() + Math.round(dtS * 1e9);
    followCarriage(end);
    if (pendingLever != 0 && end >= inputsBusyUntilNanos) {
      moveLever(pendingLever > 0);
    }
  }

  /**
   * The panel scan and buzzer of the Pi appliance (every 2 ms on the device; once per step here).
   */
  @Override
  public void scanSoftware() {
    pi.scan();
  }

  /** The lever microswitch touches while the carriage is down. */
  private void followCarriage(long atNanos) {
    lever.set(atNanos, world.isCarriageDown());
  }

  /**
   * Pushes the lever down, at once, or, while the hand is still pressing buttons (a remote-arm
   * press before the lever, say), as soon as it is done: one hand does one thing at a time, and the
   * panel must see the button before the lever, as it would on the appliance.
   */
  @Override
  public void pushLever() {
    leverWhenFree(true);
  }

  /**
   * Forces the lever up, at once or after the hand's pending presses (see {@link #pushLever()}).
   */
  @Override
  public void liftLever() {
    leverWhenFree(false);
  }

  private void leverWhenFree(boolean down) {
    if (clock.nanos() < inputsBusyUntilNanos) {
      pendingLever = down ? 1 : -1;
    } else {
      moveLever(down);
    }
  }

  private void moveLever(boolean down) {
    pendingLever = 0;
    if (down) {
      world.pushLever();
    } else {
      world.liftLever();
    }
    followCarriage(clock.nanos());
  }

  /**
   * A hand on the panel: a button pressed for {@value #PRESS_S} s (reset: {@link #RESET_PRESS_S}),
   * or the knob turned by the detents between the shade it shows and the one asked for. Presses and
   * turns follow one another, as one hand makes them.
   */
  @Override
  public void press(UserEvent event) {
    long now = clock.nanos();
    if (now >= inputsBusyUntilNanos) {
      intendedShade = pi.controls().shade();
      intendedMode = pi.controls().mode();
      intendedBread = pi.controls().bread();
      intendedThicknessMm = pi.controls().thicknessMm();
      intendedSlices = pi.controls().slices();
    }
    long at = Math.max(now, inputsBusyUntilNanos);
    if (event instanceof UserEvent.CancelPressed) {
      pressButton(cancel, at, PRESS_S);
    } else if (event instanceof UserEvent.RemoteArmPressed) {
      if (remoteArm == null) {
        throw new IllegalStateException(
            "no remote-arm button is fitted (pi.remoteArmPin is not set)");
      }
      pressButton(remoteArm, at, PRESS_S);
    } else if (event instanceof UserEvent.ResetHeld) {
      pressButton(reset, at, RESET_PRESS_S);
    } else if (event instanceof UserEvent.ModeSelected m) {
      selectMode(m.mode(), at);
    } else if (event instanceof UserEvent.ShadeChanged s) {
      int detents = s.shade() - intendedShade;
      inputsBusyUntilNanos = encoder.turn(at, detents) + gapNanos();
      intendedShade = s.shade();
    } else if (event instanceof UserEvent.BreadSelected b) {
      selectBread(b, at);
    } else if (event instanceof UserEvent.SliceSizeSet s) {
      setSliceSize(s, at);
    } else if (event instanceof UserEvent.LeverDown) {
      pushLever();
    } else if (event instanceof UserEvent.LeverUp) {
      liftLever();
    } else {
      throw new IllegalArgumentException("no input for " + event);
    }
  }

  /**
   * The bread button steps through the bread types: pressed as often as it takes to get from the
   * bread shown to the one asked for. Without a bread button the choice reaches the controller the
   * only way it can, {@link FrontPanel#deliverWithoutInput}.
   */
  private void selectBread(UserEvent.BreadSelected wanted, long at) {
    if (breadButton == null) {
      pi.controls().deliverWithoutInput(wanted);
      intendedBread = wanted.bread();
      return;
    }
    int n = BreadType.values().length;
    int presses = Math.floorMod(wanted.bread().ordinal() - intendedBread.ordinal(), n);
    for (int i = 0; i < presses; i++) {
      pressButton(breadButton, Math.max(at, inputsBusyUntilNanos), PRESS_S);
    }
    intendedBread = wanted.bread();
  }

  /**
   * The slices button toggles 1 and 2; the thickness is set by holding the bread button and turning
   * the knob one click per mm. A size these inputs cannot give (no such button, a thickness outside
   * the knob's whole-mm range) is delivered without input instead.
   */
  private void setSliceSize(UserEvent.SliceSizeSet wanted, long at) {
    boolean slicesDiffer = wanted.slices() != intendedSlices;
    boolean thicknessDiffers = wanted.thicknessMm() != intendedThicknessMm;
    double mm = wanted.thicknessMm();
    ContactSwitch slicesKey = slicesButton;
    ContactSwitch breadKey = breadButton;
    boolean knobCanSet =
        breadKey != null
            && mm == Math.rint(mm)
            && mm >= FrontPanel.MIN_THICKNESS_MM
            && mm <= FrontPanel.MAX_THICKNESS_MM;
    if ((slicesDiffer && slicesKey == null) || (thicknessDiffers && !knobCanSet)) {
      pi.controls().deliverWithoutInput(wanted);
    } else {
      // Both keys are fitted where they are needed (else the branch above delivered without input).
      if (slicesDiffer && slicesKey != null) {
        pressButton(slicesKey, at, PRESS_S);
      }
      if (thicknessDiffers && breadKey != null) {
        long pressAt = Math.max(at, inputsBusyUntilNanos);
        int detents = (int) Math.round(mm) - (int) Math.round(intendedThicknessMm);
        breadKey.set(pressAt, true);
        long turnedAt =
            encoder.turn(pressAt + Math.round(FrontPanel.BREAD_HOLD_S * 1e9) + gapNanos(), detents);
        breadKey.set(turnedAt + gapNanos(), false);
        inputsBusyUntilNanos = breadKey.lastChangeNanos() + gapNanos();
      }
    }
    intendedSlices = wanted.slices();
    intendedThicknessMm = wanted.thicknessMm();
  }

  /** The panel's mode buttons toggle: a second press of the selected mode goes back to toast. */
  private void selectMode(ToastMode wanted, long at) {
    if (wanted == intendedMode) {
      return;
    }
    ToastMode button = wanted == ToastMode.TOAST ? intendedMode : wanted;
    ContactSwitch s =
        switch (button) {
          case DEFROST -> defrost;
          case BAGEL -> bagel;
          case REHEAT -> reheat;
          case TOAST -> throw new IllegalStateException("toast has no button of its own");
        };
    pressButton(s, at, PRESS_S);
    intendedMode = wanted;
  }

  private void pressButton(ContactSwitch s, long at, double holdS) {
    s.press(at, holdS);
    inputsBusyUntilNanos = s.lastChangeNanos() + gapNanos();
  }

  /** Between two inputs of one hand: longer than the debounce, so each is seen on its own. */
  private long gapNanos() {
    return Math.round(Math.max(0.1, 3 * wiring.panel().debounceS()) * 1e9);
  }

  @Override
  public String kind() {
    return "pi-emulated";
  }

  /** The software's orderly stop: the Pi appliance drives its outputs low and shuts Pi4J down. */
  @Override
  public void close() {
    pi.close();
  }
}
