package com.smarttoaster.cli;

import com.smarttoaster.appliance.SimulatedApplianceRunner;
import com.smarttoaster.config.ApplianceKind;
import com.smarttoaster.config.ConfigException;
import com.smarttoaster.config.ConfigLoader;
import com.smarttoaster.config.ControllerConfig;
import com.smarttoaster.config.ToasterConfig;
import com.smarttoaster.control.ControllerListener;
import com.smarttoaster.control.ControllerSettings;
import com.smarttoaster.control.ToastController;
import com.smarttoaster.hal.sim.SimulatedAppliance;
import com.smarttoaster.history.HistoryException;
import com.smarttoaster.predict.FallbackTimeTable;
import com.smarttoaster.predict.GuardedPredictor;
import com.smarttoaster.predict.Predictors;
import com.smarttoaster.remote.ApplianceRemote;
import com.smarttoaster.remote.Listeners;
import com.smarttoaster.remote.MqttRemote;
import com.smarttoaster.remote.TransportException;
import com.smarttoaster.safety.Fault;
import com.smarttoaster.safety.SafetyListener;
import com.smarttoaster.safety.SafetySupervisor;
import com.smarttoaster.safety.SupervisorLoop;
import com.smarttoaster.toast.ToastSettings;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code run}: runs the appliance chosen by the config until the user quits. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
      "Runs the appliance named by the config. With appliance.kind: simulated it runs the simulated",
      "toaster in real time with a terminal front panel:",
      TerminalPanel.HELP
    })
public final class RunCommand implements Callable<Integer> {
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
    if (cfg.appliance().kind() != ApplianceKind.SIMULATED) {
      err.println("appliance.kind is '" + cfg.appliance().kind().id() + "' in " + config
          + ", but this build has no Raspberry Pi hardware layer yet; no heat was turned on."
          + " Use appliance.kind: simulated to run the simulated toaster.");
      return Main.EXIT_BAD_INPUT;
    }
    return runSimulated(cfg, err);
  }

  /** The config's level, unless set with -D; works because no logger exists before this point. */
  private static void applyLogLevel(ToasterConfig cfg) {
    String key = "org.slf4j.simpleLogger.defaultLogLevel";
    if (System.getProperty(key) == null) {
      System.setProperty(key, cfg.logging().level().id());
    }
  }

  private int runSimulated(ToasterConfig cfg, PrintWriter err) throws Exception {
    ControllerConfig cc = cfg.controller();
    ToastSettings initial = cc.defaultSettings();
    AtomicBoolean running = new AtomicBoolean(true);
    ApplianceRemote remote;
    try {
      remote = MqttRemote.fromConfig(cfg); // MQTT and history, when the config has those sections
    } catch (TransportException | HistoryException e) {
      err.println(e.getMessage());
      return Main.EXIT_BAD_INPUT;
    }
    try (remote; SimulatedApplianceRunner runner = new SimulatedApplianceRunner(cfg.simulation().ambientC(),
            cfg.simulation().chamberStartC(), cfg.appliance().mainsVoltsNominal(), initial, cfg.simulation().seed(),
            cfg.simulation().realtimeFactor())) {
      SimulatedAppliance appliance = runner.appliance();
      SafetyListener faults = new SafetyListener() {
        @Override
        public void onFault(Fault fault) {
          err.println();
          err.println("FAULT " + fault.code() + ": " + fault.message());
        }
      };
      SafetySupervisor supervisor = new SafetySupervisor(cfg.safety(), appliance.heater(), appliance.latch(),
          appliance.sensor(), cfg.safety().currentSensorFitted() ? appliance.currentSensor() : null,
          runner.clock(), Listeners.both(faults, remote.safetyListener()));
      FallbackTimeTable table = new FallbackTimeTable();
      double maxS = cfg.safety().maxHeatS() * 0.95;
      GuardedPredictor guard = new GuardedPredictor(Predictors.named(cc.predictor().id(), table, null), table,
          cc.predictorTimeoutS(), 5.0, maxS);
      ToastController controller = new ToastController(supervisor, guard, runner.clock(),
          ControllerSettings.from(cc), initial,
          cfg.appliance().mainsVoltsNominal(), appliance.indicators(), Listeners.both(new ControllerListener() {
            @Override
            public void onRefused(String reason, long atNanos) {
              err.println();
              err.println(reason);
            }
          }, remote.controllerListener()));
      remote.attach(controller, supervisor, runner.clock());
      appliance.controls().onEvent(controller::submit);
      TerminalPanel panel = new TerminalPanel(appliance, controller::submit, err);
      ScheduledExecutorService controllerThread = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "controller");
        t.setDaemon(true);
        return t;
      });
      err.println(TerminalPanel.HELP);
      // The loops run at their periods in simulated time, so faster-than-real-time runs tick faster.
      // (Slower than real time they simply tick more often per simulated second.)
      double factor = Math.max(1.0, cfg.simulation().realtimeFactor());
      try (SupervisorLoop loop = new SupervisorLoop(supervisor, cfg.safety().loopPeriodS() / factor)) {
        runner.start();
        loop.start();
        long tickNanos = (long) (cc.tickS() * 1e9 / factor);
        Runnable tick = () -> {
          controller.tick();
          remote.afterTick();
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
        status.start();
        try (RawTerminal raw = RawTerminal.enter()) {
          panel.readKeys(System.in);
        }
        running.set(false);
        controllerThread.shutdownNow();
      }
      err.println();
      err.println("Stopped: heater off, carriage released.");
    }
    return 0;
  }
}
