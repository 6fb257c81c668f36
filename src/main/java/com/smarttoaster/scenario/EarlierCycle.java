package com.smarttoaster.scenario;

import com.smarttoaster.input.Format;
import com.smarttoaster.toast.Shade;
import com.smarttoaster.toast.ToastMode;
import com.smarttoaster.toast.ToastSettings;
import java.util.Objects;

/**
 * A cycle run on the same appliance before the measured one (a scenario's {@code before} list): its
 * bread and settings, and the pause from its end (heat off, toast out) to the next lever press. It
 * runs through the controller like any cycle; only its thermal footprint and the controller's
 * memory of it carry over.
 *
 * @param bread the bread put in
 * @param shade 1 lightest … 7 darkest
 * @param mode toasting mode
 * @param slices 1 or 2
 * @param pauseS time from this cycle's end to the next lever press, s, within {@link
 *     ScenarioLimits#PAUSE_S}
 */
public record EarlierCycle(BreadSpec bread, int shade, ToastMode mode, int slices, double pauseS) {
  public EarlierCycle {
    Objects.requireNonNull(bread, "bread");
    Objects.requireNonNull(mode, "mode");
    if (!Shade.isValid(shade)) {
      throw new IllegalArgumentException("shade = " + shade + " is out of range; expected 1 to 7");
    }
    if (slices < ScenarioLimits.MIN_SLICES || slices > ScenarioLimits.MAX_SLICES) {
      throw new IllegalArgumentException(
          "slices = " + slices + " is out of range; expected 1 or 2");
    }
    if (!ScenarioLimits.PAUSE_S.contains(pauseS)) {
      throw new IllegalArgumentException(
          "pauseS = "
              + Format.number(pauseS)
              + " is out of range; expected a number "
              + ScenarioLimits.PAUSE_S.describe());
    }
  }

  /** What the user set for this cycle. */
  public ToastSettings settings() {
    return new ToastSettings(shade, bread.type(), bread.thicknessMm(), slices, mode);
  }
}
