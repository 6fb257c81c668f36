package com.smarttoaster.remote;

import com.smarttoaster.control.ControllerListener;
import com.smarttoaster.control.ControllerSettings;
import com.smarttoaster.control.ToastController;
import com.smarttoaster.hal.UserEvent;
import com.smarttoaster.hal.sim.ApplianceConditions;
import com.smarttoaster.hal.sim.SimClock;
import com.smarttoaster.hal.sim.SimulatedAppliance;
import com.smarttoaster.predict.FallbackTimeTable;
import com.smarttoaster.predict.GuardedPredictor;
import com.smarttoaster.safety.SafetyLimits;
import com.smarttoaster.safety.SafetyListener;
import com.smarttoaster.safety.SafetySupervisor;
import com.smarttoaster.toast.BreadType;
import com.smarttoaster.toast.ToastMode;
import com.smarttoaster.toast.ToastSettings;
import java.util.ArrayList;
import java.util.List;

/**
 * The simulated appliance with the real supervisor and controller, watched by a remote, in stepped
 * simulated time (physics every 10 ms, supervisor and controller every 50 ms, the remote after each
 * controller tick). Nothing here sleeps.
 */
final class SimToaster implements AutoCloseable {
  static final ToastSettings WHITE_4 = new ToastSettings(4, BreadType.WHITE, 12, 2, ToastMode.TOAST);

  final SimClock clock = new SimClock();
  final SimulatedAppliance appliance;
  final SafetySupervisor supervisor;
  final ToastController controller;
  final List<String> refusals = new ArrayList<>();
  private final GuardedPredictor predictor;
  private final ApplianceRemote remote;
  private long step;

  SimToaster(ApplianceRemote remote, boolean remoteStartEnabled) {
    this.remote = remote;
    ApplianceConditions c = new ApplianceConditions(21, 230, 21, 2, BreadType.WHITE, 12, 21);
    appliance = new SimulatedAppliance(c, 1, clock);
    SafetyLimits limits = SafetyLimits.defaults();
    supervisor = new SafetySupervisor(limits, appliance.heater(), appliance.latch(), appliance.sensor(),
        appliance.currentSensor(), clock, Listeners.both(SafetyListener.NONE, remote.safetyListener()));
    FallbackTimeTable table = new FallbackTimeTable();
    predictor = new GuardedPredictor(table, table, 0.5, 5.0, 285.0);
    ControllerListener own = new ControllerListener() {
      @Override
      public void onRefused(String reason, long atNanos) {
        refusals.add(reason);
      }
    };
    controller = new ToastController(supervisor, predictor, clock,
        new ControllerSettings(0.05, remoteStartEnabled, 1800), WHITE_4, 230, appliance.indicators(),
        Listeners.both(own, remote.controllerListener()));
    appliance.controls().onEvent(controller::submit);
    remote.attach(controller, supervisor, clock);
  }

  /** Runs {@code seconds} of simulated time. */
  SimToaster run(double seconds) {
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

  SimToaster lever() {
    appliance.pushLever();
    return this;
  }

  SimToaster press(UserEvent e) {
    appliance.press(e);
    return this;
  }

  /** Runs until the controller's phase is {@code phaseId}, at most {@code maxS} simulated seconds. */
  SimToaster runUntil(String phaseId, double maxS) {
    double t = 0;
    while (!controller.snapshot().phase().id().equals(phaseId) && t < maxS) {
      run(0.05);
      t += 0.05;
    }
    return this;
  }

  @Override
  public void close() {
    predictor.close();
  }
}
