package com.smarttoaster.simulation;

import com.smarttoaster.control.ControllerSettings;
import com.smarttoaster.control.CyclePhase;
import com.smarttoaster.control.RemoteCommand;
import com.smarttoaster.control.ToastController;
import com.smarttoaster.hal.UserEvent;
import com.smarttoaster.hal.sim.ApplianceConditions;
import com.smarttoaster.hal.sim.SimClock;
import com.smarttoaster.hal.sim.SimulatedAppliance;
import com.smarttoaster.hal.sim.ToasterPhysics;
import com.smarttoaster.predict.FallbackTimeTable;
import com.smarttoaster.predict.GuardedPredictor;
import com.smarttoaster.predict.OraclePredictor;
import com.smarttoaster.predict.Prediction;
import com.smarttoaster.predict.Predictors;
import com.smarttoaster.remote.ApplianceRemote;
import com.smarttoaster.remote.Listeners;
import com.smarttoaster.safety.Fault;
import com.smarttoaster.safety.SafetyLimits;
import com.smarttoaster.safety.SafetySupervisor;
import com.smarttoaster.scenario.ActionKind;
import com.smarttoaster.scenario.Scenario;
import com.smarttoaster.scenario.ScenarioAction;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.DoubleConsumer;

/**
 * Runs one scenario on the simulated appliance with the real supervisor, controller and predictor
 * guard, in simulated time: physics every 10 ms, the supervisor and the controller on their own
 * periods, scenario faults and user actions at their times.
 */
public final class CycleSimulation {
  /** Physics step. */
  static final long STEP_NANOS = 10_000_000L;
  /** Browning settles once the bread is out; this much simulated time is run after the cycle ends. */
  static final double TAIL_S = 10.0;
  /** Nothing realistic runs longer than this (an armed toaster disarms after 30 minutes). */
  static final double HARD_STOP_S = 4000.0;
  /** A sensible toasting time is at least this long, s. */
  static final double MIN_PREDICTION_S = 5.0;

  private final Scenario scenario;
  private final SimulationOptions options;
  private final SimClock clock = new SimClock();
  private final SimulatedAppliance appliance;
  private final EventLog log = new EventLog(clock);
  private final SafetySupervisor supervisor;
  private final ToastController controller;
  private final GuardedPredictor guard;
  private final FaultSchedule faults;
  private final TripTimer tripTimer;
  private final List<ScenarioAction> actions;
  private final Trace trace = new Trace();
  private final ApplianceConditions conditions;
  private final ApplianceRemote remote;

  private double heaterOnS;
  private Double heatCutS;
  private Double carriageUpS;
  private boolean carriageWasDown;
  private double maxChamberC;
  private double maxBreadSurfaceC;

  public CycleSimulation(Scenario scenario, SimulationOptions options) {
    this(scenario, options, ApplianceRemote.NONE);
  }

  /**
   * A simulation whose controller and supervisor are also watched (and steerable) remotely, e.g.
   * over MQTT; the remote side sees the cycle in simulated time.
   */
  public CycleSimulation(Scenario scenario, SimulationOptions options, ApplianceRemote remote) {
    this.remote = remote;
    this.scenario = scenario;
    this.options = options;
    SafetyLimits limits = options.limits();
    this.conditions = new ApplianceConditions(scenario.ambientC(), scenario.mainsVolts(),
        scenario.chamberStartC(), scenario.slices(), scenario.bread().type(),
        scenario.bread().thicknessMm(), scenario.bread().startC());
    this.appliance = new SimulatedAppliance(conditions, scenario.seed(), clock);
    this.supervisor = new SafetySupervisor(limits, appliance.heater(), appliance.latch(), appliance.sensor(),
        limits.currentSensorFitted() ? appliance.currentSensor() : null, appliance.deadMan(), clock,
        Listeners.both(log, remote.safetyListener()), null);
    double maxPredictionS = limits.maxHeatS() * 0.95;
    FallbackTimeTable table = new FallbackTimeTable();
    FaultyPredictor faulty = new FaultyPredictor(Predictors.named(options.predictor(), table,
        new OraclePredictor(conditions, maxPredictionS)));
    this.guard = new GuardedPredictor(faulty, table, options.predictorTimeoutS(),
        MIN_PREDICTION_S, maxPredictionS);
    // The scenario's remote-start actions are explicit, so simulation enables remote start.
    ControllerSettings settings = new ControllerSettings(0.05, true, 1800.0);
    this.controller = new ToastController(supervisor, guard, clock, settings, scenario.settings(),
        scenario.mainsVolts(), appliance.indicators(), Listeners.both(log, remote.controllerListener()));
    remote.attach(controller, supervisor, clock);
    appliance.controls().onEvent(controller::submit);
    appliance.onBeep(pattern -> log.add("beep " + pattern.name().toLowerCase(java.util.Locale.ROOT)));
    this.faults = new FaultSchedule(scenario.faults(), appliance, faulty, log);
    this.tripTimer = new TripTimer(scenario.faults(), limits.cutoffC());
    this.actions = new ArrayList<>(scenario.actions());
    this.actions.sort(Comparator.comparingDouble(ScenarioAction::atS));
    this.maxChamberC = appliance.physics().chamberC();
    this.maxBreadSurfaceC = appliance.physics().breadSurfaceC();
  }

  /** Runs the scenario to its end; {@code progress} hears the simulated time now and then (may be null). */
  public SimulationResult run(DoubleConsumer progress) {
    if (scenario.armsRemoteStart()) {
      appliance.press(new UserEvent.RemoteArmPressed());
    }
    appliance.pushLever();

    long supervisorEvery = Math.max(1, Math.round(options.limits().loopPeriodS() * 1e9 / STEP_NANOS));
    long controllerEvery = 5;
    long traceEvery = options.traceEveryS() > 0 ? Math.max(1, Math.round(options.traceEveryS() * 1e9 / STEP_NANOS)) : 0;
    Pacer pacer = new Pacer(options.realtimeFactor());
    double endS = Double.NaN;
    for (long step = 0; ; step++) {
      double now = clock.seconds();
      faults.applyDue(now);
      fireDueActions(now);
      if (step % supervisorEvery == 0) {
        supervisor.tick();
      }
      if (step % controllerEvery == 0 && !faults.isControllerHung()) {
        controller.tick();
        remote.afterTick();
      }
      if (traceEvery > 0 && step % traceEvery == 0) {
        sampleTrace(now);
      }
      stepPhysics();
      clock.advance(STEP_NANOS);
      if (progress != null && step % 100 == 0) {
        progress.accept(clock.seconds());
      }
      pacer.pace(clock.seconds());
      if (Double.isNaN(endS) && isSettled()) {
        endS = clock.seconds() + TAIL_S;
      }
      if ((!Double.isNaN(endS) && clock.seconds() >= endS) || clock.seconds() >= HARD_STOP_S) {
        break;
      }
    }
    guard.close();
    return result();
  }

  /** A one-line picture of the cycle right now, for live displays. */
  public String statusLine() {
    var snap = controller.snapshot();
    ToasterPhysics p = appliance.physics();
    return String.format(java.util.Locale.ROOT, "%-9s %s chamber %5.1f °C  bread %5.1f °C  shade %4.1f%s",
        snap.phase().id(), appliance.isHeatFlowing() ? "HEAT" : "    ", p.chamberC(), p.breadSurfaceC(),
        Math.max(0.0, p.achievedShade()),
        snap.remainingS() > 0 ? String.format(java.util.Locale.ROOT, "  %3.0f s left", snap.remainingS()) : "");
  }

  public Trace trace() {
    return trace;
  }

  private void stepPhysics() {
    double dtS = STEP_NANOS / 1e9;
    ToasterPhysics physics = appliance.physics();
    appliance.step(dtS);
    double now = clock.seconds() + dtS;
    boolean flowing = appliance.isHeatFlowing();
    if (flowing) {
      heaterOnS += dtS;
    } else if (heaterOnS > 0 && heatCutS == null) {
      heatCutS = now;
    }
    if (flowing) {
      heatCutS = null;
    }
    boolean down = appliance.isCarriageDown();
    if (carriageWasDown && !down) {
      carriageUpS = now;
    }
    carriageWasDown = down;
    maxChamberC = Math.max(maxChamberC, physics.chamberC());
    maxBreadSurfaceC = Math.max(maxBreadSurfaceC, physics.breadSurfaceC());
    tripTimer.observe(now, flowing, appliance.heater().isCommandedOn(), physics.chamberC());
  }

  private void fireDueActions(double nowS) {
    while (!actions.isEmpty() && actions.get(0).atS() <= nowS + 1e-9) {
      ScenarioAction a = actions.remove(0);
      log.add("action " + a.action().id());
      switch (a.action()) {
        case CANCEL -> appliance.press(new UserEvent.CancelPressed());
        case LEVER_UP -> appliance.liftLever();
        case REMOTE_CANCEL -> controller.submit(new RemoteCommand.Cancel());
        case REMOTE_START -> controller.submit(new RemoteCommand.Start());
        case ARM_REMOTE_START -> {
          // Only valid at 0 s, where it was pressed before the lever (see run()).
        }
        default -> throw new IllegalStateException("unhandled action " + a.action());
      }
    }
  }

  private boolean isSettled() {
    if (!actions.isEmpty() || clock.seconds() < 1.0) {
      return false;
    }
    if (appliance.isCarriageDown() || appliance.isHeatFlowing()) {
      return false;
    }
    CyclePhase phase = controller.snapshot().phase();
    return !phase.isActive() || faults.isControllerHung();
  }

  private void sampleTrace(double nowS) {
    ToasterPhysics p = appliance.physics();
    var reading = supervisor.status().lastReading();
    double readingC = reading != null && reading.isValid() ? reading.chamberC() : Double.NaN;
    trace.add(new Trace.Point(nowS, p.chamberC(), readingC, p.elementC(), p.breadSurfaceC(), p.breadCoreC(),
        appliance.isHeatFlowing(), p.achievedShade()));
  }

  private SimulationResult result() {
    Optional<Fault> fault = supervisor.latchedFault();
    Prediction prediction = log.prediction();
    CyclePhase phase = controller.snapshot().phase();
    String outcome;
    if (fault.isPresent()) {
      outcome = "fault";
    } else if (phase == CyclePhase.DONE) {
      outcome = "done";
    } else if (phase == CyclePhase.CANCELLED) {
      outcome = "cancelled";
    } else {
      outcome = "refused";
    }
    return new SimulationResult(
        scenario.name(),
        outcome,
        fault.map(f -> f.code().name()).orElse(null),
        prediction != null ? prediction.predictor() : options.predictor(),
        prediction != null ? prediction.fallbackReason() : null,
        prediction != null ? round1(prediction.seconds()) : null,
        round1(heaterOnS),
        round1(carriageUpS != null ? carriageUpS : 0.0),
        heatCutS != null ? round1(heatCutS) : null,
        round1(maxChamberC),
        round1(maxBreadSurfaceC),
        scenario.shade(),
        Math.round(appliance.physics().achievedShade() * 100) / 100.0,
        tripTimer.latencyMs(),
        new SimulationResult.Limits(options.limits().maxHeatS(), options.limits().cutoffC()),
        log.events());
  }

  private static double round1(double v) {
    return Math.round(v * 10) / 10.0;
  }

  /** Keeps simulated time in step with the wall clock when running in real time. */
  private static final class Pacer {
    private final double factor;
    private final long startNanos = System.nanoTime();

    Pacer(double factor) {
      this.factor = factor;
    }

    void pace(double simS) {
      if (factor <= 0) {
        return;
      }
      long due = startNanos + (long) (simS / factor * 1e9);
      long wait = due - System.nanoTime();
      if (wait > 1_000_000) {
        try {
          Thread.sleep(wait / 1_000_000);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    }
  }
}
