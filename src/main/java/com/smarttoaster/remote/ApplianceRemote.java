package com.smarttoaster.remote;

import com.smarttoaster.control.ControllerListener;
import com.smarttoaster.control.ToastController;
import com.smarttoaster.hal.Clock;
import com.smarttoaster.history.CycleRecord;
import com.smarttoaster.history.Rating;
import com.smarttoaster.safety.SafetyListener;
import com.smarttoaster.safety.SafetySupervisor;
import com.smarttoaster.taste.RatingDesk;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What the appliance's wiring needs from remote monitoring: listeners to hang on the controller and
 * the supervisor, the two to watch and steer, and a call after every controller tick. {@link #NONE}
 * does nothing, for an appliance without MQTT or history.
 *
 * <p>Wiring: build the supervisor with {@link #safetyListener()} and the controller with {@link
 * #controllerListener()} (each combined with the caller's own through {@code SafetyListener.both} /
 * {@code ControllerListener.both}), then {@link #attach}, then {@link #closeInterruptedCycles()}
 * once, then call {@link #afterTick()} on the controller's thread right after each {@code
 * controller.tick()}, and {@link #close()} at the end.
 */
public interface ApplianceRemote extends AutoCloseable {
  ControllerListener controllerListener();

  SafetyListener safetyListener();

  /** The controller and supervisor to watch and steer, and the clock they run on. */
  void attach(ToastController controller, SafetySupervisor supervisor, Clock clock);

  /**
   * The appliance's rating rules: ratings that arrive remotely go to them, the ratings they accept
   * are recorded and announced, and the state shows the invitation and the taste. Call after {@link
   * #attach}.
   */
  default void attachRatings(RatingDesk desk) {}

  /** Right after each controller tick, on the controller's thread; never blocks. */
  void afterTick();

  /**
   * Closes in the history, as interrupted, every cycle that an earlier run of the appliance left
   * open (power cut, crash, kill), and reports each. Once at start-up, before the first controller
   * tick: a cycle of this run would look just the same. Waits for the database, seconds at most; a
   * history that fails is logged, never thrown, so the toaster still starts.
   *
   * @return the cycles closed, as now recorded; empty when none was open or there is no history
   */
  List<CycleRecord> closeInterruptedCycles();

  /**
   * Who watches the model on each cycle for the history (shadow candidate, checker disagreement,
   * envelope distance); before the first cycle. Nothing is watched unless one is given.
   */
  default void watchModels(com.smarttoaster.history.ModelWatcher watcher) {}

  /**
   * After each cycle, the model's rolling figures: published (retained) on the monitor topic, a
   * threshold crossing raised as a {@code model-health} event. Nothing without one.
   */
  default void watchModelHealth(com.smarttoaster.monitoring.ModelHealth health) {}

  /** The active installed model was refused or missing and the factory model runs: a loud event. */
  default void reportModelRefused(String reason) {}

  /**
   * Subscribes to the device's model offers (mqtt.acceptModelOffers) and hands them to {@code
   * sink}; nothing without a broker.
   */
  default void acceptModelOffers(OfferSink sink) {}

  /**
   * Rates the last cycle by the same rules as an MQTT {@code feedback} command (the web page's
   * rating buttons come here), waiting for the history a few seconds at most.
   *
   * @return null when rated, else why not (for the user)
   */
  default @Nullable String rateLastNow(Rating rating) {
    return "this toaster keeps no history (no history section in its config)";
  }

  /** The recorded cycles, oldest first; empty without a history. Any thread; reads the database. */
  default List<CycleRecord> recordedCycles() {
    return List.of();
  }

  /** Publishes {@code offline}, disconnects and closes the history; waits a few seconds at most. */
  @Override
  void close();

  /** No remote: nothing listens, nothing steers. */
  ApplianceRemote NONE = listeningOnly(ControllerListener.NONE);

  /**
   * A remote that only hears the controller ({@code listener}): no safety events, no history,
   * nothing steered, nothing to close.
   */
  static ApplianceRemote listeningOnly(ControllerListener listener) {
    return new ApplianceRemote() {
      @Override
      public ControllerListener controllerListener() {
        return listener;
      }

      @Override
      public SafetyListener safetyListener() {
        return SafetyListener.NONE;
      }

      @Override
      public void attach(ToastController controller, SafetySupervisor supervisor, Clock clock) {}

      @Override
      public void afterTick() {}

      @Override
      public List<CycleRecord> closeInterruptedCycles() {
        return List.of();
      }

      @Override
      public void close() {}
    };
  }
}
