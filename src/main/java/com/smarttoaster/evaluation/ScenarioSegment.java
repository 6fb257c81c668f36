package com.smarttoaster.evaluation;

import com.smarttoaster.dataset.Segment;
import com.smarttoaster.scenario.Scenario;
import com.smarttoaster.toast.BreadType;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * A named slice of the scenario set, where fixed timers are known to go wrong. The thresholds are
 * the training data's ({@link Segment}), so that a "warm toaster" or "low mains" means the same in
 * the evaluation table as in the model's metrics.
 */
public record ScenarioSegment(String name, Predicate<Scenario> includes) {
  /** Warm: an earlier cycle ran on it, or the chamber starts more than 10 °C above the room. */
  static boolean isWarm(Scenario x) {
    return !x.before().isEmpty() || x.chamberStartC() - x.ambientC() > Segment.WARM_ABOVE_AMBIENT_C;
  }

  /** The segments of the evaluation table, "all" first. */
  public static List<ScenarioSegment> standard() {
    List<ScenarioSegment> s = new ArrayList<>();
    s.add(new ScenarioSegment("all", x -> true));
    s.add(new ScenarioSegment("cold toaster", x -> !isWarm(x)));
    s.add(new ScenarioSegment("warm toaster", ScenarioSegment::isWarm));
    s.add(new ScenarioSegment("frozen", x -> x.bread().startC() < 0));
    s.add(
        new ScenarioSegment(
            "low mains", x -> x.mainsVolts() < Segment.LOW_MAINS_RATIO * x.nominalMainsVolts()));
    s.add(
        new ScenarioSegment(
            "mains off config",
            x ->
                Math.abs(x.mainsVolts() / x.configuredMainsVolts() - 1) > Segment.MAINS_DEVIATION));
    s.add(new ScenarioSegment("120 V appliance", x -> x.nominalMainsVolts() == 120.0));
    for (BreadType b : BreadType.values()) {
      s.add(new ScenarioSegment(b.id(), x -> x.bread().type() == b));
    }
    return s;
  }
}
