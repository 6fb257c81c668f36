package com.smarttoaster.remote;

import com.smarttoaster.control.ControllerListener;
import com.smarttoaster.control.ToastController;
import com.smarttoaster.hal.Clock;
import com.smarttoaster.history.CycleRecord;
import com.smarttoaster.safety.SafetyListener;
import com.smarttoaster.safety.SafetySupervisor;
import java.util.List;

/**
 * What the appliance's wiring needs from remote monitoring: listeners to hang on the controller and
 * the supervisor, the two to watch and steer, and a call after every controller tick. {@link #NONE}
 * does nothing, for an appliance without MQTT or history.
 *
 * <p>Wiring: build the supervisor with {@link #safetyListener()} and the controller with {@link
 * #controllerListener()} (each combined with the caller's own through {@code SafetyListener.both} / {@code ControllerListener.both}), then
 * {@link #attach}, then {@link #closeInterruptedCycles()} once, then call {@link #afterTick()} on
 * the controller's thread right after each {@code controller.tick()}, and {@link #close()} at the
 * end.
 */
public interface ApplianceRemote extends AutoCloseable {
  ControllerListener controllerListener();

  SafetyListener safetyListener();

  /** The controller and supervisor to watch and steer, and the clock they run on. */
  void attach(ToastController controller, SafetySupervisor supervisor, Clock clock);

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

  /** Publishes {@code offline}, disconnects and closes the history; waits a few seconds at most. */
  @Override
  void close();

  ApplianceRemote NONE = new ApplianceRemote() {
    @Override
    public ControllerListener controllerListener() {
      return ControllerListener.NONE;
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
