package com.smarttoaster.simulation;

import com.smarttoaster.appliance.ToasterAssembly;
import com.smarttoaster.control.ControllerListener;
import com.smarttoaster.control.ControllerSettings;
import com.smarttoaster.control.CyclePhase;
import com.smarttoaster.control.HeatRecordFile;
import com.smarttoaster.control.RemoteCommand;
import com.smarttoaster.control.ToastController;
import com.smarttoaster.hal.UserEvent;
import com.smarttoaster.hal.sim.ApplianceConditions;
import com.smarttoaster.hal.sim.SimClock;
import com.smarttoaster.hal.sim.SimulatedAppliance;
import com.smarttoaster.hal.sim.SteppedAppliance;
import com.smarttoaster.hal.sim.ToasterPhysics;
import com.smarttoaster.history.CycleOutcome;
import com.smarttoaster.predict.Prediction;
import com.smarttoaster.predict.Predictors;
import com.smarttoaster.predict.SimulatedTimePredictorRunner;
import com.smarttoaster.remote.ApplianceRemote;
import com.smarttoaster.safety.Fault;
import com.smarttoaster.safety.FaultStore;
import com.smarttoaster.safety.SafetyLimits;
import com.smarttoaster.safety.SafetyListener;
import com.smarttoaster.safety.SafetySupervisor;
import com.smarttoaster.safety.SupervisorLoop;
import com.smarttoaster.scenario.BreadSpec;
import com.smarttoaster.scenario.EarlierCycle;
import com.smarttoaster.scenario.Scenario;
import com.smarttoaster.scenario.ScenarioAction;
import com.smarttoaster.toast.ToastSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.DoubleConsumer;
import org.jspecify.annotations.Nullable;

/**
 * Runs one scenario on a simulated appliance (the simulated one, or the emulated Raspberry Pi: the
 * real hal.pi code on emulated chips over the same physics) with the real supervisor, controller
 * and predictor guard, in simulated time: physics every 10 ms, the supervisor and the controller on
 * their own periods, scenario faults and user actions at their times. Waiting for the predictor is
 * simulated time too. After a software crash only the hardware goes on.
 */
public final class CycleSimulation {
  /** Physics step. */
  static final long STEP_NANOS = 10_000_000L;

  /** How long a scenario without earlier cycles sits switched on before the lever press, s. */
  static final double IDLE_BEFORE_PRESS_S = 1.5;

  /**
   * Browning settles once the bread is out; this much simulated time is run after the cycle ends.
   */
  static final double TAIL_S = 10.0;

  /**
   * How long a restarted service is down, s: a JVM with the model and the supervisor's self-test
   * (`.ci/service-check.sh` measures the unit ready within 1–2 s on this 2-core x86 machine; a
   * Raspberry Pi is several times slower).
   */
  static final double RESTART_DOWN_S = 5.0;

  /** Nothing realistic runs longer than this (an armed toaster disarms after 30 minutes). */
  static final double HARD_STOP_S = 4000.0;

  private final Scenario scenario;
  private final SimulationOptions options;
  private final SimClock clock = new SimClock();
  private final SteppedAppliance appliance;
  private final SimulatedAppliance world;
  private final EventLog log = new EventLog(clock);
  private final FaultyPredictor faulty = new FaultyPredictor();
  private final OraclePredictor oracle;
  // The software: built again when the scenario's options restart it (ControllerRestart).
  private ToasterAssembly assembly;
  private SafetySupervisor supervisor;
  private SupervisorLoop supervisorLoop;
  private ToastController controller;
  // With ControllerRestart.REMEMBERING: the state directory the restarted software finds.
  private final @Nullable Path stateDirectory;
  private final @Nullable HeatRecordFile heatRecord;
  private final @Nullable FaultStore faultStore;
  private final FaultSchedule faults;
  private final TripTimer tripTimer;
  private final List<ScenarioAction> actions;
  private final Trace trace = new Trace();
  private final ApplianceConditions conditions;
  private final ApplianceRemote remote;

  private double heaterOnS;
  private @Nullable String heatCutBy;
  private boolean wasFlowing;
  private @Nullable Double heatCutS;
  private @Nullable Double carriageUpS;
  private boolean carriageWasDown;
  private double maxChamberC;
  private double maxBreadSurfaceC;
  private long originNanos;
  private boolean softwareDown;

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
    this.conditions = startConditions(scenario);
    this.appliance =
        SimulatedAppliances.create(
            options.appliance(),
            conditions,
            scenario.seed(),
            clock,
            limits.currentSensorFitted(),
            firstSettings(scenario),
            null);
    this.world = appliance.world();
    this.oracle =
        new OraclePredictor(
            () -> world.physics().copy(),
            limits.maxHeatS() * ToasterAssembly.MAX_PREDICTION_SHARE_OF_MAX_HEAT);
    this.stateDirectory =
        options.restart() == ControllerRestart.REMEMBERING ? newStateDirectory() : null;
    SimulatedWallClock wallClock = new SimulatedWallClock(clock);
    this.heatRecord = stateDirectory == null ? null : HeatRecordFile.in(stateDirectory, wallClock);
    this.faultStore = stateDirectory == null ? null : FaultStore.in(stateDirectory, wallClock);
    startSoftware();
    world.onBeep(pattern -> log.add("beep " + pattern.name().toLowerCase(Locale.ROOT)));
    this.faults = new FaultSchedule(scenario.faults(), world, faulty, log);
    this.tripTimer = new TripTimer(scenario.faults(), limits.cutoffC());
    this.actions = new ArrayList<>(scenario.actions());
    this.actions.sort(Comparator.comparingDouble(ScenarioAction::atS));
    this.maxChamberC = world.physics().chamberC();
    this.maxBreadSurfaceC = world.physics().breadSurfaceC();
  }

  /**
   * Builds the supervisor, guard and controller on the appliance's ports (again, on a restart),
   * watched by the remote.
   *
   * @return what the controller took over from its heat record, in words; null without one
   */
  private @Nullable String startSoftware() {
    SafetyLimits limits = options.limits();
    // The scenario's remote-start actions are explicit, so simulation enables remote start.
    ControllerSettings settings = new ControllerSettings(0.05, true, 1800.0);
    this.assembly =
        new ToasterAssembly(
            options.breadThermometerFitted()
                ? appliance.ports()
                : appliance.ports().withoutBreadThermometer(),
            clock,
            new ToasterAssembly.Settings(
                limits,
                settings,
                firstSettings(scenario),
                scenario.configuredMainsVolts(),
                scenario.nominalMainsVolts(),
                options.predictorTimeoutS(),
                faultStore),
            table -> faulty.wrap(Predictors.named(options.predictor(), table, oracle)),
            new SimulatedTimePredictorRunner(clock, faulty::latencyS),
            SafetyListener.both(log, remote.safetyListener()),
            ControllerListener.both(log, remote.controllerListener()));
    this.supervisor = assembly.supervisor();
    this.supervisorLoop = SupervisorLoop.tickedIn(clock, supervisor); // ticked here, not started
    this.controller = assembly.controller();
    String tookOver = heatRecord == null ? null : controller.rememberHeatIn(heatRecord);
    remote.attach(controller, supervisor, clock); // on a restart its own connection stays up
    remote.attachRatings(assembly.ratings());
    return tookOver;
  }

  /**
   * The service restarts: the software stops, the appliance goes on alone for {@link
   * #RESTART_DOWN_S}, then new software starts on it (with its state directory, if kept: the
   * controller's heat record, the supervisor's element memory and latched fault).
   */
  private void restartSoftware(Stepper stepper) {
    assembly.close();
    softwareDown = true;
    double upS = clock.seconds() + RESTART_DOWN_S;
    while (clock.seconds() < upS - 1e-9) {
      stepper.step(false);
    }
    softwareDown = false;
    String tookOver = startSoftware();
    log.add("software restarted: " + (tookOver == null ? "it knows no earlier cycle" : tookOver));
  }

  private static Path newStateDirectory() {
    try {
      return Files.createTempDirectory("toaster-state");
    } catch (IOException e) {
      throw new UncheckedIOException("no temporary state directory for the restart", e);
    }
  }

  private void deleteStateDirectory() {
    if (stateDirectory == null) {
      return;
    }
    try (var files = Files.list(stateDirectory)) {
      for (Path f : (Iterable<Path>) files::iterator) {
        Files.deleteIfExists(f);
      }
      Files.deleteIfExists(stateDirectory);
    } catch (IOException e) {
      log.add("temporary state directory " + stateDirectory + " left behind: " + e);
    }
  }

  /**
   * Runs the scenario to its end; {@code progress} hears the simulated time now and then (may be
   * null).
   */
  public SimulationResult run(@Nullable DoubleConsumer progress) {
    Stepper stepper = new Stepper(progress);
    List<EarlierCycle> before = scenario.before();
    for (int i = 0; i < before.size(); i++) {
      ToastSettings next =
          i + 1 < before.size() ? before.get(i + 1).settings() : scenario.settings();
      runEarlierCycle(before.get(i), next, stepper, i + 1 == before.size());
    }
    if (!scenario.before().isEmpty()) {
      world.loadBread(
          scenario.slices(),
          scenario.bread().type(),
          scenario.bread().thicknessMm(),
          scenario.bread().startC());
    } else if (scenario.chamberStartC() == scenario.ambientC()) {
      idleBeforeFirstPress(stepper);
    }
    startMeasuredCycle();
    if (scenario.armsRemoteStart()) {
      appliance.press(new UserEvent.RemoteArmPressed());
    }
    appliance.pushLever();
    double endS = Double.NaN;
    double now = cycleSeconds();
    while (true) {
      faults.applyDue(now);
      fireDueActions(now);
      stepper.step(true);
      now = cycleSeconds(); // the clock moves only in step(): one division per step, not four
      if (Double.isNaN(endS) && isSettled(now)) {
        endS = now + TAIL_S;
      }
      if ((!Double.isNaN(endS) && now >= endS) || now >= HARD_STOP_S) {
        break;
      }
    }
    faults.reportIneffective(cycleSeconds());
    assembly.close();
    appliance.close();
    deleteStateDirectory();
    return result();
  }

  /**
   * One earlier cycle of the scenario's {@code before} list, through the same controller and
   * hardware: settings, fresh bread, lever, until heat stops and the carriage is up, then the pause
   * (the toast is out; the user sets the next cycle's knob and buttons at its start).
   */
  private void runEarlierCycle(
      EarlierCycle earlier, ToastSettings next, Stepper stepper, boolean last) {
    ToastSettings s = earlier.settings();
    world.loadBread(s.slices(), s.bread(), s.thicknessMm(), earlier.bread().startC());
    appliance.pushLever();
    double startS = clock.seconds();
    while (clock.seconds() - startS < 1.0 || !isIdle()) {
      stepper.step(false);
      if (clock.seconds() - startS >= HARD_STOP_S) {
        break;
      }
    }
    log.add("earlier cycle ended: " + describe(s));
    double pauseEndS = clock.seconds() + earlier.pauseS();
    if (last && options.restart() != ControllerRestart.NONE) {
      restartSoftware(stepper);
      // Nobody can start a cycle while the software is down: a press that came earlier comes
      // again as soon as it is up.
      pauseEndS = Math.max(pauseEndS, clock.seconds());
    }
    pressSettings(next);
    while (clock.seconds() < pauseEndS - 1e-9) {
      stepper.step(false);
    }
  }

  /**
   * A toaster is switched on before anyone presses its lever: the supervisor has read the chamber
   * for a while, so the controller's reference for the heating progress is a second's mean, as on a
   * device (and in the training data), not one noisy first sample. Only a toaster at room
   * temperature idles: it stays as the scenario describes it, while an evenly warm one would cool
   * away from its stated {@code chamberStartC} before the press.
   */
  private void idleBeforeFirstPress(Stepper stepper) {
    double endS = clock.seconds() + IDLE_BEFORE_PRESS_S;
    while (clock.seconds() < endS - 1e-9) {
      stepper.step(false);
    }
  }

  private void pressSettings(ToastSettings s) {
    appliance.press(new UserEvent.ShadeChanged(s.shade()));
    appliance.press(new UserEvent.ModeSelected(s.mode()));
    appliance.press(new UserEvent.BreadSelected(s.bread()));
    appliance.press(new UserEvent.SliceSizeSet(s.thicknessMm(), s.slices()));
  }

  /** Heat off, carriage up, controller not in a cycle: the user can take the toast out. */
  private boolean isIdle() {
    return !world.isHeatFlowing()
        && !world.isCarriageDown()
        && !controller.snapshot().phase().isActive();
  }

  /** From here on, times, events and figures are the measured cycle's. */
  private void startMeasuredCycle() {
    originNanos = clock.nanos();
    log.startCycle(originNanos);
    heaterOnS = 0;
    heatCutS = null;
    heatCutBy = null;
    carriageUpS = null;
    maxChamberC = world.physics().chamberC();
    maxBreadSurfaceC = world.physics().breadSurfaceC();
  }

  /** Simulated seconds since the measured cycle's lever press. */
  private double cycleSeconds() {
    return (clock.nanos() - originNanos) / 1e9;
  }

  /** One 10 ms step of everything: software (unless crashed), trace, physics, clock. */
  private final class Stepper {
    private final @Nullable DoubleConsumer progress;
    private final StepPeriod supervisorPeriod =
        new StepPeriod(Math.max(1, Math.round(options.limits().loopPeriodS() * 1e9 / STEP_NANOS)));
    private final StepPeriod controllerPeriod = new StepPeriod(5);
    private final long traceEvery =
        options.traceEveryS() > 0
            ? Math.max(1, Math.round(options.traceEveryS() * 1e9 / STEP_NANOS))
            : 0;
    private final Pacer pacer = new Pacer(options.realtimeFactor());
    private long step;

    Stepper(@Nullable DoubleConsumer progress) {
      this.progress = progress;
    }

    void step(boolean measured) {
      // Both periods count every step, whether or not the software runs.
      boolean supervisorDue = supervisorPeriod.isDue();
      boolean controllerDue = controllerPeriod.isDue();
      boolean softwareRuns = !softwareDown && !faults.isSoftwareCrashed();
      if (softwareRuns) {
        appliance.scanSoftware();
      }
      if (softwareRuns && supervisorDue) {
        supervisorLoop.tickOnce();
      }
      if (softwareRuns && controllerDue && !faults.isControllerHung()) {
        tickController();
      }
      if (measured && traceEvery > 0 && step % traceEvery == 0) {
        sampleTrace(cycleSeconds());
      }
      if (measured) {
        stepPhysics();
      } else {
        appliance.step(STEP_NANOS / 1e9);
      }
      clock.advance(STEP_NANOS);
      if (progress != null && step % 100 == 0) {
        progress.accept(clock.seconds());
      }
      pacer.pace(clock);
      step++;
    }
  }

  /**
   * Says on which steps a task with a period of {@code every} steps runs: the first step and every
   * {@code every}-th after it, as {@code step % every == 0} would, without a 64-bit division on
   * every step of the hot loop.
   */
  private static final class StepPeriod {
    private final long every;
    private long phase;

    StepPeriod(long every) {
      this.every = every;
    }

    /** Call once per step: true on the steps the task runs. */
    boolean isDue() {
      boolean due = phase == 0;
      if (++phase == every) {
        phase = 0;
      }
      return due;
    }
  }

  /**
   * As on the appliance: a controller tick that throws is logged, and the lease decides about heat.
   */
  private void tickController() {
    try {
      controller.tick();
      remote.afterTick();
    } catch (RuntimeException e) {
      log.add("controller tick failed: " + e);
    }
  }

  /** The cycle right now, for live displays; the shade rounded as the result rounds it. */
  public LiveStatus status() {
    var snap = controller.snapshot();
    ToasterPhysics p = world.physics();
    double predictedS = snap.prediction() != null ? snap.prediction().seconds() : Double.NaN;
    double heatedS =
        snap.phase() == CyclePhase.TOASTING ? predictedS - snap.remainingS() : heaterOnS;
    return new LiveStatus(
        snap.phase().id(),
        world.isHeatFlowing(),
        p.chamberC(),
        p.breadSurfaceC(),
        Math.round(p.achievedShade() * 100) / 100.0,
        predictedS,
        heatedS);
  }

  public Trace trace() {
    return trace;
  }

  private void stepPhysics() {
    double dtS = STEP_NANOS / 1e9;
    ToasterPhysics physics = world.physics();
    appliance.step(dtS);
    double now = cycleSeconds() + dtS;
    boolean flowing = world.isHeatFlowing();
    if (flowing) {
      heaterOnS += dtS;
      heatCutS = null;
      heatCutBy = null;
    } else if (wasFlowing) {
      heatCutS = now;
      heatCutBy = HeatCut.whatCut(world);
    }
    wasFlowing = flowing;
    boolean down = world.isCarriageDown();
    if (carriageWasDown && !down) {
      carriageUpS = now;
    }
    carriageWasDown = down;
    maxChamberC = Math.max(maxChamberC, physics.chamberC());
    maxBreadSurfaceC = Math.max(maxBreadSurfaceC, physics.breadSurfaceC());
    if (tripTimer.timesAFault()) {
      tripTimer.observe(
          now, flowing, world.isSsrInputHigh() && world.isDeadManEnabling(), physics.chamberC());
    }
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

  /** {@code nowS}: {@link #cycleSeconds()}. */
  private boolean isSettled(double nowS) {
    if (!actions.isEmpty() || nowS < 1.0) {
      return false;
    }
    if (world.isHeatFlowing()) {
      return false;
    }
    if (faults.isSoftwareCrashed()) {
      return true; // nothing will move the carriage any more
    }
    if (world.isCarriageDown() && !world.isLatchJammed()) {
      return false; // a jammed carriage stays down for good: the cycle is over once heat stopped
    }
    CyclePhase phase = controller.snapshot().phase();
    return !phase.isActive() || faults.isControllerHung();
  }

  private void sampleTrace(double nowS) {
    ToasterPhysics p = world.physics();
    var reading = supervisor.status().lastReading();
    double readingC = reading != null && reading.isValid() ? reading.chamberC() : Double.NaN;
    trace.add(
        new Trace.Point(
            nowS,
            p.chamberC(),
            readingC,
            p.elementC(),
            p.breadSurfaceC(),
            p.breadCoreC(),
            world.isHeatFlowing(),
            p.achievedShade()));
  }

  private SimulationResult result() {
    Optional<Fault> fault = supervisor.latchedFault();
    Prediction prediction = log.prediction();
    CyclePhase phase = controller.snapshot().phase();
    String hardwareFault =
        faults.isSoftwareCrashed() || world.openProtector() != null
            ? HeatCut.faultCode(heatCutBy)
            : null;
    CycleOutcome outcome;
    if (fault.isPresent() || hardwareFault != null) {
      outcome = CycleOutcome.FAULT;
    } else if (phase == CyclePhase.DONE) {
      outcome = CycleOutcome.DONE;
    } else if (phase == CyclePhase.CANCELLED) {
      outcome = CycleOutcome.CANCELLED;
    } else {
      outcome = CycleOutcome.REFUSED;
    }
    return new SimulationResult(
        scenario.name(),
        outcome,
        fault.map(f -> f.code().name()).orElse(hardwareFault),
        prediction != null ? prediction.predictor() : options.predictor(),
        prediction != null ? prediction.fallbackReason() : null,
        prediction != null ? round1(prediction.seconds()) : null,
        round1(heaterOnS),
        round1(carriageUpS != null ? carriageUpS : 0.0),
        heatCutS != null ? round1(heatCutS) : null,
        round1(maxChamberC),
        round1(maxBreadSurfaceC),
        scenario.shade(),
        Math.round(world.physics().achievedShade() * 100) / 100.0,
        tripTimer.latencyMs(cycleSeconds()),
        new SimulationResult.Limits(options.limits().maxHeatS(), options.limits().cutoffC()),
        log.events(),
        appliance.kind(),
        heatCutBy);
  }

  /** The appliance starts as the scenario's first cycle finds it. */
  private static ApplianceConditions startConditions(Scenario sc) {
    BreadSpec bread = sc.before().isEmpty() ? sc.bread() : sc.before().get(0).bread();
    int slices = sc.before().isEmpty() ? sc.slices() : sc.before().get(0).slices();
    return new ApplianceConditions(
        sc.ambientC(),
        sc.mainsVolts(),
        sc.chamberStartC(),
        slices,
        bread.type(),
        bread.thicknessMm(),
        bread.startC(),
        sc.nominalMainsVolts());
  }

  private static ToastSettings firstSettings(Scenario sc) {
    return sc.before().isEmpty() ? sc.settings() : sc.before().get(0).settings();
  }

  private static String describe(ToastSettings s) {
    return String.format(
        Locale.ROOT,
        "%s %s, shade %d, %d × %.0f mm",
        s.mode().id(),
        s.bread().id(),
        s.shade(),
        s.slices(),
        s.thicknessMm());
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

    /** Waits until the wall clock has caught up with {@code clock}; returns at once unpaced. */
    void pace(SimClock clock) {
      if (factor <= 0) {
        return;
      }
      double simS = clock.seconds();
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
