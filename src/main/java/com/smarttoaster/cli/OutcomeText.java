package com.smarttoaster.cli;

import com.smarttoaster.scenario.Scenario;
import com.smarttoaster.scenario.ScenarioFault;
import com.smarttoaster.simulation.SimulationResult;
import com.smarttoaster.toast.ToastMode;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The sentence under a simulated cycle's headline that says what happened to the bread, so no
 * outcome reads as fine when it was not: a fault that left the bread raw, an injected fault the
 * supervisor never saw, toast far from the shade asked for, or a reheat (which has no shade).
 */
final class OutcomeText {
  /**
   * Below this the bread is still pale: untoasted bread scores −1, shade 1 is the lightest toast.
   */
  static final double RAW_SHADE = 0.5;

  /** A miss by more than this is worth a word: one step of the knob. */
  static final double MISS_SHADES = 1.0;

  private OutcomeText() {}

  static String describe(Scenario scenario, SimulationResult r) {
    String bread =
        r.achievedShade() < RAW_SHADE
            ? String.format(
                Locale.ROOT, "the bread came out untoasted (shade %.2f)", r.achievedShade())
            : String.format(Locale.ROOT, "the bread came out at shade %.2f", r.achievedShade());
    String cut =
        r.heatCutS() == null
            ? "no heat flowed"
            : String.format(
                Locale.ROOT,
                "heat stopped at %.1f s%s",
                r.heatCutS(),
                r.heatCutBy() == null ? "" : " (cut by the " + r.heatCutBy() + ")");
    switch (r.outcome()) {
      case FAULT:
        return String.format(
            Locale.ROOT,
            "Stopped by the %s fault: %s; %s, target %d.",
            r.fault(),
            cut,
            bread,
            r.targetShade());
      case CANCELLED:
        return String.format(Locale.ROOT, "Cancelled: %s; %s.", cut, bread);
      case REFUSED:
        return "Refused: no cycle started, no heat.";
      default:
        break;
    }
    String undetected = undetectedFaults(scenario);
    String prefix =
        undetected.isEmpty()
            ? ""
            : "The injected " + undetected + " tripped nothing: the cycle ran to its time. ";
    if (scenario.mode() == ToastMode.REHEAT) {
      return prefix
          + String.format(
              Locale.ROOT,
              "Reheated for %.1f s by the fixed reheat rule; reheat warms"
                  + " toasted bread and has no shade target (the shade knob is ignored).",
              r.heaterOnS());
    }
    double miss = r.achievedShade() - r.targetShade();
    String verdict =
        Math.abs(miss) <= MISS_SHADES
            ? String.format(
                Locale.ROOT, "Done: shade %.2f for target %d.", r.achievedShade(), r.targetShade())
            : String.format(
                Locale.ROOT,
                "Done, but %s: shade %.2f for target %d (%.1f shades %s).",
                miss < 0 ? "lighter than asked" : "darker than asked",
                r.achievedShade(),
                r.targetShade(),
                Math.abs(miss),
                miss < 0 ? "light" : "dark");
    if (r.achievedShade() < RAW_SHADE) {
      verdict = String.format(Locale.ROOT, "Done, but %s, target %d.", bread, r.targetShade());
    }
    return prefix + verdict;
  }

  /**
   * The injected faults that are not the predictor's (the guard answers those, no trip expected).
   */
  private static String undetectedFaults(Scenario scenario) {
    List<String> kinds =
        scenario.faults().stream()
            .filter(f -> !f.kind().isPredictorFault())
            .map(ScenarioFault::kind)
            .map(k -> k.id())
            .distinct()
            .collect(Collectors.toList());
    return String.join(", ", kinds);
  }
}
