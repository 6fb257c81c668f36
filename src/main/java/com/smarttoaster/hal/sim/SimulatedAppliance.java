package com.smarttoaster.hal.sim;

import com.smarttoaster.hal.AppliancePorts;
import com.smarttoaster.hal.BreadThermometer;
import com.smarttoaster.hal.CarriageLatch;
import com.smarttoaster.hal.DeadManTrigger;
import com.smarttoaster.hal.HeaterCurrentSensor;
import com.smarttoaster.hal.HeaterSwitch;
import com.smarttoaster.hal.Indicator;
import com.smarttoaster.hal.Indicators;
import com.smarttoaster.hal.TemperatureSensor;
import com.smarttoaster.hal.UserControls;
import com.smarttoaster.hal.UserEvent;
import com.smarttoaster.toast.BreadType;
import java.util.EnumMap;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The whole toaster in simulation: the same ports the Pi implements, over the physics model. The
 * mains path is modelled as wired (supply → thermal fuse → thermal cut-out → heat timer → carriage
 * contacts → relay → elements), so heat flows only while the protectors are closed, the carriage is
 * down and the relay conducts, and the latch really is a second switch. Faults of the hardware are
 * injected here; sensor faults on {@link #thermocouple()}.
 *
 * <p>Thread-safe enough for {@code run}: the physics thread, the supervisor loop and the controller
 * loop share it; switch states are volatile and physics and sensor reads are serialised.
 */
public final class SimulatedAppliance implements SteppedAppliance {
  /**
   * How long a user's push keeps the lever down before it springs back unless the magnet holds it.
   */
  private static final double LEVER_PUSH_S = 0.5;

  /** How strongly a crumb fire heats the chamber air, W/K: the air follows it within ~0.1 s. */
  private static final double FIRE_COUPLING_W_PER_K = 50.0;

  /** Time constant of a crumb fire dying away once the elements stop feeding it, s. */
  private static final double FIRE_DIES_S = 3.0;

  /**
   * Dead-man timeout: how long after the trigger pin's last rising edge the stage still enables the
   * SSR and the magnet drivers (hardware/README.md, "Dead-man"). The longest pulse of the
   * monostable over its tolerances (0.300 s nominal, 0.248…0.357 s), since a longer enable is the
   * unsafe direction; see {@link DeadManStage}.
   */
  public static final double DEAD_MAN_TIMEOUT_S = DeadManStage.MAX_S;

  /** {@link #openProtector()} when the manual-reset thermal cut-out opened. */
  public static final String THERMAL_CUTOUT = "thermal-cutout";

  /** {@link #openProtector()} when the one-shot thermal fuse opened. */
  public static final String THERMAL_FUSE = "thermal-fuse";

  /**
   * {@link #openProtector()} when the hardware heat timer opened its relay: current had flowed
   * without a break for its trip time ({@link HeatTimer}, 329.45…330.08 s).
   */
  public static final String HEAT_TIMER = "heat-timer";

  private final ToasterPhysics physics;
  private final SimulatedThermocouple thermocouple;
  private final BreadRadiance breadRadiance;
  private final SimClock clock;
  private final double ambientC;
  private final Map<Indicator, Boolean> lights = new EnumMap<>(Indicator.class);

  private Consumer<UserEvent> userListener = e -> {};
  private Consumer<Indicators.BeepPattern> beepListener = b -> {};
  private volatile boolean relayCommanded;
  private volatile boolean relayCommandedBefore;
  private volatile long relayChangedNanos = Long.MIN_VALUE;
  private volatile boolean relayWelded;
  private volatile boolean elementOpen;
  private volatile boolean magnetOn;
  private volatile boolean latchJammed;
  private final DeadManStage deadManStage = new DeadManStage(DEAD_MAN_TIMEOUT_S);
  private ThermalCutout cutout;
  private ThermalFuse fuse;
  private HeatTimer heatTimer = HeatTimer.design();
  private volatile @Nullable String openProtector;
  private volatile long protectorOpenedAtNanos;
  private volatile boolean carriageDown;
  private volatile double pushLeftS;
  private double fireRateCPerS;
  private double fireC;

  public SimulatedAppliance(ApplianceConditions conditions, long seed, SimClock clock) {
    this.clock = clock;
    this.physics = new ToasterPhysics(conditions);
    this.thermocouple = new SimulatedThermocouple(clock, new Random(seed));
    thermocouple.update(conditions.chamberStartC(), conditions.ambientC(), 0.0);
    this.breadRadiance = new BreadRadiance(physics, () -> carriageDown, seed);
    this.ambientC = conditions.ambientC();
    setCutoutTripC(ThermalCutout.RATED_TRIP_C);
    this.fuse =
        new ThermalFuse(ProtectorMount.design(physics.boardC(), ambientC), ThermalFuse.OPENS_AT_C);
    for (Indicator i : Indicator.values()) {
      lights.put(i, false);
    }
  }

  /** Advances the appliance by {@code dtS} seconds of physics (the caller advances the clock). */
  @Override
  public synchronized void step(double dtS) {
    if (pushLeftS > 0) {
      pushLeftS -= dtS;
      if (pushLeftS <= 0 && !isMagnetHolding()) {
        carriageDown = false;
      }
    } else if (carriageDown && !isMagnetHolding()) {
      carriageDown = false; // the magnet let go (released, or the dead-man timed out)
    }
    boolean flowing = isHeatFlowing();
    physics.setElementPowered(flowing);
    physics.setBreadInChamber(carriageDown);
    physics.setExternalHeatW(crumbFireW(dtS));
    physics.update(dtS);
    thermocouple.update(physics.chamberC(), ambientC, dtS);
    updateProtectors(flowing, dtS);
  }

  /**
   * The cut-out and the fuse follow the outer mica board through their bracket (the base air they
   * also touch stays near the room temperature); the heat timer counts the step's current. The
   * first to open is recorded, with the time at the end of the step in which it opened.
   */
  private void updateProtectors(boolean currentFlowed, double dtS) {
    cutout.update(physics.boardC(), ambientC, dtS);
    fuse.update(physics.boardC(), ambientC, dtS);
    heatTimer.update(currentFlowed, dtS);
    if (openProtector == null && isProtectorOpen()) {
      openProtector = cutout.isOpen() ? THERMAL_CUTOUT : fuse.isOpen() ? THERMAL_FUSE : HEAT_TIMER;
      protectorOpenedAtNanos = clock.nanos() + Math.round(dtS * 1e9);
    }
  }

  /**
   * Replaces the heat timer by one that opens after {@code tripS} of continuous current and resets
   * after a gap of {@code resetS} (tests use the ends of its bands, {@link HeatTimer#MIN_S} …
   * {@link HeatTimer#MAX_S} and {@link HeatTimer#RESET_MIN_S} … {@link HeatTimer#RESET_MAX_S}).
   * Call before stepping.
   */
  synchronized void setHeatTimer(double tripS, double resetS) {
    heatTimer = new HeatTimer(tripS, resetS);
  }

  /**
   * The thermal fuse fails closed: it never opens. For tests that look at the other protectors
   * alone.
   */
  synchronized void weldFuse() {
    fuse =
        new ThermalFuse(
            ProtectorMount.design(physics.boardC(), ambientC), Double.POSITIVE_INFINITY);
  }

  /**
   * The heat timer fails to act (its supply or its crystal died): only the thermal parts are left.
   * For tests.
   */
  synchronized void disableHeatTimer() {
    heatTimer = new HeatTimer(Double.MAX_VALUE, HeatTimer.RESET_MAX_S);
  }

  /**
   * Replaces the cut-out by one that opens at {@code tripC} (tests use both ends of its tolerance,
   * {@link ThermalCutout#RATED_TRIP_C} ± {@link ThermalCutout#TOLERANCE_C}). Call before stepping.
   */
  synchronized void setCutoutTripC(double tripC) {
    cutout = new ThermalCutout(ProtectorMount.design(physics.boardC(), ambientC), tripC);
  }

  /** The thermal cut-out fails closed (welded contacts): only the fuse is left. For tests. */
  synchronized void weldCutout() {
    cutout =
        new ThermalCutout(
            ProtectorMount.design(physics.boardC(), ambientC), Double.POSITIVE_INFINITY);
  }

  /**
   * Which hardware protector cut the heat: null while all are closed, {@link #THERMAL_CUTOUT},
   * {@link #THERMAL_FUSE} or {@link #HEAT_TIMER} for the first that opened (it stays reported after
   * a reset).
   */
  public @Nullable String openProtector() {
    return openProtector;
  }

  /** When {@link #openProtector()} opened, s on the appliance's clock; NaN while none has. */
  public double protectorOpenedAtS() {
    return openProtector == null ? Double.NaN : protectorOpenedAtNanos / 1e9;
  }

  /** True while the cut-out, the fuse or the heat timer's relay is open (no current can flow). */
  public boolean isProtectorOpen() {
    return cutout.isOpen() || fuse.isOpen() || heatTimer.isOpen();
  }

  /** True while the heat timer's latching relay is open. */
  public boolean isHeatTimerOpen() {
    return heatTimer.isOpen();
  }

  /** Continuous current the heat timer has counted so far, s (for tests and traces). */
  public double heatTimerCountedS() {
    return heatTimer.countedS();
  }

  /**
   * The user presses the heat timer's reset button: its relay closes again and the count starts
   * from zero. True if the mains path through all protectors is closed again.
   */
  public synchronized boolean pressHeatTimerReset() {
    heatTimer.pressReset();
    return !isProtectorOpen();
  }

  /**
   * The user presses the cut-out's reset button: it closes only once the disc has cooled 20 °C
   * below its trip; an open fuse stays open. True if the mains path through both is closed again.
   */
  public synchronized boolean pressCutoutReset() {
    cutout.pressReset();
    return !isProtectorOpen();
  }

  /** Temperature of the cut-out's disc on its bracket, °C (for tests and traces). */
  public double cutoutC() {
    return cutout.tempC();
  }

  private double crumbFireW(double dtS) {
    if (fireRateCPerS <= 0) {
      return 0.0;
    }
    if (isHeatFlowing()) {
      fireC += fireRateCPerS * dtS;
    } else {
      fireC += (physics.chamberC() - fireC) * dtS / FIRE_DIES_S;
    }
    return FIRE_COUPLING_W_PER_K * Math.max(0.0, fireC - physics.chamberC());
  }

  /**
   * True while current flows through the elements: mains path live → thermal fuse → thermal cut-out
   * → heat-timer relay → carriage contacts → SSR → elements, all closed.
   */
  public boolean isHeatFlowing() {
    return !isProtectorOpen() && carriageDown && !elementOpen && (relayWelded || ssrConducts());
  }

  /**
   * The zero-cross SSR conducts through a half-cycle when its drive (heater GPIO AND dead-man Q)
   * was high at the zero crossing that began it ({@link ZeroCrossSsr}).
   */
  private boolean ssrConducts() {
    long zero = ZeroCrossSsr.lastZeroCrossingNanos(clock.nanos());
    return relayCommandedAt(zero) && deadManStage.enablingAt(zero);
  }

  private boolean relayCommandedAt(long nanos) {
    return nanos >= relayChangedNanos ? relayCommanded : relayCommandedBefore;
  }

  // ---- the electrical inputs from the controller board ------------------------------------------

  /** The SSR's control input (the heater GPIO, before the dead-man gate). */
  public void setSsrInput(boolean high) {
    if (high != relayCommanded) {
      relayCommandedBefore = relayCommanded;
      relayChangedNanos = clock.nanos();
      relayCommanded = high;
    }
  }

  public boolean isSsrInputHigh() {
    return relayCommanded;
  }

  /** The magnet driver's input (the latch GPIO, before the dead-man gate). */
  public void setMagnetDrive(boolean high) {
    magnetOn = high;
    if (!isMagnetHolding()) {
      dropCarriageUnlessPushed();
    }
  }

  public boolean isMagnetDriveHigh() {
    return magnetOn;
  }

  /**
   * The dead-man's trigger input (the trigger GPIO's level from now on). Each rising edge
   * retriggers the monostable; a falling edge does nothing; a level held either way lets it time
   * out {@link #DEAD_MAN_TIMEOUT_S} after the last rising edge.
   */
  public synchronized void deadManInput(boolean level) {
    deadManStage.input(level, clock.nanos());
  }

  public boolean deadManLevel() {
    return deadManStage.level();
  }

  /** True while the dead-man stage lets the SSR and the magnet be driven (off at power-up). */
  public boolean isDeadManEnabling() {
    return deadManStage.enablingAt(clock.nanos());
  }

  /** True while the magnet holds the carriage down (driven through the dead-man, or jammed). */
  public boolean isMagnetHolding() {
    return latchJammed || magnetOn && isDeadManEnabling();
  }

  private void dropCarriageUnlessPushed() {
    if (pushLeftS <= 0) {
      carriageDown = false;
    }
  }

  public boolean isCarriageDown() {
    return carriageDown;
  }

  public ToasterPhysics physics() {
    return physics;
  }

  public SimulatedThermocouple thermocouple() {
    return thermocouple;
  }

  /** The user pushes the lever down; it stays down only if the magnet holds it within the push. */
  @Override
  public void pushLever() {
    carriageDown = true;
    pushLeftS = LEVER_PUSH_S;
    userListener.accept(new UserEvent.LeverDown());
  }

  /**
   * The user takes the toast out and puts fresh slices in, like the ones the appliance was built
   * with (see {@link ToasterPhysics#loadFreshBread()}); the chamber keeps its heat.
   */
  public synchronized void loadFreshBread() {
    physics.loadFreshBread();
  }

  /**
   * The user takes the toast out and puts other slices in (see {@link ToasterPhysics#loadBread});
   * the chamber keeps its heat.
   */
  public synchronized void loadBread(
      int slices, BreadType bread, double thicknessMm, double startC) {
    physics.loadBread(slices, bread, thicknessMm, startC);
    physics.setBreadInChamber(carriageDown);
  }

  /**
   * The user forces the lever up: the carriage rises and its contacts open whatever the magnet
   * does.
   */
  @Override
  public void liftLever() {
    carriageDown = false;
    pushLeftS = 0;
    userListener.accept(new UserEvent.LeverUp());
  }

  /** Any other front-panel action (cancel, knob, mode, reset). */
  @Override
  public void press(UserEvent event) {
    userListener.accept(event);
  }

  // Injected hardware faults.

  public void weldRelay() {
    relayWelded = true;
  }

  public boolean isRelayWelded() {
    return relayWelded;
  }

  public boolean isLatchJammed() {
    return latchJammed;
  }

  /** The carriage magnet can no longer let go (a jammed mechanism or a welded magnet driver). */
  public void jamLatch() {
    latchJammed = true;
  }

  public void breakElement() {
    elementOpen = true;
  }

  /**
   * Starts a crumb fire: a burning body in the slot whose temperature climbs at {@code rateCPerS}
   * while the elements feed it, and which the chamber air follows closely (so the chamber rises at
   * about that rate). Once current stops, the fire has nothing to keep it going and its heat dies
   * away over a few seconds.
   */
  public synchronized void startCrumbFire(double rateCPerS) {
    fireRateCPerS = rateCPerS;
    fireC = physics.chamberC();
  }

  public boolean light(Indicator indicator) {
    return lights.getOrDefault(indicator, false); // the constructor puts every indicator
  }

  /** Hears every beep; the simulation logs them as events. */
  public void onBeep(Consumer<Indicators.BeepPattern> listener) {
    beepListener = listener;
  }

  HeaterSwitch heater() {
    return new HeaterSwitch() {
      @Override
      public void set(boolean on) {
        setSsrInput(on);
      }

      @Override
      public boolean isCommandedOn() {
        return relayCommanded;
      }
    };
  }

  CarriageLatch latch() {
    return new CarriageLatch() {
      @Override
      public void hold() {
        setMagnetDrive(true);
      }

      @Override
      public void release() {
        magnetOn = false;
        if (!latchJammed) {
          carriageDown = false;
          pushLeftS = 0;
        }
      }

      @Override
      public boolean isHeld() {
        return magnetOn;
      }

      @Override
      public boolean isLeverDown() {
        return carriageDown;
      }
    };
  }

  public TemperatureSensor sensor() {
    return thermocouple;
  }

  /** The room's temperature, °C. */
  public double ambientC() {
    return ambientC;
  }

  /** What the infrared bread thermometer sees; faults are injected here. */
  public BreadRadiance breadRadiance() {
    return breadRadiance;
  }

  /**
   * The bread thermometer as the software reads it: the scene in the MLX90614's 0.02 K steps, as
   * its SMBus RAM word reports it (the emulated chip gives the same number).
   */
  public BreadThermometer breadThermometer() {
    return () -> {
      double c;
      synchronized (this) {
        c = breadRadiance.apparentC();
      }
      return Math.round((c + 273.15) / 0.02) * 0.02 - 273.15;
    };
  }

  public DeadManTrigger deadMan() {
    return () -> deadManInput(!deadManLevel());
  }

  @Override
  public AppliancePorts ports() {
    return new AppliancePorts(
        heater(),
        latch(),
        sensor(),
        currentSensor(),
        deadMan(),
        controls(),
        indicators(),
        breadThermometer());
  }

  @Override
  public SimulatedAppliance world() {
    return this;
  }

  @Override
  public String kind() {
    return "sim";
  }

  public HeaterCurrentSensor currentSensor() {
    return this::isHeatFlowing;
  }

  public UserControls controls() {
    return listener -> userListener = listener;
  }

  public Indicators indicators() {
    return new Indicators() {
      @Override
      public void set(Indicator indicator, boolean on) {
        lights.put(indicator, on);
      }

      @Override
      public void beep(BeepPattern pattern) {
        beepListener.accept(pattern);
      }
    };
  }
}
