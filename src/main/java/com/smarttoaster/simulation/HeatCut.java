package com.smarttoaster.simulation;

import com.smarttoaster.hal.sim.SimulatedAppliance;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** Names what stopped the elements' current, from the state of the mains path at that moment. */
final class HeatCut {
  private HeatCut() {}

  /**
   * The outermost part of the mains path that is open, in the order protection acts from the
   * outside in: a protector; the dead-man (the software still drives the relay or the magnet, but
   * the stage has timed out, which also drops the carriage); the carriage contacts; the relay; the
   * element itself.
   */
  static String whatCut(SimulatedAppliance world) {
    String protector = world.openProtector();
    if (protector != null) {
      return protector;
    }
    if ((world.isSsrInputHigh() || world.isMagnetDriveHigh()) && !world.isDeadManEnabling()) {
      return "dead-man";
    }
    if (!world.isCarriageDown()) {
      return "carriage";
    }
    if (!world.isSsrInputHigh()) {
      return "relay";
    }
    return "element";
  }

  /**
   * The result's fault code when hardware, not the supervisor, ended the cycle: DEAD_MAN,
   * THERMAL_CUTOUT, THERMAL_FUSE or HEAT_TIMER (the hardware heat timer's relay); null when the cut
   * was not one of those.
   */
  static @Nullable String faultCode(@Nullable String heatCutBy) {
    if (heatCutBy == null) {
      return null;
    }
    return switch (heatCutBy) {
      case "dead-man", "thermal-cutout", "thermal-fuse", "heat-timer" ->
          heatCutBy.toUpperCase(Locale.ROOT).replace('-', '_');
      default -> null;
    };
  }
}
