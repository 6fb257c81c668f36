package com.smarttoaster.simulation;

import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The appliances a simulation can run on, by their command-line names ({@code simulate
 * --appliance}, the scenario contract in docs/contracts.md).
 */
public enum SimulatedApplianceKind {
  /** The simulated appliance itself: physics behind the hardware ports. */
  SIM("sim"),
  /** The Raspberry Pi hardware layer on emulated chips, wired to the same physics. */
  PI_EMULATED("pi-emulated");

  /** Every name, in declaration order. */
  public static final List<String> NAMES =
      Arrays.stream(values()).map(SimulatedApplianceKind::id).toList();

  private final String id;

  SimulatedApplianceKind(String id) {
    this.id = id;
  }

  public String id() {
    return id;
  }

  /** The kind called {@code id}, or null when there is none. */
  public static @Nullable SimulatedApplianceKind fromId(String id) {
    for (SimulatedApplianceKind k : values()) {
      if (k.id.equals(id)) {
        return k;
      }
    }
    return null;
  }

  /**
   * The kind called {@code id}.
   *
   * @throws IllegalArgumentException naming the id and the choices, when there is none
   */
  public static SimulatedApplianceKind of(String id) {
    SimulatedApplianceKind k = fromId(id);
    if (k == null) {
      throw new IllegalArgumentException(unknown("appliance", id));
    }
    return k;
  }

  /** What a command says when {@code option} is given an unknown name. */
  public static String unknown(String option, String given) {
    return option + ": '" + given + "' is not one of " + String.join(", ", NAMES);
  }

  @Override
  public String toString() {
    return id;
  }
}
