package com.smarttoaster.appliance;

import com.smarttoaster.control.ControllerListener;
import com.smarttoaster.control.ControllerSettings;
import com.smarttoaster.control.ToastController;
import com.smarttoaster.hal.AppliancePorts;
import com.smarttoaster.hal.Clock;
import com.smarttoaster.predict.FallbackTimeTable;
import com.smarttoaster.predict.GuardedPredictor;
import com.smarttoaster.predict.PredictorRunner;
import com.smarttoaster.predict.ToastTimePredictor;
import com.smarttoaster.safety.FaultStore;
import com.smarttoaster.safety.SafetyLimits;
import com.smarttoaster.safety.SafetyListener;
import com.smarttoaster.safety.SafetySupervisor;
import com.smarttoaster.taste.CancelRatingGesture;
import com.smarttoaster.taste.RatingDesk;
import com.smarttoaster.taste.RatingSetup;
import com.smarttoaster.toast.ElementRating;
import com.smarttoaster.toast.ToastSettings;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.LoggerFactory;

/**
 * The toaster's software wired to one appliance's ports: the supervisor (which alone gets the
 * heater, the latch and the dead-man), the guarded predictor and the controller, with the user
 * controls feeding the controller. The simulated, the emulated and the real Pi appliance are all
 * assembled here, so they differ only in their ports and in who ticks the loops.
 */
public final class ToasterAssembly implements AutoCloseable {
  /** A sensible toasting time is at least this long, s. */
  public static final double MIN_PREDICTION_S = 5.0;

  /** Predictions are capped this far below the supervisor's maximum heating time. */
  public static final double MAX_PREDICTION_SHARE_OF_MAX_HEAT = 0.95;

  private final SafetySupervisor supervisor;
  private final GuardedPredictor predictor;
  private final ToastController controller;
  private final FallbackTimeTable table;
  private final Clock clock;
  private final Settings settings;
  private final RatingDesk ratings;

  /**
   * What the software is built from, besides the ports.
   *
   * @param primary the predictor chosen; {@code table} itself for the fallback predictor
   * @param mainsVolts the mains voltage the predictor is told (the config's)
   * @param nominalMainsVolts the voltage the appliance's element is designed for (230 or 120)
   * @param faultStore where latched faults survive restarts; null for none
   * @param ratings the rating window and the household's taste; null for the default window and a
   *     taste in memory
   */
  public record Settings(
      SafetyLimits limits,
      ControllerSettings controller,
      ToastSettings initial,
      double mainsVolts,
      double nominalMainsVolts,
      double predictorTimeoutS,
      @Nullable FaultStore faultStore,
      RatingSetup ratings) {

    public Settings {
      ratings = ratings == null ? RatingSetup.inMemory() : ratings;
    }

    /** Default rating window, taste in memory. */
    public Settings(
        SafetyLimits limits,
        ControllerSettings controller,
        ToastSettings initial,
        double mainsVolts,
        double nominalMainsVolts,
        double predictorTimeoutS,
        @Nullable FaultStore faultStore) {
      this(
          limits,
          controller,
          initial,
          mainsVolts,
          nominalMainsVolts,
          predictorTimeoutS,
          faultStore,
          RatingSetup.inMemory());
    }

    /** A 230 V appliance. */
    public Settings(
        SafetyLimits limits,
        ControllerSettings controller,
        ToastSettings initial,
        double mainsVolts,
        double predictorTimeoutS,
        @Nullable FaultStore faultStore) {
      this(
          limits,
          controller,
          initial,
          mainsVolts,
          ElementRating.VOLTS_230,
          predictorTimeoutS,
          faultStore);
    }
  }

  /**
   * @param primary builds the chosen predictor from the fallback table (so "fallback" can be the
   *     table itself, which the guard then answers without a thread)
   */
  public ToasterAssembly(
      AppliancePorts ports,
      Clock clock,
      Settings s,
      Function<FallbackTimeTable, ToastTimePredictor> primary,
      PredictorRunner runner,
      SafetyListener safetyListener,
      ControllerListener controllerListener) {
    SafetyLimits limits = s.limits();
    this.supervisor =
        new SafetySupervisor(
            limits,
            limits.currentSensorFitted() ? ports : withoutCurrentSensor(ports),
            clock,
            safetyListener,
            s.faultStore());
    this.table = new FallbackTimeTable();
    this.clock = clock;
    this.settings = s;
    this.predictor = guard(primary.apply(table), runner);
    this.ratings = new RatingDesk(clock, s.ratings().windowS(), s.ratings().taste());
    this.controller =
        new ToastController(
            supervisor,
            predictor,
            clock,
            s.controller(),
            s.initial(),
            s.mainsVolts(),
            s.nominalMainsVolts(),
            ports.indicators(),
            ports.breadThermometer(),
            // The desk last: whoever keeps a cycle's end (the history) has it before a rating can
            // arrive for it.
            ControllerListener.both(controllerListener, ratings));
    controller.adjustTargetWith(s.ratings().taste());
    CancelRatingGesture gesture =
        new CancelRatingGesture(ratings, controller::snapshot, ports.indicators());
    ports
        .controls()
        .onEvent(
            event -> {
              controller.submit(
                  event); // first and unconditionally: nothing about ratings may hold up a cancel
              try {
                gesture.offer(event);
              } catch (RuntimeException e) {
                LoggerFactory.getLogger(ToasterAssembly.class)
                    .warn("A rating from the cancel button failed: {}", e.toString());
              }
            });
    ports.controls().followSettings(() -> controller.snapshot().settings());
  }

  private GuardedPredictor guard(ToastTimePredictor primary, PredictorRunner runner) {
    return new GuardedPredictor(
        primary,
        table,
        settings.predictorTimeoutS(),
        MIN_PREDICTION_S,
        settings.limits().maxHeatS() * MAX_PREDICTION_SHARE_OF_MAX_HEAT,
        clock,
        runner);
  }

  /**
   * Hands the controller another primary (a newly activated model) behind the same guard settings
   * and the same fallback table; the controller takes it between cycles only ({@link
   * ToastController#offerPredictor}). Safe from any thread.
   *
   * @param runner where the new primary's work runs (closed with its guard when it is replaced)
   */
  public void offerPrimary(ToastTimePredictor primary, PredictorRunner runner) {
    controller.offerPredictor(guard(primary, runner));
  }

  private static AppliancePorts withoutCurrentSensor(AppliancePorts p) {
    return new AppliancePorts(
        p.heater(),
        p.latch(),
        p.sensor(),
        null,
        p.deadMan(),
        p.controls(),
        p.indicators(),
        p.breadThermometer());
  }

  public SafetySupervisor supervisor() {
    return supervisor;
  }

  /**
   * The guard the assembly started with (a model activation later gives the controller another).
   */
  public GuardedPredictor predictor() {
    return predictor;
  }

  public ToastController controller() {
    return controller;
  }

  /** The rating rules of this appliance: every channel that takes a rating calls them. */
  public RatingDesk ratings() {
    return ratings;
  }

  /** Stops the predictor's thread; the supervisor's loop belongs to whoever ticks it. */
  @Override
  public void close() {
    predictor.close();
  }
}
