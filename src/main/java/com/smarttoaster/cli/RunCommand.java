package com.smarttoaster.cli;

import com.smarttoaster.appliance.PiApplianceRunner;
import com.smarttoaster.appliance.SimulatedApplianceRunner;
import com.smarttoaster.appliance.ToasterAssembly;
import com.smarttoaster.config.ApplianceKind;
import com.smarttoaster.config.ConfigException;
import com.smarttoaster.config.ConfigLoader;
import com.smarttoaster.config.ControllerConfig;
import com.smarttoaster.config.LogLevel;
import com.smarttoaster.config.ToasterConfig;
import com.smarttoaster.control.ControllerListener;
import com.smarttoaster.control.ControllerSettings;
import com.smarttoaster.control.ToastController;
import com.smarttoaster.hal.Clock;
import com.smarttoaster.hal.pi.HardwareUnavailableException;
import com.smarttoaster.hal.pi.PiAppliance;
import com.smarttoaster.hal.AppliancePorts;
import com.smarttoaster.hal.sim.SteppedAppliance;
import com.smarttoaster.history.HistoryException;
import com.smarttoaster.modellife.RunningModel;
import com.smarttoaster.predict.ThreadPredictorRunner;
import com.smarttoaster.remote.ApplianceRemote;
import com.smarttoaster.remote.Listeners;
import com.smarttoaster.remote.RemoteFactory;
import com.smarttoaster.remote.TransportException;
import com.smarttoaster.safety.Fault;
import com.smarttoaster.safety.SafetyListener;
import com.smarttoaster.safety.SafetySupervisor;
import com.smarttoaster.safety.SupervisorLoop;
import com.smarttoaster.service.SelfTestReport;
import com.smarttoaster.service.StateDirectory;
import com.smarttoaster.service.ServiceLifecycle;
import com.smarttoaster.simulation.SimulatedAppliances;
import com.smarttoaster.toast.ToastSettings;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code run}: runs the appliance chosen by the config until the user quits. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
      "Runs the appliance named by the config. With appliance.kind: pi it drives the Raspberry Pi",
      "toaster (pins from the pi section) until stopped; without GPIO it exits 2 with one message.",
      "With appliance.kind: simulated it runs the simulated toaster in real time with a terminal",
      "front panel; at the end of standard input (e.g. under systemd) it runs on without keys until",
      "stopped (SIGTERM or Ctrl-C). Keys:",
      TerminalPanel.HELP
    })
public final class RunCommand implements Callable<Integer> {
  /** How long a SIGTERM waits for the run to switch off (systemd's TimeoutStopSec is 30 s). */
  private static final Duration STOP_GRACE = Duration.ofSeconds(10);

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--config", required = true, paramLabel = "FILE", description = "Config file (YAML).")
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
    return runSimulated(cfg, err);
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
      appliance = PiAppliance.open(cfg.pi(), cfg.appliance().currentSensorFitted(), PiAppliance.hardwareContext(),
          clock, cfg.controller().defaultSettings());
    } catch (HardwareUnavailableException e) {
      err.println("Cannot run the Raspberry Pi appliance (appliance.kind: pi in " + config + "): " + e.getMessage()
          + ". Nothing was switched on; the heater stays off. To try the controller on this computer, use a config"
          + " with appliance.kind: simulated (config/toaster.yaml).");
      err.flush();
      return Main.EXIT_BAD_INPUT;
    }
    ServiceLifecycle service = ServiceLifecycle.begin(cfg, config.toString()); // after the heater is LOW
    ApplianceRemote remote;
    try {
      remote = RemoteFactory.fromConfig(cfg, service.stateDirectory().map(StateDirectory::path)); // MQTT and history, when configured
    } catch (TransportException | HistoryException e) {
      appliance.close();
      service.close();
      err.println(e.getMessage());
      return Main.EXIT_BAD_INPUT;
    }
    SafetyListener faults = service.reporting(fault -> {
      err.println("FAULT " + fault.code() + ": " + fault.message());
      err.flush();
    });
    ControllerListener events = new ControllerListener() {
      @Override
      public void onRefused(String reason, long atNanos) {
        err.println(reason);
        err.flush();
      }
    };
    // Closed in reverse: STOPPING=1 first, then heater off and pins LOW, then MQTT, then the JVM may halt.
    try (RunStop stop = new RunStop(STOP_GRACE); remote;
        RunningModel models = RunningModel.open(cfg.controller().predictor().id(), cfg.model(),
            service.stateDirectory().map(StateDirectory::path));
        PiApplianceRunner runner = new PiApplianceRunner(cfg, appliance, clock,
            Listeners.both(faults, remote.safetyListener()), Listeners.both(events, remote.controllerListener()),
            service.faultStore(), models);
        service) {
      remote.attach(runner.controller(), runner.supervisor(), clock);
      runner.afterControllerTick(remote::afterTick);
      SelfTestReport selfTest = service.selfTest(runner.supervisor(), appliance.sensor(), appliance.currentSensor());
      remote.closeInterruptedCycles(); // before any cycle of this run, so an open one was cut short by a power cut, crash or stop
      runner.start();
      service.ready(runner.supervisorLoop(), runner.supervisor(), selfTest);
      err.println("Running the Raspberry Pi toaster (" + cfg.summary() + "); stop with Ctrl-C or systemctl stop.");
      err.flush();
      stop.await();
    }
    return 0;
  }

  /**
   * Keys are read on their own thread so that a signal can end the run while a read blocks. At the
   * end of the input (stdin is /dev/null under systemd, or a pipe was closed) the toaster keeps
   * running without a keyboard, like the Pi appliance, until it is stopped.
   */
  private static void readKeysUntilQuit(TerminalPanel panel, RunStop stop, PrintWriter err) {
    Thread keys = new Thread(() -> {
      String why = "No more keys on standard input";
      try {
        if (panel.readKeys(System.in)) {
          stop.request();
          return;
        }
      } catch (IOException e) {
        why = "Reading keys failed (" + e.getMessage() + ")";
      }
      err.println();
      err.println(why + ": running until stopped (SIGTERM, systemctl stop or Ctrl-C).");
      err.flush();
    }, "keys");
    keys.setDaemon(true);
    keys.start();
  }

  private int runSimulated(ToasterConfig cfg, PrintWriter err) throws Exception {
    ControllerConfig cc = cfg.controller();
    ToastSettings initial = cc.defaultSettings();
    AtomicBoolean running = new AtomicBoolean(true);
    ServiceLifecycle service = ServiceLifecycle.begin(cfg, config.toString());
    ApplianceRemote remote;
    try {
      remote = RemoteFactory.fromConfig(cfg, service.stateDirectory().map(StateDirectory::path)); // MQTT and history, when configured
    } catch (TransportException | HistoryException e) {
      service.close();
      err.println(e.getMessage());
      return Main.EXIT_BAD_INPUT;
    }
    boolean emulatedPi = cfg.appliance().kind() == ApplianceKind.PI_EMULATED;
    String kind = emulatedPi ? "pi-emulated" : "sim";
    try (RunStop stop = new RunStop(STOP_GRACE); remote; SimulatedApplianceRunner runner = new SimulatedApplianceRunner(
            cfg.simulation().ambientC(), cfg.simulation().chamberStartC(), cfg.appliance().mainsVoltsNominal(),
            cfg.appliance().elementRatedVolts(), initial, cfg.simulation().realtimeFactor(), (conditions, clock) -> SimulatedAppliances.create(kind, conditions,
                cfg.simulation().seed(), clock, cfg.safety().currentSensorFitted(), initial, cfg.pi()));
        service) {
      SteppedAppliance appliance = runner.appliance();
      AppliancePorts ports = appliance.ports();
      SafetyListener faults = service.reporting(new SafetyListener() {
        @Override
        public void onFault(Fault fault) {
          err.println();
          err.println("FAULT " + fault.code() + ": " + fault.message());
        }
      });
      ControllerListener refusals = new ControllerListener() {
        @Override
        public void onRefused(String reason, long atNanos) {
          err.println();
          err.println(reason);
        }
      };
      RunningModel models = RunningModel.open(cc.predictor().id(), cfg.model(), service.stateDirectory().map(StateDirectory::path));
      ToasterAssembly assembly = new ToasterAssembly(ports, runner.clock(),
          new ToasterAssembly.Settings(cfg.safety(), ControllerSettings.from(cc), initial,
              cfg.appliance().mainsVoltsNominal(), cfg.appliance().elementRatedVolts(), cc.predictorTimeoutS(),
              service.faultStore()),
          models::primary, new ThreadPredictorRunner(),
          Listeners.both(faults, remote.safetyListener()), Listeners.both(refusals, remote.controllerListener()));
      models.follow(assembly); // an activated model is taken between cycles
      SafetySupervisor supervisor = assembly.supervisor();
      ToastController controller = assembly.controller();
      remote.attach(controller, supervisor, runner.clock());
      TerminalPanel panel = new TerminalPanel(appliance, controller::submit, err);
      ScheduledExecutorService controllerThread = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "controller");
        t.setDaemon(true);
        return t;
      });
      SelfTestReport selfTest = service.selfTest(supervisor, ports.sensor(),
          cfg.safety().currentSensorFitted() ? ports.currentSensor() : null);
      remote.closeInterruptedCycles(); // before any cycle of this run, so an open one was cut short by a power cut, crash or stop
      err.println(TerminalPanel.HELP);
      // The loops run at their periods in simulated time, so faster-than-real-time runs tick faster.
      // (Slower than real time they simply tick more often per simulated second.)
      double factor = Math.max(1.0, cfg.simulation().realtimeFactor());
      try (SupervisorLoop loop = new SupervisorLoop(supervisor, cfg.safety().loopPeriodS() / factor)) {
        runner.start();
        loop.start();
        service.ready(loop, supervisor, selfTest);
        long tickNanos = (long) (cc.tickS() * 1e9 / factor);
        Runnable tick = () -> {
          try {
            controller.tick();
            remote.afterTick();
          } catch (RuntimeException e) { // escaping, it would cancel every later tick
            // The lease stops heat if ticks keep failing; the supervisor decides, not this loop.
            LoggerFactory.getLogger(RunCommand.class).error("Controller tick failed; continuing", e);
          }
        };
        controllerThread.scheduleAtFixedRate(tick, 0, tickNanos, TimeUnit.NANOSECONDS);
        Thread status = new Thread(() -> {
          try {
            panel.statusLoop(controller::snapshot, supervisor::status, () -> runner.clock().seconds(), running::get);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        }, "status");
        status.setDaemon(true);
        if (System.console() != null) { // a terminal; piped or under systemd the line would flood the log
          status.start();
        }
        try (RawTerminal raw = RawTerminal.enter()) {
          readKeysUntilQuit(panel, stop, err);
          stop.await();
        }
        service.stopping();
        running.set(false);
        controllerThread.shutdownNow();
      } finally {
        models.close();
        assembly.close();
      }
      err.println();
      err.println("Stopped: heater off, carriage released.");
    }
    return 0;
  }
}
