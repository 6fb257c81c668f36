package com.smarttoaster.scenario;

import com.smarttoaster.input.Format;
import java.util.Objects;

/**
 * Something the user or a remote does at {@code atS} (the file's {@code "do"} field).
 *
 * @param atS when, s since the lever went down, within {@link ScenarioLimits#AT_S}; {@link
 *     ActionKind#ARM_REMOTE_START} must be at exactly 0
 * @param action what is done
 */
public record ScenarioAction(double atS, ActionKind action) {
  public ScenarioAction {
    Objects.requireNonNull(action, "action");
    if (!ScenarioLimits.AT_S.contains(atS)) {
      throw new IllegalArgumentException(
          "atS = "
              + Format.number(atS)
              + " is out of range; expected a number "
              + ScenarioLimits.AT_S.describe());
    }
    if (action == ActionKind.ARM_REMOTE_START && atS != 0.0) {
      throw new IllegalArgumentException(
          "atS = "
              + Format.number(atS)
              + ": arm-remote-start must be at 0 (it turns the lever press at 0 s into arming)");
    }
  }
}
