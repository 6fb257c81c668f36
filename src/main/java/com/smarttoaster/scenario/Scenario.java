package com.smarttoaster.scenario;

import com.smarttoaster.input.Format;
import com.smarttoaster.input.NumberRange;
import com.smarttoaster.toast.ElementRating;
import com.smarttoaster.toast.Shade;
import com.smarttoaster.toast.ToastMode;
import com.smarttoaster.toast.ToastSettings;
import java.util.List;
import java.util.Objects;

/**
 * One simulated cycle: the room, the appliance's state, the bread, the user's settings, and the
 * faults and actions to play. The cycle begins with the bread in and the lever pressed at 0 s.
 * Construction validates everything (an {@link IllegalArgumentException} names the field); files
 * are read with {@link ScenarioReader}, whose messages also name the file and the field path.
 *
 * @param version format version, always {@link ScenarioLimits#VERSION}
 * @param name a human-readable name, 1 to 200 characters, shown in results
 * @param seed seed for every random choice of the simulation
 * @param ambientC room temperature, °C
 * @param mainsVolts actual mains voltage, V
 * @param chamberStartC chamber temperature at 0 s, °C, at least ambientC − 1
 * @param slices 1 or 2
 * @param bread the bread put in
 * @param shade 1 lightest … 7 darkest
 * @param mode toasting mode
 * @param faults faults to inject, in file order (not necessarily sorted by time); may be empty
 * @param actions actions to play, in file order (not necessarily sorted by time); may be empty
 * @param before cycles run first on the same appliance, oldest first; the result describes only the
 *     measured cycle, whose lever press is 0 s for its faults and actions; may be empty
 * @param configuredMainsVolts the mains voltage the appliance's config states, V (what a predictor
 *     is told); {@code mainsVolts} is the actual supply
 * @param nominalMainsVolts the voltage the element is designed for: 230 or 120 V
 */
public record Scenario(
    int version,
    String name,
    long seed,
    double ambientC,
    double mainsVolts,
    double chamberStartC,
    int slices,
    BreadSpec bread,
    int shade,
    ToastMode mode,
    List<ScenarioFault> faults,
    List<ScenarioAction> actions,
    List<EarlierCycle> before,
    double configuredMainsVolts,
    double nominalMainsVolts) {

  public Scenario {
    if (version != ScenarioLimits.VERSION) {
      throw new IllegalArgumentException("version = " + version + " is not supported; expected 1");
    }
    Objects.requireNonNull(name, "name");
    if (name.isBlank() || name.length() > ScenarioLimits.MAX_NAME_LENGTH) {
      throw new IllegalArgumentException(
          "name must be 1 to " + ScenarioLimits.MAX_NAME_LENGTH + " characters, not blank");
    }
    check("ambientC", ambientC, ScenarioLimits.AMBIENT_C);
    check("mainsVolts", mainsVolts, ScenarioLimits.MAINS_VOLTS);
    check("chamberStartC", chamberStartC, ScenarioLimits.chamberStartC(ambientC));
    if (slices < ScenarioLimits.MIN_SLICES || slices > ScenarioLimits.MAX_SLICES) {
      throw new IllegalArgumentException(
          "slices = " + slices + " is out of range; expected 1 or 2");
    }
    Objects.requireNonNull(bread, "bread");
    if (!Shade.isValid(shade)) {
      throw new IllegalArgumentException("shade = " + shade + " is out of range; expected 1 to 7");
    }
    Objects.requireNonNull(mode, "mode");
    faults = List.copyOf(faults);
    actions = List.copyOf(actions);
    before = List.copyOf(before);
    if (before.size() > ScenarioLimits.MAX_EARLIER_CYCLES) {
      throw new IllegalArgumentException(
          "before lists "
              + before.size()
              + " cycles; at most "
              + ScenarioLimits.MAX_EARLIER_CYCLES);
    }
    check("configuredMainsVolts", configuredMainsVolts, ScenarioLimits.MAINS_VOLTS);
    if (!ElementRating.isDesignVoltage(nominalMainsVolts)) {
      throw new IllegalArgumentException(
          "nominalMainsVolts = "
              + Format.number(nominalMainsVolts)
              + " is not supported; expected 230 or 120");
    }
  }

  /**
   * A single cycle on a 230 V appliance whose config states the actual mains (the version-1 fields
   * only).
   */
  public Scenario(
      int version,
      String name,
      long seed,
      double ambientC,
      double mainsVolts,
      double chamberStartC,
      int slices,
      BreadSpec bread,
      int shade,
      ToastMode mode,
      List<ScenarioFault> faults,
      List<ScenarioAction> actions) {
    this(
        version,
        name,
        seed,
        ambientC,
        mainsVolts,
        chamberStartC,
        slices,
        bread,
        shade,
        mode,
        faults,
        actions,
        List.of(),
        mainsVolts,
        ElementRating.VOLTS_230);
  }

  /** What the user asked for, as the controller and predictor see it. */
  public ToastSettings settings() {
    return new ToastSettings(shade, bread.type(), bread.thicknessMm(), slices, mode);
  }

  /** The same scenario with another seed (sensor noise differs), for repeated runs. */
  public Scenario withSeed(long newSeed) {
    return new Scenario(
        version,
        name,
        newSeed,
        ambientC,
        mainsVolts,
        chamberStartC,
        slices,
        bread,
        shade,
        mode,
        faults,
        actions,
        before,
        configuredMainsVolts,
        nominalMainsVolts);
  }

  /** True when the lever press at 0 s arms the toaster for a remote start instead of starting. */
  public boolean armsRemoteStart() {
    return actions.stream().anyMatch(a -> a.action() == ActionKind.ARM_REMOTE_START);
  }

  private static void check(String field, double value, NumberRange range) {
    if (!range.contains(value)) {
      throw new IllegalArgumentException(
          field
              + " = "
              + Format.number(value)
              + " is out of range; expected a number "
              + range.describe());
    }
  }
}
