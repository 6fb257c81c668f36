package com.smarttoaster.cli;

import com.smarttoaster.appliance.PiApplianceRunner;
import com.smarttoaster.appliance.RunningModel;
import com.smarttoaster.appliance.SimulatedApplianceRunner;
import com.smarttoaster.appliance.ToasterAssembly;
import com.smarttoaster.config.ApplianceKind;
import com.smarttoaster.config.ConfigException;
import com.smarttoaster.config.ConfigLoader;
import com.smarttoaster.config.ControllerConfig;
import com.smarttoaster.config.LogLevel;
import com.smarttoaster.config.ToasterConfig;
import com.smarttoaster.control.ControllerListener;
import com.smarttoaster.control.ToastController;
import com.smarttoaster.fleet.offer.DeviceOffers;
import com.smarttoaster.hal.AppliancePorts;
import com.smarttoaster.hal.Clock;
import com.smarttoaster.hal.UserEvent;
import com.smarttoaster.hal.pi.HardwareUnavailableException;
import com.smarttoaster.hal.pi.PiAppliance;
import com.smarttoaster.hal.sim.SteppedAppliance;
import com.smarttoaster.history.HistoryException;
import com.smarttoaster.predict.SimulatedTimePredictorRunner;
import com.smarttoaster.remote.ApplianceRemote;
import com.smarttoaster.remote.RemoteFactory;
import com.smarttoaster.remote.TransportException;
import com.smarttoaster.safety.Fault;
import com.smarttoaster.safety.FaultStore;
import com.smarttoaster.safety.SafetyListener;
import com.smarttoaster.safety.SafetySupervisor;
import com.smarttoaster.safety.SupervisorLoop;
import com.smarttoaster.service.SelfTestReport;
import com.smarttoaster.service.ServiceLifecycle;
import com.smarttoaster.service.StateDirectory;
import com.smarttoaster.simulation.SimulatedApplianceKind;
import com.smarttoaster.simulation.SimulatedAppliances;
import com.smarttoaster.taste.RatingSetup;
import com.smarttoaster.toast.ToastSettings;
import com.smarttoaster.web.WebServer;
import com.smarttoaster.web.WebServerException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code run}: runs the appliance chosen by the config until the user quits. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    header = "Runs the appliance the config names (real Pi, emulated Pi or simulated).",
    description = {
      "Runs the appliance named by the config. With appliance.kind: pi it drives the Raspberry Pi"
          + " toaster (pins from the pi section) until stopped; without GPIO it exits 2 with one message.",
      "With appliance.kind: simulated (or pi-emulated) it runs the simulated toaster, paced to the"
          + " wall clock by simulation.realtimeFactor, with a terminal front panel: one status line,"
          + " log lines above it, plain lines when stderr is not a terminal. At the end of standard"
          + " input (e.g. under systemd) it runs on without keys until stopped (SIGTERM or Ctrl-C).",
      "%nThe panel's keys (single keys, no Enter):",
      TerminalPanel.KEYS
    })
public final class RunCommand implements Callable<Integer> {
  /** How long a SIGTERM waits for the run to switch off (systemd's TimeoutStopSec is 30 s). */
  private static final Duration STOP_GRACE = Duration.ofSeconds(10);

  /**
   * How long a quit waits for the controller to end a running cycle (a tick is 0.5 s at factor
   * 0.1).
   */
  private static final Duration END_CYCLE_WAIT = Duration.ofSeconds(5);

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--config",
      required = true,
      paramLabel = "FILE",
      description = "Config file (YAML).")
  Path config;

  @Override
  public Integer call() throws Exception {
    PrintWriter err = spec.commandLine().getErr();
    ToasterConfig cfg;
    try {
      cfg = ConfigLoader.load(config);
    } catch (ConfigException e) {
      err.println(e.getMessage());
      return Main.EXIT_BAD_INPUT;
    }
    applyLogLevel(cfg);
    if (cfg.appliance().kind() == ApplianceKind.PI) {
      return runPi(cfg, err);
    }
    // Single keys from the start: keys typed while it starts are not echoed into the panel.
    try (RawTerminal raw = RawTerminal.enter()) {
      return runSimulated(cfg, err);
    }
  }

  /**
   * The config's level, unless set with -D; works because no logger exists before this point.
   * Pi4J's own logs (board detection, every SPI transfer) are shown only at debug.
   */
  private static void applyLogLevel(ToasterConfig cfg) {
    String key = "org.slf4j.simpleLogger.defaultLogLevel";
    if (System.getProperty(key) == null) {
      System.setProperty(key, cfg.logging().level().id());
    }
    String pi4j = "org.slf4j.simpleLogger.log.com.pi4j";
    if (System.getProperty(pi4j) == null) {
      System.setProperty(pi4j, cfg.logging().level() == LogLevel.DEBUG ? "debug" : "off");
    }
  }

  /**
   * The Raspberry Pi appliance: opens the hardware (one clear message and exit 2 if any device is
   * missing, before anything is switched on), then runs until the process is stopped (SIGTERM from
   * systemd or Ctrl-C), which switches the heater off and releases the carriage.
   */
  private int runPi(ToasterConfig cfg, PrintWriter err) throws InterruptedException {
    Clock clock = Clock.system();
    PiAppliance appliance;
    try {
      appliance =
          PiAppliance.open(
              Objects.requireNonNull(cfg.pi(), "the config requires a pi section for this kind"),
              cfg.appliance().currentSensorFitted(),
              PiAppliance.hardwareContext(),
              clock,
              cfg.controller().defaultSettings());
    } catch (HardwareUnavailableException e) {
      err.println(
          "Cannot run the Raspberry Pi appliance (appliance.kind: pi in "
              + config
              + "): "
              + e.getMessage()
              + ". Nothing was switched on; the heater stays off. To try the controller on this computer, use a config"
              + " with appliance.kind: simulated (config/toaster.yaml).");
      err.flush();
      return Main.EXIT_BAD_INPUT;
    }
    ServiceLifecycle service =
        ServiceLifecycle.begin(cfg, config.toString()); // after the heater is LOW
    ApplianceRemote remote;
    try {
      remote =
          RemoteFactory.fromConfig(
              cfg,
              service
                  .stateDirectory()
                  .map(StateDirectory::path)); // MQTT and history, when configured
    } catch (TransportException | HistoryException e) {
      appliance.close();
      service.close();
      err.println(e.getMessage());
      return Main.EXIT_BAD_INPUT;
    }
    SafetyListener faults =
        service.reporting(
            fault -> {
              err.println("FAULT " + fault.code() + ": " + fault.message());
              err.flush();
            });
    ControllerListener events =
        new ControllerListener() {
          @Override
          public void onRefused(String reason, long atNanos) {
            err.println(reason);
            err.flush();
          }
        };
    // Closed in reverse: STOPPING=1 first, then heater off and pins LOW, then MQTT, then the JVM
    // may halt.
    try (RunStop stop = new RunStop(STOP_GRACE);
        remote;
        RunningModel models =
            RunningModel.open(
                cfg.controller().predictor().id(),
                cfg.model(),
                service.stateDirectory().map(StateDirectory::path));
        PiApplianceRunner runner =
            new PiApplianceRunner(
                cfg,
                appliance,
                clock,
                SafetyListener.both(faults, remote.safetyListener()),
                ControllerListener.both(events, remote.controllerListener()),
                service.faultStore(),
                models,
                ratingSetup(cfg, service));
        service) {
      // Before the controller's first tick: a restart between two batches keeps the first's heat.
      service.heatRecord().ifPresent(runner.controller()::rememberHeatIn);
      remote.attach(runner.controller(), runner.supervisor(), clock);
      remote.attachRatings(runner.ratings());
      remote.watchModels(
          models.watcher(
              clock, cfg.controller().predictorTimeoutS())); // shadow candidate, monitoring
      remote.watchModelHealth(models.health(cfg.model().health()));
      models.reportRefusalsTo(remote::reportModelRefused);
      DeviceOffers.acceptIfConfigured(
          cfg.mqtt(), cfg.appliance().deviceId(), remote, models.store()); // fleet offers, if on
      WebServer web;
      try {
        web =
            WebServer.fromConfig(
                cfg,
                runner.controller(),
                runner.supervisor(),
                clock,
                remote,
                models.store(),
                models::activeCard);
      } catch (WebServerException e) {
        err.println(e.getMessage());
        return Main.EXIT_BAD_INPUT;
      }
      runner.afterControllerTick(
          () -> {
            remote.afterTick();
            web.afterTick();
          });
      SelfTestReport selfTest =
          service.selfTest(runner.supervisor(), appliance.sensor(), appliance.currentSensor());
      remote.closeInterruptedCycles(); // before any cycle of this run, so an open one was cut short
      // by a power cut, crash or stop
      runner.start();
      service.ready(
          Objects.requireNonNull(runner.supervisorLoop(), "started above"),
          runner.supervisor(),
          selfTest);
      err.println(
          "Running the Raspberry Pi toaster ("
              + cfg.summary()
              + "); stop with Ctrl-C or systemctl stop.");
      err.flush();
      stop.await();
      web.close();
    }
    return 0;
  }

  /**
   * Keys are read on their own thread so that a signal can end the run while a read blocks. At the
   * end of the input (stdin is /dev/null under systemd, or a pipe was closed) the toaster keeps
   * running without a keyboard, like the Pi appliance, until it is stopped.
   */
  private static void readKeysUntilQuit(TerminalPanel panel, RunStop stop, StatusLine line) {
    Thread keys =
        new Thread(
            () -> {
              String why = "No more keys on standard input";
              try {
                if (panel.readKeys(System.in)) {
                  stop.request();
                  return;
                }
              } catch (IOException e) {
                why = "Reading keys failed (" + e.getMessage() + ")";
              }
              line.println(why + ": running until stopped (SIGTERM, systemctl stop or Ctrl-C).");
            },
            "keys");
    keys.setDaemon(true);
    keys.start();
  }

  /**
   * The simulated appliance (or the Pi code on emulated chips) with a terminal front panel. One
   * thread steps the simulated world and ticks the supervisor and controller on step counts, paced
   * to the wall clock by the config's realtimeFactor ({@link SimulatedApplianceRunner}); the
   * predictor answers inline in simulated time, as in {@code simulate}. So any factor is as safe as
   * real time, and a busy machine only runs the demo slower.
   */
  private int runSimulated(ToasterConfig cfg, PrintWriter err) throws Exception {
    ServiceLifecycle service = ServiceLifecycle.begin(cfg, config.toString());
    ApplianceRemote remote;
    try {
      remote =
          RemoteFactory.fromConfig(
              cfg,
              service
                  .stateDirectory()
                  .map(StateDirectory::path)); // MQTT and history, when configured
    } catch (TransportException | HistoryException e) {
      service.close();
      err.println(e.getMessage());
      return Main.EXIT_BAD_INPUT;
    }
    try (StatusLine line = new StatusLine(err, ConsoleKind.ofStderr())) {
      line.captureSystemErr(); // log lines scroll above the status line
      return runWithPanel(cfg, err, service, remote, line);
    }
  }

  private int runWithPanel(
      ToasterConfig cfg,
      PrintWriter err,
      ServiceLifecycle service,
      ApplianceRemote remote,
      StatusLine line)
      throws Exception {
    ControllerConfig cc = cfg.controller();
    ToastSettings initial = cc.defaultSettings();
    SimulatedApplianceKind kind =
        cfg.appliance().kind() == ApplianceKind.PI_EMULATED
            ? SimulatedApplianceKind.PI_EMULATED
            : SimulatedApplianceKind.SIM;
    try (RunStop stop = new RunStop(STOP_GRACE);
        remote;
        SimulatedApplianceRunner runner =
            new SimulatedApplianceRunner(
                cfg.simulation().ambientC(),
                cfg.simulation().chamberStartC(),
                cfg.appliance().mainsVoltsNominal(),
                cfg.appliance().elementRatedVolts(),
                initial,
                cfg.simulation().realtimeFactor(),
                (conditions, clock) ->
                    SimulatedAppliances.create(
                        kind,
                        conditions,
                        cfg.simulation().seed(),
                        clock,
                        cfg.safety().currentSensorFitted(),
                        initial,
                        cfg.pi()));
        service) {
      SteppedAppliance appliance = runner.appliance();
      AppliancePorts ports = appliance.ports();
      SafetyListener faults =
          service.reporting(
              new SafetyListener() {
                @Override
                public void onFault(Fault fault) {
                  line.println("FAULT " + fault.code() + ": " + fault.message());
                }
              });
      ControllerListener panelEvents =
          new ControllerListener() {
            @Override
            public void onRefused(String reason, long atNanos) {
              line.println(reason);
            }

            @Override
            public void onNote(String note, long atNanos) {
              line.println(note);
            }
          };
      RunningModel models =
          RunningModel.open(
              cc.predictor().id(), cfg.model(), service.stateDirectory().map(StateDirectory::path));
      ToasterAssembly assembly =
          new ToasterAssembly(
              ports,
              runner.clock(),
              new ToasterAssembly.Settings(
                  cfg.safety(),
                  cc.controllerSettings(),
                  initial,
                  cfg.appliance().mainsVoltsNominal(),
                  cfg.appliance().elementRatedVolts(),
                  cc.predictorTimeoutS(),
                  withoutElementMemory(service.faultStore()),
                  ratingSetup(cfg, service)),
              models::primary,
              models.startRunner(new SimulatedTimePredictorRunner(runner.clock(), () -> 0.0)),
              SafetyListener.both(faults, remote.safetyListener()),
              ControllerListener.both(panelEvents, remote.controllerListener()));
      models.follow(assembly); // an activated model is taken between cycles
      SafetySupervisor supervisor = assembly.supervisor();
      ToastController controller = assembly.controller();
      // No heat record here (nor the supervisor's element memory): each run starts a new, cold
      // simulated toaster, which a record of the last run's heat would describe wrongly.
      remote.attach(controller, supervisor, runner.clock());
      remote.attachRatings(assembly.ratings());
      remote.watchModels(
          models.watcher(runner.clock(), cc.predictorTimeoutS())); // shadow candidate, monitoring
      remote.watchModelHealth(models.health(cfg.model().health()));
      models.reportRefusalsTo(remote::reportModelRefused);
      DeviceOffers.acceptIfConfigured(
          cfg.mqtt(), cfg.appliance().deviceId(), remote, models.store()); // fleet offers, if on
      WebServer web;
      try {
        web =
            WebServer.fromConfig(
                cfg,
                controller,
                supervisor,
                runner.clock(),
                remote,
                models.store(),
                models::activeCard);
      } catch (WebServerException e) {
        models.close();
        assembly.close();
        err.println(e.getMessage());
        return Main.EXIT_BAD_INPUT;
      }
      TerminalPanel panel =
          new TerminalPanel(
              appliance,
              runner::submit,
              controller::submit,
              controller::snapshot,
              supervisor::status,
              line::println,
              cfg.simulation().ambientC(),
              assembly.ratings());
      SelfTestReport selfTest =
          service.selfTest(
              supervisor,
              ports.sensor(),
              cfg.safety().currentSensorFitted() ? ports.currentSensor() : null);
      remote.closeInterruptedCycles(); // before any cycle of this run, so an open one was cut short
      // by a power cut, crash or stop
      TerminalPanel.HELP.forEach(line::println);
      line.println(
          String.format(
              Locale.ROOT,
              "Simulated toaster (%s) at %s x real time.",
              kind,
              new java.text.DecimalFormat(
                      "0.##", java.text.DecimalFormatSymbols.getInstance(Locale.ROOT))
                  .format(cfg.simulation().realtimeFactor())));
      // Not started: the runner ticks it on step counts; it still tells systemd's watchdog the
      // ticks are alive.
      SupervisorLoop loop = new SupervisorLoop(supervisor);
      try {
        runner.runSoftware(
            new SimulatedApplianceRunner.Software(
                loop::tickOnce,
                cfg.safety().loopPeriodS(),
                () -> {
                  try {
                    controller.tick();
                    remote.afterTick();
                    web.afterTick();
                  } catch (
                      RuntimeException
                          e) { // the lease stops heat if ticks keep failing; the supervisor decides
                    LoggerFactory.getLogger(RunCommand.class)
                        .error("Controller tick failed; continuing", e);
                  }
                },
                cc.tickS()));
        runner.start();
        service.ready(loop, supervisor, selfTest);
        PanelRedraw redraw =
            PanelRedraw.start(
                line, controller::snapshot, supervisor::status, assembly.ratings()::invitation);
        readKeysUntilQuit(panel, stop, line);
        stop.await();
        service.stopping();
        endRunningCycle(controller, runner, line);
        redraw.stop(line, controller.snapshot(), supervisor.status());
        runner.close(); // no more steps, so nothing ticks the supervisor after it shut down
      } finally {
        web.close(); // no more commands from the page
        loop.close(); // heater off, carriage released
        models.close();
        assembly.close();
        line.close();
      }
      err.println("Stopped: heater off, carriage released.");
      err.flush();
    }
    return 0;
  }

  /** The config's rating window; the taste in the state directory when there is one. */
  private static RatingSetup ratingSetup(ToasterConfig cfg, ServiceLifecycle service) {
    return RatingSetup.forDevice(
        cfg.ratings().windowS(), service.stateDirectory().map(StateDirectory::path));
  }

  /**
   * Quitting ({@code q}, SIGTERM) with a cycle running cancels it through the controller first, so
   * the history and MQTT see it end as cancelled rather than left running until the next start.
   */
  private static void endRunningCycle(
      ToastController controller, SimulatedApplianceRunner runner, StatusLine line)
      throws InterruptedException {
    if (!controller.snapshot().phase().isActive()) {
      return;
    }
    line.println("Quitting: cancelling the running cycle first.");
    // Through the stepping thread, after any key typed before q (a knob turn then q: in that
    // order).
    runner.submit(() -> controller.submit(new UserEvent.CancelPressed()));
    long deadline =
        System.nanoTime() + END_CYCLE_WAIT.toNanos(); // wall time: it waits for a thread
    while (controller.snapshot().phase().isActive() && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
  }

  private static @Nullable FaultStore withoutElementMemory(@Nullable FaultStore store) {
    return store == null ? null : store.withoutElementMemory();
  }
}
