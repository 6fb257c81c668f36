package com.smarttoaster.hal.sim;

import com.smarttoaster.hal.AppliancePorts;
import com.smarttoaster.hal.CarriageLatch;
import com.smarttoaster.hal.DeadManTrigger;
import com.smarttoaster.hal.HeaterCurrentSensor;
import com.smarttoaster.hal.HeaterSwitch;
import com.smarttoaster.hal.Indicator;
import com.smarttoaster.hal.Indicators;
import com.smarttoaster.hal.TemperatureSensor;
import com.smarttoaster.hal.UserControls;
import com.smarttoaster.hal.UserEvent;
import java.util.EnumMap;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;

/**
 * The whole toaster in simulation: the same ports the Pi implements, over the physics model. The
 * mains path is modelled as wired (supply → carriage contacts → relay → elements), so heat flows
 * only while the carriage is down and the relay conducts, and the latch really is a second switch.
 * Faults of the hardware are injected here; sensor faults on {@link #thermocouple()}.
 *
 * <p>Thread-safe enough for {@code run}: the physics thread, the supervisor loop and the controller
 * loop share it; switch states are volatile and physics and sensor reads are serialised.
 */
public final class SimulatedAppliance implements SteppedAppliance {
  /** How long a user's push keeps the lever down before it springs back unless the magnet holds it. */
  private static final double LEVER_PUSH_S = 0.5;
  /** How strongly a crumb fire heats the chamber air, W/K: the air follows it within ~0.1 s. */
  private static final double FIRE_COUPLING_W_PER_K = 50.0;
  /** Time constant of a crumb fire dying away once the elements stop feeding it, s. */
  private static final double FIRE_DIES_S = 3.0;

  /**
   * Dead-man timeout: how long after the trigger's last level change the stage still drives the SSR
   * and the magnet (hardware/README.md, "Dead-man").
   */
  public static final double DEAD_MAN_TIMEOUT_S = 0.2;

  private final ToasterPhysics physics;
  private final SimulatedThermocouple thermocouple;
  private final SimClock clock;
  private final double ambientC;
  private final Map<Indicator, Boolean> lights = new EnumMap<>(Indicator.class);

  private Consumer<UserEvent> userListener = e -> {};
  private Consumer<Indicators.BeepPattern> beepListener = b -> {};
  private volatile boolean relayCommanded;
  private volatile boolean relayWelded;
  private volatile boolean elementOpen;
  private volatile boolean magnetOn;
  private volatile boolean latchJammed;
  private volatile boolean deadManLevel;
  private volatile long deadManEdgeNanos = Long.MIN_VALUE;
  private volatile boolean carriageDown;
  private volatile double pushLeftS;
  private double fireRateCPerS;
  private double fireC;

  public SimulatedAppliance(ApplianceConditions conditions, long seed, SimClock clock) {
    this.clock = clock;
    this.physics = new ToasterPhysics(conditions);
    this.thermocouple = new SimulatedThermocouple(clock, new Random(seed));
    thermocouple.update(conditions.chamberStartC(), conditions.ambientC(), 0.0);
    this.ambientC = conditions.ambientC();
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
    physics.setElementPowered(isHeatFlowing());
    physics.setBreadInChamber(carriageDown);
    physics.setExternalHeatW(crumbFireW(dtS));
    physics.update(dtS);
    thermocouple.update(physics.chamberC(), ambientC, dtS);
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

  /** True while current flows through the elements. */
  public boolean isHeatFlowing() {
    return (relayWelded || relayCommanded && isDeadManEnabling()) && carriageDown && !elementOpen;
  }

  // ---- the electrical inputs from the controller board ------------------------------------------

  /** The SSR's control input (the heater GPIO, before the dead-man gate). */
  public void setSsrInput(boolean high) {
    relayCommanded = high;
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

  /** The dead-man's trigger input; every change of level retriggers it. */
  public void deadManInput(boolean level) {
    if (level != deadManLevel) {
      deadManLevel = level;
      deadManEdgeNanos = clock.nanos();
    }
  }

  public boolean deadManLevel() {
    return deadManLevel;
  }

  /** True while the dead-man stage lets the SSR and the magnet be driven. */
  public boolean isDeadManEnabling() {
    return deadManEdgeNanos != Long.MIN_VALUE
        && clock.nanos() - deadManEdgeNanos < (long) (DEAD_MAN_TIMEOUT_S * 1e9);
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

  /** The user forces the lever up: the carriage rises and its contacts open whatever the magnet does. */
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

  /**
   * The protector that opened the element circuit, or null while every protector is closed.
   */
  public String openProtector() {
    return null;
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
    return lights.get(indicator);
  }

  /** Hears every beep; the simulation logs them as events. */
  public void onBeep(Consumer<Indicators.BeepPattern> listener) {
    beepListener = listener;
  }

  public HeaterSwitch heater() {
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

  public CarriageLatch latch() {
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

  public DeadManTrigger deadMan() {
    return () -> deadManInput(!deadManLevel);
  }

  @Override
  public AppliancePorts ports() {
    return new AppliancePorts(heater(), latch(), sensor(), currentSensor(), deadMan(), controls(), indicators());
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
