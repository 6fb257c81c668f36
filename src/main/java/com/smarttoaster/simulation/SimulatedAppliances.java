package com.smarttoaster.simulation;

import com.smarttoaster.hal.emulated.EmulatedPiAppliance;
import com.smarttoaster.hal.pi.PiConfig;
import com.smarttoaster.hal.sim.ApplianceConditions;
import com.smarttoaster.hal.sim.SimClock;
import com.smarttoaster.hal.sim.SimulatedAppliance;
import com.smarttoaster.hal.sim.SteppedAppliance;
import com.smarttoaster.toast.ToastSettings;
import org.jspecify.annotations.Nullable;

/** Builds the appliance a simulation runs on, by its command-line name. */
public final class SimulatedAppliances {
  private SimulatedAppliances() {}

  /**
   * @param kind which appliance
   * @param currentSensorFitted whether the heater current sensor is wired (the emulated Pi opens
   *     its pin)
   * @param initial the settings the front panel starts with
   * @param wiring the emulated Pi's pins (the config's pi section); null gives config/pi.yaml's
   *     wiring
   */
  public static SteppedAppliance create(
      SimulatedApplianceKind kind,
      ApplianceConditions conditions,
      long seed,
      SimClock clock,
      boolean currentSensorFitted,
      ToastSettings initial,
      @Nullable PiConfig wiring) {
    SimulatedAppliance world = new SimulatedAppliance(conditions, seed, clock);
    return switch (kind) {
      case SIM -> world;
      case PI_EMULATED ->
          EmulatedPiAppliance.create(wiring, currentSensorFitted, world, clock, initial);
    };
  }
}
