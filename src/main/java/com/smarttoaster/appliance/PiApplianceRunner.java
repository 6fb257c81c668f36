package com.smarttoaster.appliance;

import com.smarttoaster.config.ControllerConfig;
import com.smarttoaster.config.ToasterConfig;
import com.smarttoaster.control.ControllerListener;
import com.smarttoaster.control.ToastController;
import com.smarttoaster.hal.Clock;
import com.smarttoaster.hal.Indicators;
import com.smarttoaster.hal.TemperatureReading;
import com.smarttoaster.hal.pi.PiAppliance;
import com.smarttoaster.predict.Predictors;
import com.smarttoaster.predict.ThreadPredictorRunner;
import com.smarttoaster.safety.FaultStore;
import com.smarttoaster.safety.ResetKind;
import com.smarttoaster.safety.ResetResult;
import com.smarttoaster.safety.SafetyListener;
import com.smarttoaster.safety.SafetySupervisor;
import com.smarttoaster.safety.SupervisorLoop;
import com.smarttoaster.taste.RatingSetup;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Raspberry Pi toaster at work: the same supervisor and controller as the simulated appliance,
 * wired to a {@link PiAppliance}. {@link #start()} runs three loops: the supervisor at
 * safety.loopPeriodS (its own {@link SupervisorLoop}), the controller at controller.tickS, and the
 * front-panel scan every {@value PiAppliance#SCAN_PERIOD_MS} ms. Tests skip {@code start()} and
 * call {@link #scan()}, {@code supervisor().tick()} and {@link #tickController()} in stepped time.
 *
 * <p>Service reset: when the reset button was held as the appliance powered up, the first
 * controller tick after the supervisor has a chamber reading asks for {@code
 * reset(ResetKind.SERVICE)} (which still needs a valid reading below safety.resetMaxC); the buzzer
 * answers DONE or REFUSED.
 *
 * <p>{@link #close()} stops the loops, switches the heater off and releases the carriage (through
 * the supervisor), then closes the appliance (pins LOW, Pi4J shut down).
 */
public final class PiApplianceRunner implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(PiApplianceRunner.class);

  private final PiAppliance appliance;
  private final SafetySupervisor supervisor;
  private final ToasterAssembly assembly;
  private final ToastController controller;
  private final double tickS;
  private boolean serviceResetPending;
  private volatile Runnable afterControllerTick = () -> {};
  private @Nullable SupervisorLoop loop;
  private @Nullable ScheduledExecutorService threads;
  private boolean closed;
  private final @Nullable ModelSide models;

  /**
   * The model side of the service, as {@code modellife.RunningModel} provides it (an interface here
   * so that the appliance package needs nothing above it).
   */
  public interface ModelSide extends AutoCloseable {
    com.smarttoaster.predict.ToastTimePredictor primary(
        com.smarttoaster.predict.FallbackTimeTable table);

    void follow(ToasterAssembly assembly);

    /**
     * The runner for the model the service starts with: closing it (when the controller switches to
     * another model, or at shutdown) also releases that model's runtime.
     */
    default com.smarttoaster.predict.PredictorRunner startRunner(
        com.smarttoaster.predict.PredictorRunner inner) {
      return inner;
    }

    @Override
    void close();
  }

  public PiApplianceRunner(
      ToasterConfig cfg,
      PiAppliance appliance,
      Clock clock,
      SafetyListener safetyListener,
      ControllerListener controllerListener) {
    this(cfg, appliance, clock, safetyListener, controllerListener, null);
  }

  /**
   * @param faultStore where the supervisor keeps latched faults across restarts; null for none
   */
  public PiApplianceRunner(
      ToasterConfig cfg,
      PiAppliance appliance,
      Clock clock,
      SafetyListener safetyListener,
      ControllerListener controllerListener,
      @Nullable FaultStore faultStore) {
    this(cfg, appliance, clock, safetyListener, controllerListener, faultStore, null);
  }

  /**
   * @param models the model side of the service (the active installed model and the switch to a
   *     newly activated one between cycles); null for the config's predictor as built into the jar
   */
  public PiApplianceRunner(
      ToasterConfig cfg,
      PiAppliance appliance,
      Clock clock,
      SafetyListener safetyListener,
      ControllerListener controllerListener,
      @Nullable FaultStore faultStore,
      @Nullable ModelSide models) {
    this(cfg, appliance, clock, safetyListener, controllerListener, faultStore, models, null);
  }

  /**
   * @param ratings the rating window and stored taste; null for the config's window and a taste in
   *     memory
   */
  public PiApplianceRunner(
      ToasterConfig cfg,
      PiAppliance appliance,
      Clock clock,
      SafetyListener safetyListener,
      ControllerListener controllerListener,
      @Nullable FaultStore faultStore,
      @Nullable ModelSide models,
      @Nullable RatingSetup ratings) {
    this.appliance = appliance;
    ControllerConfig cc = cfg.controller();
    this.assembly =
        new ToasterAssembly(
            appliance.ports(),
            clock,
            new ToasterAssembly.Settings(
                cfg.safety(),
                cc.controllerSettings(),
                cc.defaultSettings(),
                cfg.appliance().mainsVoltsNominal(),
                cfg.appliance().elementRatedVolts(),
                cc.predictorTimeoutS(),
                faultStore,
                ratings != null
                    ? ratings
                    : new RatingSetup(
                        cfg.ratings().windowS(), com.smarttoaster.taste.TasteBook.inMemory())),
            models == null
                ? table -> Predictors.named(cc.predictor().predictorName(), table, null)
                : models::primary,
            models == null
                ? new ThreadPredictorRunner()
                : models.startRunner(new ThreadPredictorRunner()),
            safetyListener,
            controllerListener);
    if (models != null) {
      models.follow(assembly);
      this.models = models;
    } else {
      this.models = null;
    }
    this.supervisor = assembly.supervisor();
    this.controller = assembly.controller();
    this.tickS = cc.tickS();
    this.serviceResetPending = appliance.controls().resetHeldAtPowerUp();
    if (serviceResetPending) {
      log.info("Reset button held at power-up: a service reset follows the first chamber reading");
    }
  }

  public PiAppliance appliance() {
    return appliance;
  }

  public SafetySupervisor supervisor() {
    return supervisor;
  }

  /** The rating rules (the cancel-button gesture feeds them; MQTT does too). */
  public com.smarttoaster.taste.RatingDesk ratings() {
    return assembly.ratings();
  }

  public ToastController controller() {
    return controller;
  }

  /** The safety loop, once {@link #start()} has run; null before. */
  public synchronized @Nullable SupervisorLoop supervisorLoop() {
    return loop;
  }

  /** One front-panel scan (inputs to events, buzzer pattern). */
  public void scan() {
    appliance.scan();
  }

  /** One controller period, preceded once by the power-up service reset when it was asked for. */
  public void tickController() {
    if (serviceResetPending) {
      TemperatureReading reading = supervisor.status().lastReading();
      if (reading != null) {
        serviceResetPending = false;
        ResetResult result = supervisor.reset(ResetKind.SERVICE);
        log.info("Service reset at power-up: {}", result.message());
        appliance
            .indicators()
            .beep(result.cleared() ? Indicators.BeepPattern.DONE : Indicators.BeepPattern.REFUSED);
      }
    }
    controller.tick();
    afterControllerTick.run();
  }

  /**
   * Runs {@code hook} on the controller thread after every controller tick (the MQTT bridge
   * publishes state changes from there). Set before {@link #start()}.
   */
  public void afterControllerTick(Runnable hook) {
    this.afterControllerTick = hook;
  }

  /** Starts the supervisor loop, the controller loop and the panel scan. */
  public synchronized void start() {
    if (threads != null || closed) {
      throw new IllegalStateException("PiApplianceRunner can be started once");
    }
    loop = new SupervisorLoop(supervisor);
    loop.start();
    threads =
        Executors.newScheduledThreadPool(
            2,
            r -> {
              Thread t = new Thread(r, "pi-appliance");
              t.setDaemon(true);
              return t;
            });
    threads.scheduleAtFixedRate(
        this::safeScan, 0, PiAppliance.SCAN_PERIOD_MS, TimeUnit.MILLISECONDS);
    threads.scheduleAtFixedRate(this::safeTick, 0, Math.round(tickS * 1e9), TimeUnit.NANOSECONDS);
    log.info(
        "Pi appliance running: supervisor every {} s, controller every {} s, panel scan every {} ms",
        supervisor.limits().loopPeriodS(),
        tickS,
        PiAppliance.SCAN_PERIOD_MS);
  }

  private void safeScan() {
    try {
      scan();
    } catch (RuntimeException e) {
      log.warn("Panel scan failed; continuing", e);
    }
  }

  private void safeTick() {
    try {
      tickController();
    } catch (RuntimeException e) {
      // The lease stops heat if ticks keep failing; the supervisor decides, not this loop.
      log.error("Controller tick failed; continuing", e);
    }
  }

  /** Stops everything: heat off and carriage released first, then the pins and Pi4J. Idempotent. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (threads != null) {
      threads.shutdownNow();
    }
    if (models != null) {
      models.close();
    }
    try {
      if (loop != null) {
        loop.close(); // stops the loop, then supervisor.shutdown(): heater off, carriage released
      } else {
        supervisor.shutdown();
      }
    } finally {
      assembly.close();
      appliance.close();
    }
  }
}
