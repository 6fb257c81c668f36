package com.smarttoaster.hal.pi;

import org.jspecify.annotations.Nullable;

/**
 * The front panel's switches, each to ground and active-low, read through the same debounce.
 *
 * @param leverPin lever-down switch
 * @param cancelPin cancel button
 * @param defrostPin defrost mode button
 * @param bagelPin bagel mode button
 * @param reheatPin reheat mode button
 * @param resetPin fault-reset button
 * @param remoteArmPin remote-start arm button; null when not fitted
 * @param breadPin bread button: a press selects the next bread type, held it turns the shade knob
 *     into the slice-thickness knob; null when not fitted
 * @param slicesPin slices button: a press toggles 1 and 2 slices; null when not fitted
 * @param debounceS how long a switch must read the same before it counts, s
 */
public record PanelWiring(
    int leverPin,
    int cancelPin,
    int defrostPin,
    int bagelPin,
    int reheatPin,
    int resetPin,
    @Nullable Integer remoteArmPin,
    @Nullable Integer breadPin,
    @Nullable Integer slicesPin,
    double debounceS) {

  /**
   * This panel with the bread and slices buttons on {@code bread} and {@code slices} (null: not
   * fitted).
   */
  public PanelWiring withBreadAndSlicesPins(@Nullable Integer bread, @Nullable Integer slices) {
    return new PanelWiring(
        leverPin,
        cancelPin,
        defrostPin,
        bagelPin,
        reheatPin,
        resetPin,
        remoteArmPin,
        bread,
        slices,
        debounceS);
  }
}
