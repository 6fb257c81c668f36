package com.smarttoaster.safety;

/** How a latched fault is being reset at the appliance. */
public enum ResetKind {
  /** The front-panel reset button held for 3 s. Clears faults that do not need service. */
  USER,
  /**
   * The reset button held while the appliance powers up, after a repair. Clears every fault,
   * including those that need service.
   */
  SERVICE
}
