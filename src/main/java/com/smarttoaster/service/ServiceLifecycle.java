package com.smarttoaster.service;

import com.smarttoaster.config.ToasterConfig;
import com.smarttoaster.control.HeatRecordFile;
import com.smarttoaster.hal.HeaterCurrentSensor;
import com.smarttoaster.hal.TemperatureSensor;
import com.smarttoaster.predict.Predictors;
import com.smarttoaster.predict.ToastTimePredictor;
import com.smarttoaster.safety.Fault;
import com.smarttoaster.safety.FaultStore;
import com.smarttoaster.safety.SafetyListener;
import com.smarttoaster.safety.SafetySupervisor;
import com.smarttoaster.safety.SupervisorLoop;
import com.smarttoaster.service.SelfTestReport.Item;
import com.smarttoaster.service.SelfTestReport.Outcome;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The service's start-up and shutdown around {@code run}, the same for the Pi and the simulated
 * appliance. The order, each step only after the one before:
 *
 * <ol>
 *   <li>{@link #begin}: the notifier (sd_notify when systemd started us), the state directory and
 *       the {@link FaultStore} in it (or, without one, one log line saying faults are not kept);
 *   <li>the appliance is opened and the supervisor constructed with {@link #faultStore()}: heater
 *       off and carriage released before anything else, then a stored fault latched again;
 *   <li>{@link #selfTest}: config, model, sensor, heater (see {@link StartupSelfTest}); a failure
 *       latches a fault and the service carries on in that safe state;
 *   <li>the safety loop starts, then {@link #ready}: READY=1 with a one-line status, and the {@link
 *       SupervisorWatchdog} starts pinging while the loop runs on time;
 *   <li>{@link #stopping()} (or {@link #close()}): STOPPING=1 and no more pings; the caller then
 *       stops the loops, which leaves the heater off and the carriage released.
 * </ol>
 */
public final class ServiceLifecycle implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ServiceLifecycle.class);

  private final ToasterConfig config;
  private final String configName;
  private final Map<String, String> environment;
  private final long pid;
  private final ServiceNotifier notifier;
  private final List<Item> startItems = new ArrayList<>();
  private final @Nullable StateDirectory stateDirectory;
  private final @Nullable FaultStore faultStore;
  private @Nullable SupervisorWatchdog watchdog;
  private boolean stopped;

  ServiceLifecycle(
      ToasterConfig config,
      String configName,
      Map<String, String> environment,
      long pid,
      ServiceNotifier notifier) {
    this.config = Objects.requireNonNull(config, "config");
    this.configName = Objects.requireNonNull(configName, "configName");
    this.environment = Map.copyOf(environment);
    this.pid = pid;
    this.notifier = Objects.requireNonNull(notifier, "notifier");
    startItems.add(
        new Item("config", Outcome.PASS, configName + " is valid (" + config.summary() + ")"));
    Optional<StateDirectory> chosen =
        StateDirectory.choose(config.appliance().stateDir(), environment);
    StateDirectory usable = null;
    if (chosen.isEmpty()) {
      log.info(
          "No state directory (neither appliance.stateDir nor ${} is set): latched faults are kept in memory"
              + " only, so a restart or power cut clears them",
          StateDirectory.ENVIRONMENT_VARIABLE);
      startItems.add(
          new Item("state", Outcome.WARN, "no state directory: a restart clears latched faults"));
    } else {
      try {
        chosen.get().prepare();
        usable = chosen.get();
        log.info("State directory {}: latched faults are kept in {}", usable, FaultStore.FILE_NAME);
        startItems.add(new Item("state", Outcome.PASS, "latched faults kept in " + usable.path()));
      } catch (IOException | RuntimeException e) {
        log.error(
            "State directory {} cannot be used ({}): latched faults are kept in memory only",
            chosen.get(),
            e.toString());
        startItems.add(
            new Item(
                "state",
                Outcome.WARN,
                "state directory "
                    + chosen.get().path()
                    + " unusable ("
                    + e.getMessage()
                    + "); a restart clears latched faults. Check its owner and"
                    + " permissions."));
      }
    }
    this.stateDirectory = usable;
    this.faultStore = usable == null ? null : FaultStore.in(usable.path());
  }

  /** For this process: its environment and its notifier. */
  public static ServiceLifecycle begin(ToasterConfig config, String configName) {
    Map<String, String> env = System.getenv();
    return new ServiceLifecycle(
        config,
        configName,
        env,
        ProcessHandle.current().pid(),
        ServiceNotifier.fromEnvironment(env));
  }

  /**
   * The store for the supervisor's latched faults; null when there is no usable state directory.
   */
  public @Nullable FaultStore faultStore() {
    return faultStore;
  }

  /**
   * Where the controller keeps the memory of its heating across restarts; empty when there is no
   * usable state directory (a restart then forgets the last cycle's heat).
   */
  public Optional<HeatRecordFile> heatRecord() {
    return stateDirectory().map(d -> HeatRecordFile.in(d.path()));
  }

  public Optional<StateDirectory> stateDirectory() {
    return Optional.ofNullable(stateDirectory);
  }

  public ServiceNotifier notifier() {
    return notifier;
  }

  /** {@code delegate}, plus the fault as the status systemd shows ({@code systemctl status}). */
  public SafetyListener reporting(SafetyListener delegate) {
    SafetyListener inner = delegate == null ? SafetyListener.NONE : delegate;
    return new SafetyListener() {
      @Override
      public void onFault(Fault fault) {
        try {
          inner.onFault(fault);
        } finally {
          notifier.status(faultStatus(fault));
        }
      }

      @Override
      public void onHeaterCommand(boolean on, long atNanos) {
        inner.onHeaterCommand(on, atNanos);
      }

      @Override
      public void onCarriageReleased(long atNanos) {
        inner.onCarriageReleased(atNanos);
      }
    };
  }

  /**
   * The start-up self-test; call after the supervisor is constructed and before the safety loop
   * starts. The config's predictor is looked up by name (the installed model is loaded once per
   * process and shared with the controller).
   *
   * @param currentSensor the heater current sensor, or null when none is fitted
   */
  public SelfTestReport selfTest(
      SafetySupervisor supervisor,
      TemperatureSensor sensor,
      @Nullable HeaterCurrentSensor currentSensor)
      throws InterruptedException {
    return selfTest(supervisor, sensor, currentSensor, StartupSelfTest.Pause.SLEEP);
  }

  SelfTestReport selfTest(
      SafetySupervisor supervisor,
      TemperatureSensor sensor,
      @Nullable HeaterCurrentSensor currentSensor,
      StartupSelfTest.Pause pause)
      throws InterruptedException {
    List<Item> before = new ArrayList<>(startItems);
    supervisor
        .latchedFault()
        .ifPresent(
            f ->
                before.add(
                    new Item(
                        "stored fault",
                        Outcome.WARN,
                        f.code()
                            + " is latched from before the restart; reset it as usual once the cause is fixed")));
    String predictorName = config.controller().predictor().id();
    ToastTimePredictor predictor = "model".equals(predictorName) ? Predictors.factoryModel() : null;
    SelfTestReport report =
        new StartupSelfTest(supervisor, sensor, currentSensor, predictorName, predictor, pause)
            .run()
            .withLeadingItems(before);
    if (report.passed()) {
      log.info("Self-test {}", report.summary());
    } else {
      log.error("Self-test {}", report.summary());
    }
    return report;
  }

  /**
   * Start-up is complete: READY=1 with the status (the latched fault, if any, else the self-test's
   * summary), and the watchdog starts when systemd asked for one. Call after the safety loop has
   * started; {@code loop} is watched from now on.
   */
  public synchronized void ready(
      SupervisorLoop loop, SafetySupervisor supervisor, SelfTestReport report) {
    if (stopped) {
      return;
    }
    Optional<Fault> latched = supervisor.latchedFault();
    String status =
        latched.map(ServiceLifecycle::faultStatus).orElse("Ready: self-test " + report.summary());
    notifier.ready(status);
    OptionalLong age = ProcessAge.millis();
    String since = age.isEmpty() ? "" : " " + age.getAsLong() + " ms after the process started";
    if (latched.isPresent()) {
      log.warn("Ready{}, in the fault state: {}", since, status);
    } else {
      log.info("Ready{}: {}", since, status);
    }
    Optional<Duration> timeout = SupervisorWatchdog.timeoutFromEnvironment(environment, pid);
    if (timeout.isPresent() && notifier.isActive()) {
      long onTime = Math.round(supervisor.limits().staleS() * 1e9);
      watchdog =
          new SupervisorWatchdog(notifier, loop::nanosSinceLastGoodTick, onTime, timeout.get());
      watchdog.start();
    } else if (notifier.isActive()) {
      log.info("systemd set no watchdog timeout (WatchdogSec=); no watchdog pings");
    }
  }

  /** STOPPING=1 and no more watchdog pings. Idempotent. */
  public synchronized void stopping() {
    if (stopped) {
      return;
    }
    stopped = true;
    if (watchdog != null) {
      watchdog.close();
      log.info("Watchdog pings stopped after {} pings", watchdog.pings());
    }
    notifier.stopping("Stopping: heater off, carriage released");
  }

  @Override
  public void close() {
    stopping();
  }

  static String faultStatus(Fault fault) {
    return "FAULT " + fault.code() + ": " + fault.message();
  }
}
