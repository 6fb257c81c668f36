package com.smarttoaster.hal.emulated;

import com.smarttoaster.appliance.ToasterAssembly;
import com.smarttoaster.control.ControllerListener;
import com.smarttoaster.control.ControllerSettings;
import com.smarttoaster.control.CyclePhase;
import com.smarttoaster.control.ToastController;
import com.smarttoaster.hal.pi.PiConfig;
import com.smarttoaster.hal.sim.ApplianceConditions;
import com.smarttoaster.hal.sim.SimClock;
import com.smarttoaster.hal.sim.SimulatedAppliance;
import com.smarttoaster.hal.sim.SteppedAppliance;
import com.smarttoaster.predict.SimulatedTimePredictorRunner;
import com.smarttoaster.safety.Fault;
import com.smarttoaster.safety.SafetyLimits;
import com.smarttoaster.safety.SafetySupervisor;
import com.smarttoaster.toast.BreadType;
import com.smarttoaster.toast.ToastMode;
import com.smarttoaster.toast.ToastSettings;
import java.util.ArrayList;
import java.util.List;

/**
 * The real supervisor, guarded predictor (fallback table) and controller on an {@link
 * EmulatedPiAppliance}, ticked in simulated time the way simulation.CycleSimulation ticks them: the
 * panel scan and physics every 10 ms, the supervisor and the controller every 50 ms.
 */
final class EmulatedToaster implements AutoCloseable {
  static final long STEP_NANOS = 10_000_000L;
  static final ToastSettings SETTINGS =
      new ToastSettings(4, BreadType.WHITE, 12.0, 2, ToastMode.TOAST);

  final SimClock clock;
  final SimulatedAppliance world;

  /** The emulated Pi, or null when this toaster runs on the simulated appliance itself. */
  final EmulatedPiAppliance appliance;

  final SteppedAppliance stepped;
  final SafetySupervisor supervisor;
  final ToastController controller;
  final List<Fault> faults = new ArrayList<>();
  final List<CyclePhase> phases = new ArrayList<>();
  private final ToasterAssembly assembly;
  private long step;

  /** The software runs (false: a crashed process; pins stay as they were). */
  boolean softwareAlive = true;

  /**
   * With the default safety limits (the supervisor's own sampler reads the chip every 0.125 s at
   * most).
   */
  EmulatedToaster(PiConfig wiring, ApplianceConditions conditions) throws Exception {
    this(new SimClock(), wiring, conditions, SafetyLimits.defaults());
  }

  EmulatedToaster(PiConfig wiring, ApplianceConditions conditions, SafetyLimits limits)
      throws Exception {
    this(new SimClock(), wiring, conditions, limits);
  }

  private EmulatedToaster(
      SimClock clock, PiConfig wiring, ApplianceConditions conditions, SafetyLimits limits)
      throws Exception {
    this(clock, new SimulatedAppliance(conditions, 7, clock), wiring, conditions, limits);
  }

  /** The same software on the simulated appliance (no Pi code): the reference for outcomes. */
  static EmulatedToaster simulated(ApplianceConditions conditions) throws Exception {
    return new EmulatedToaster(new SimClock(), null, conditions, SafetyLimits.defaults());
  }

  private EmulatedToaster(
      SimClock clock,
      SimulatedAppliance world,
      PiConfig wiring,
      ApplianceConditions conditions,
      SafetyLimits limits)
      throws Exception {
    this.clock = clock;
    this.world = world;
    this.appliance =
        wiring == null ? null : new EmulatedPiAppliance(wiring, true, world, clock, SETTINGS);
    this.stepped = appliance == null ? world : appliance;
    assembly =
        new ToasterAssembly(
            stepped.ports(),
            clock,
            new ToasterAssembly.Settings(
                limits,
                new ControllerSettings(0.05, true, 1800.0),
                SETTINGS,
                conditions.mainsVolts(),
                0.5,
                null),
            table -> table,
            new SimulatedTimePredictorRunner(clock, () -> 0.0),
            faults::add,
            new ControllerListener() {
              @Override
              public void onPhaseChanged(CyclePhase from, CyclePhase to, long atNanos) {
                phases.add(to);
              }
            });
    supervisor = assembly.supervisor();
    controller = assembly.controller();
  }

  /** One 10 ms step: software (if alive) at its periods, then the hardware, then the clock. */
  void step() {
    if (softwareAlive) {
      stepped.scanSoftware();
      if (step % 5 == 0) {
        supervisor.tick();
        controller.tick();
      }
    }
    stepped.step(STEP_NANOS / 1e9);
    clock.advance(STEP_NANOS);
    step++;
  }

  void run(double seconds) {
    for (long i = Math.round(seconds * 1e9 / STEP_NANOS); i > 0; i--) {
      step();
    }
  }

  /** The rating rules the front panel's cancel gesture feeds. */
  com.smarttoaster.taste.RatingDesk ratings() {
    return assembly.ratings();
  }

  CyclePhase phase() {
    return controller.snapshot().phase();
  }

  /** Steps until {@code phase}; returns the seconds it took. */
  double runUntil(CyclePhase phase, double maxS) {
    double start = clock.seconds();
    while (phase() != phase) {
      if (clock.seconds() - start > maxS) {
        throw new AssertionError(
            "not " + phase + " after " + maxS + " s but " + phase() + "; faults " + faults);
      }
      step();
    }
    return clock.seconds() - start;
  }

  @Override
  public void close() {
    assembly.close();
    stepped.close();
  }
}
