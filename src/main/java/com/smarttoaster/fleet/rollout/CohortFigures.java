package com.smarttoaster.fleet.rollout;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.smarttoaster.fleet.store.CheckerVerdict;
import com.smarttoaster.fleet.store.FieldEvent;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * What a group of devices' cycles show over one period: how often the model was not used
 * (fallback), how often the guard's checker overruled it, and how the users rated the toast.
 *
 * @param cycles finished cycles ({@code done} events)
 * @param fallbacks of those, cycles whose time did not come from the model
 * @param checked cycles that say whether the checker disagreed
 * @param disagreements of those, cycles where it did
 * @param rated {@code rated} events
 * @param justRight of those, rated just right
 */
public record CohortFigures(
    int cycles, int fallbacks, int checked, int disagreements, int rated, int justRight) {

  /** The figures of the {@code done} and {@code rated} events that {@code belongs} accepts. */
  public static CohortFigures of(List<FieldEvent> events, Predicate<FieldEvent> belongs) {
    int cycles = 0;
    int fallbacks = 0;
    int checked = 0;
    int disagreements = 0;
    int rated = 0;
    int justRight = 0;
    for (FieldEvent e : events) {
      if (!belongs.test(e)) {
        continue;
      }
      if ("done".equals(e.type())) {
        cycles++;
        if (e.predictor() != null && !"model".equals(e.predictor())) {
          fallbacks++;
        }
        if (e.checker() != CheckerVerdict.NOT_REPORTED) {
          checked++;
          if (e.checker() == CheckerVerdict.DISAGREED) {
            disagreements++;
          }
        }
      } else if ("rated".equals(e.type()) && e.rating() != null) {
        rated++;
        if ("just-right".equals(e.rating())) {
          justRight++;
        }
      }
    }
    return new CohortFigures(cycles, fallbacks, checked, disagreements, rated, justRight);
  }

  public double fallbackRate() {
    return cycles == 0 ? 0 : (double) fallbacks / cycles;
  }

  public double disagreementRate() {
    return checked == 0 ? 0 : (double) disagreements / checked;
  }

  public double justRightShare() {
    return rated == 0 ? 0 : (double) justRight / rated;
  }

  void writeTo(ObjectNode n) {
    n.put("cycles", cycles);
    n.put("fallbacks", fallbacks);
    n.put("fallbackRate", round(fallbackRate()));
    n.put("checked", checked);
    n.put("disagreements", disagreements);
    n.put("disagreementRate", round(disagreementRate()));
    n.put("rated", rated);
    n.put("justRight", justRight);
    n.put("justRightShare", round(justRightShare()));
  }

  @Override
  public String toString() {
    return String.format(
        Locale.ROOT,
        "%d cycles, fallback %.0f %%, checker disagreed %.0f %%, %d rated, %.0f %% just" + " right",
        cycles,
        100 * fallbackRate(),
        100 * disagreementRate(),
        rated,
        100 * justRightShare());
  }

  private static double round(double v) {
    return Math.round(v * 1000) / 1000.0;
  }
}
