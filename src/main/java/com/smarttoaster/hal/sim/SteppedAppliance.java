package com.smarttoaster.hal.sim;

import com.smarttoaster.hal.AppliancePorts;
import com.smarttoaster.hal.UserEvent;

/**
 * An appliance whose physical world is simulated and stepped in simulated time: the simulated
 * appliance itself (ports straight onto the world), or the emulated Raspberry Pi (the real hal.pi
 * code on emulated chips wired to the same world). A simulation drives either one the same way.
 */
public interface SteppedAppliance extends AutoCloseable {
  /** The ports the toaster's software is wired to. */
  AppliancePorts ports();

  /** The physical world beneath: physics, the mains path, injected hardware faults. */
  SimulatedAppliance world();

  /**
   * Advances the hardware by {@code dtS} seconds: the world's physics, and for an emulated
   * appliance its chips. The caller advances the clock afterwards. Software (panel scans,
   * supervisor, controller) is not run here; see {@link #scanSoftware()}.
   */
  void step(double dtS);

  /**
   * The appliance's own software that polls hardware (the Pi's front-panel scan and buzzer), run by
   * the simulation once per step while the software is alive. Nothing for the simulated appliance.
   */
  default void scanSoftware() {}

  /** The user pushes the lever down (bread in). */
  void pushLever();

  /** The user forces the lever up. */
  void liftLever();

  /** Any other front-panel action: on an emulated Pi, a button press or knob turn on its pins. */
  void press(UserEvent event);

  /** Which appliance this is, as named on the command line: "sim" or "pi-emulated". */
  String kind();

  @Override
  default void close() {}
}
