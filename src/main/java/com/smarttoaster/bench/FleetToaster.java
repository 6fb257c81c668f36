package com.smarttoaster.bench;

import com.smarttoaster.appliance.ToasterAssembly;
import com.smarttoaster.control.ControllerSettings;
import com.smarttoaster.control.CyclePhase;
import com.smarttoaster.control.ToastController;
import com.smarttoaster.hal.sim.ApplianceConditions;
import com.smarttoaster.hal.sim.SimClock;
import com.smarttoaster.hal.sim.SimulatedAppliance;
import com.smarttoaster.predict.SimulatedTimePredictorRunner;
import com.smarttoaster.remote.ApplianceRemote;
import com.smarttoaster.safety.SafetyLimits;
import com.smarttoaster.safety.SafetySupervisor;
import com.smarttoaster.toast.BreadType;
import com.smarttoaster.toast.ToastMode;
import com.smarttoaster.toast.ToastSettings;

/**
 * One simulated toaster of a benchmark fleet: appliance, supervisor, controller and its remote,
 * stepped 50 ms of simulated time per {@link #tick()}, toasting cycle after cycle with a short
 * pause between them.
 */
final class FleetToaster implements AutoCloseable {
  private static final double PAUSE_S = 5.0;

  private final SimClock clock = new SimClock();
  private final SimulatedAppliance appliance;
  private final SafetySupervisor supervisor;
  private final ToastController controller;
  private final ToasterAssembly assembly;
  private final ApplianceRemote remote;
  private double idleS;

  FleetToaster(ApplianceRemote remote, long seed, int shade) {
    this.remote = remote;
    ApplianceConditions c = new ApplianceConditions(21, 230, 21, 2, BreadType.WHITE, 12, 21);
    appliance = new SimulatedAppliance(c, seed, clock);
    assembly =
        new ToasterAssembly(
            appliance.ports(),
            clock,
            new ToasterAssembly.Settings(
                SafetyLimits.defaults(),
                new ControllerSettings(0.05, false, 1800),
                new ToastSettings(shade, BreadType.WHITE, 12, 2, ToastMode.TOAST),
                230,
                0.5,
                null),
            table -> table,
            new SimulatedTimePredictorRunner(clock, () -> 0.0),
            remote.safetyListener(),
            remote.controllerListener());
    supervisor = assembly.supervisor();
    controller = assembly.controller();
    remote.attach(controller, supervisor, clock);
    remote.attachRatings(assembly.ratings());
  }

  /** 50 ms of simulated time; synchronized so that no two pool threads step the same toaster. */
  synchronized void tick() {
    for (int i = 0; i < 5; i++) {
      appliance.step(0.01);
      clock.advance(10_000_000L);
    }
    supervisor.tick();
    controller.tick();
    remote.afterTick();
    CyclePhase phase = controller.snapshot().phase();
    if (!phase.isActive() && !appliance.isCarriageDown()) {
      idleS += 0.05;
      if (idleS >= PAUSE_S) {
        idleS = 0;
        appliance.pushLever();
      }
    }
  }

  @Override
  public void close() {
    assembly.close();
    remote.close();
  }
}
