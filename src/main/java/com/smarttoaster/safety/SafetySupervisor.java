package com.smarttoaster.safety;

import com.smarttoaster.hal.CarriageLatch;
import com.smarttoaster.hal.Clock;
import com.smarttoaster.hal.HeaterCurrentSensor;
import com.smarttoaster.hal.HeaterSwitch;
import com.smarttoaster.hal.TemperatureSensor;
import java.util.Optional;

/** SKELETON: API fixed, body to be written. */
public final class SafetySupervisor {

  public SafetySupervisor(
      SafetyLimits limits,
      HeaterSwitch heater,
      CarriageLatch latch,
      TemperatureSensor sensor,
      HeaterCurrentSensor currentSensor, // null when not fitted
      Clock clock,
      SafetyListener listener) {
    throw new UnsupportedOperationException("not yet");
  }

  /** Start interlock + hold: returns false (and holds nothing) when a fault is latched or the lever is up. */
  public boolean holdCarriage() { throw new UnsupportedOperationException(); }

  /** The controller's wish for heat; only honoured while the lease is fresh, carriage held, no fault. */
  public void requestHeat(boolean on) { throw new UnsupportedOperationException(); }

  /** Heartbeat + lease renewal; the controller calls it on every one of its ticks. */
  public void renewLease() { throw new UnsupportedOperationException(); }

  /** Ends the cycle: heater off now, carriage released after releaseVerifyS. Ends the heat-time count. */
  public void endCycle() { throw new UnsupportedOperationException(); }

  /** One period of the supervisor loop. */
  public void tick() { throw new UnsupportedOperationException(); }

  public Optional<Fault> latchedFault() { throw new UnsupportedOperationException(); }

  /** Tries to clear the latched fault; the result says whether it worked and, if not, why. */
  public ResetResult reset(ResetKind kind) { throw new UnsupportedOperationException(); }

  public SafetyStatus status() { throw new UnsupportedOperationException(); }
}
