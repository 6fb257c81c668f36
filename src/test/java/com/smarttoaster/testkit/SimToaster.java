package com.smarttoaster.testkit;

import com.smarttoaster.appliance.ToasterAssembly;
import com.smarttoaster.control.ControllerListener;
import com.smarttoaster.control.ControllerSettings;
import com.smarttoaster.control.ToastController;
import com.smarttoaster.hal.UserEvent;
import com.smarttoaster.hal.sim.ApplianceConditions;
import com.smarttoaster.hal.sim.SimClock;
import com.smarttoaster.hal.sim.SimulatedAppliance;
import com.smarttoaster.predict.SimulatedTimePredictorRunner;
import com.smarttoaster.remote.ApplianceRemote;
import com.smarttoaster.safety.SafetyLimits;
import com.smarttoaster.safety.SafetyListener;
import com.smarttoaster.safety.SafetySupervisor;
import com.smarttoaster.toast.BreadType;
import com.smarttoaster.toast.ToastMode;
import com.smarttoaster.toast.ToastSettings;
import java.util.ArrayList;
import java.util.List;

/**
 * The simulated appliance with the real supervisor and controller (fallback time table), optionally
 * watched by a remote, in stepped simulated time (physics every 10 ms, supervisor and controller
 * every 50 ms, the remote after each controller tick). Nothing here sleeps. The controller is set
 * up for a 230 V grid whatever the simulated mains really is, as an appliance on a sagging supply
 * is.
 */
public final class SimToaster implements AutoCloseable {
  public static final ToastSettings WHITE_4 =
      new ToastSettings(4, BreadType.WHITE, 12, 2, ToastMode.TOAST);

  /** Nominal mains voltage the controller is configured for, V. */
  public static final double MAINS_VOLTS_NOMINAL = 230.0;

  public final SimClock clock = new SimClock();
  public final SimulatedAppliance appliance;
  public final SafetySupervisor supervisor;
  public final ToastController controller;

  /** Every reason the controller gave for refusing something, in order. */
  public final List<String> refusals = new ArrayList<>();

  private final ToasterAssembly assembly;
  private final ApplianceRemote remote;
  private long step;

  /**
   * A cold toaster ({@link ApplianceConditions#typical()}), white bread at shade 4, default limits.
   */
  public SimToaster(ApplianceRemote remote, boolean remoteStartEnabled) {
    this(
        ApplianceConditions.typical(),
        WHITE_4,
        SafetyLimits.defaults(),
        1,
        remote,
        remoteStartEnabled);
  }

  /**
   * @param conditions the room, mains, chamber and bread the appliance starts with
   * @param settings what the user set on the toaster (should describe the bread in {@code
   *     conditions})
   * @param limits the supervisor's limits
   * @param seed seed of the thermocouple's noise
   * @param remote watches and may steer the toaster; {@link ApplianceRemote#NONE} for none
   */
  public SimToaster(
      ApplianceConditions conditions,
      ToastSettings settings,
      SafetyLimits limits,
      long seed,
      ApplianceRemote remote,
      boolean remoteStartEnabled) {
    this(conditions, settings, limits, seed, remote, remoteStartEnabled, table -> table);
  }

  /**
   * @param primary the predictor the guard asks first, built from the fallback table (the table
   *     itself by default)
   */
  public SimToaster(
      ApplianceConditions conditions,
      ToastSettings settings,
      SafetyLimits limits,
      long seed,
      ApplianceRemote remote,
      boolean remoteStartEnabled,
      java.util.function.Function<
              com.smarttoaster.predict.FallbackTimeTable,
              com.smarttoaster.predict.ToastTimePredictor>
          primary) {
    this.remote = remote;
    appliance = new SimulatedAppliance(conditions, seed, clock);
    ControllerListener own =
        new ControllerListener() {
          @Override
          public void onRefused(String reason, long atNanos) {
            refusals.add(reason);
          }
        };
    assembly =
        new ToasterAssembly(
            appliance.ports(),
            clock,
            new ToasterAssembly.Settings(
                limits,
                new ControllerSettings(0.05, remoteStartEnabled, 1800),
                settings,
                MAINS_VOLTS_NOMINAL,
                0.5,
                null),
            primary,
            new SimulatedTimePredictorRunner(clock, () -> 0.0),
            SafetyListener.both(SafetyListener.NONE, remote.safetyListener()),
            ControllerListener.both(own, remote.controllerListener()));
    supervisor = assembly.supervisor();
    controller = assembly.controller();
    remote.attach(controller, supervisor, clock);
    remote.attachRatings(assembly.ratings());
  }

  /** The wiring, e.g. to offer the controller another model. */
  public ToasterAssembly assembly() {
    return assembly;
  }

  /** Runs {@code seconds} of simulated time. */
  public SimToaster run(double seconds) {
    long steps = Math.round(seconds * 100);
    for (long i = 0; i < steps; i++, step++) {
      if (step % 5 == 0) {
        supervisor.tick();
        controller.tick();
        remote.afterTick();
      }
      appliance.step(0.01);
      clock.advance(10_000_000L);
    }
    return this;
  }

  public SimToaster lever() {
    appliance.pushLever();
    return this;
  }

  public SimToaster press(UserEvent e) {
    appliance.press(e);
    return this;
  }

  /** The controller's phase id now: idle, toasting, done, fault, ... */
  public String phase() {
    return controller.snapshot().phase().id();
  }

  /**
   * Runs until the controller's phase is {@code phaseId}, at most {@code maxS} simulated seconds.
   */
  public SimToaster runUntil(String phaseId, double maxS) {
    double t = 0;
    while (!phase().equals(phaseId) && t < maxS) {
      run(0.05);
      t += 0.05;
    }
    return this;
  }

  @Override
  public void close() {
    assembly.close();
  }
}
