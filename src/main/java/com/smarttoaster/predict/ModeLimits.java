package com.smarttoaster.predict;

import com.smarttoaster.toast.ToastMode;

/**
 * The heating times the guard accepts, per mode: the one place for these numbers.
 *
 * <p>Toast, bagel and defrost brown the bread: they may use the guard's whole range, up to its
 * maximum (below the supervisor's maximum heating time), because frozen thick rye at 200 V really
 * needs that long. Reheat only warms bread that is already toasted: {@link ReheatTime} gives 35 s
 * scaled by 0.5–1 for a warm chamber and by √(thickness / 12 mm), so 14–60 s for 8–35 mm slices;
 * anything longer toasts the bread a second time, so reheat is capped at {@link #REHEAT_MAX_S}
 * whatever asks for more.
 */
final class ModeLimits {
  /** Longest reheat, s: {@link ReheatTime} for a 35 mm slice in a cold toaster, rounded up. */
  static final double REHEAT_MAX_S = 60.0;

  private ModeLimits() {}

  /**
   * The accepted range for a mode.
   *
   * @param minS the guard's shortest time, s
   * @param maxS the guard's longest time, s
   */
  static Range of(ToastMode mode, double minS, double maxS) {
    if (mode == ToastMode.REHEAT) {
      return new Range(minS, Math.min(maxS, REHEAT_MAX_S));
    }
    return new Range(minS, maxS);
  }

  /** An accepted range of heating times, s. */
  record Range(double minS, double maxS) {
    boolean contains(double s) {
      return s >= minS && s <= maxS;
    }

    double clamp(double s) {
      return Math.max(minS, Math.min(maxS, s));
    }
  }
}
