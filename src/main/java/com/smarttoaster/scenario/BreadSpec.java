package com.smarttoaster.scenario;

import com.smarttoaster.input.Format;
import com.smarttoaster.toast.BreadType;
import java.util.Objects;

/**
 * The bread put in.
 *
 * @param type bread type
 * @param thicknessMm slice thickness, mm, within {@link ScenarioLimits#THICKNESS_MM}
 * @param startC bread temperature at start, °C, within {@link ScenarioLimits#BREAD_START_C}
 */
public record BreadSpec(BreadType type, double thicknessMm, double startC) {
  public BreadSpec {
    Objects.requireNonNull(type, "type");
    if (!ScenarioLimits.THICKNESS_MM.contains(thicknessMm)) {
      throw new IllegalArgumentException(
          "thicknessMm = "
              + Format.number(thicknessMm)
              + " is out of range; expected a number "
              + ScenarioLimits.THICKNESS_MM.describe());
    }
    if (!ScenarioLimits.BREAD_START_C.contains(startC)) {
      throw new IllegalArgumentException(
          "startC = "
              + Format.number(startC)
              + " is out of range; expected a number "
              + ScenarioLimits.BREAD_START_C.describe());
    }
  }
}
