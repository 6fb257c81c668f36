package com.smarttoaster.evaluation;

import com.smarttoaster.scenario.Scenario;
import com.smarttoaster.toast.BreadType;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** A named slice of the scenario set, where fixed timers are known to go wrong. */
public record Segment(String name, Predicate<Scenario> includes) {
  /** A toaster still warm from a previous batch: chamber more than 10 °C above the room. */
  static final double WARM_ABOVE_AMBIENT_C = 10.0;

  /** Low mains: a sagging supply, well below the 230 V nominal. */
  static final double LOW_MAINS_V = 215.0;

  /** Warm: an earlier cycle ran on it, or the chamber starts more than 10 °C above the room. */
  static boolean isWarm(Scenario x) {
    return !x.before().isEmpty() || x.chamberStartC() - x.ambientC() > WARM_ABOVE_AMBIENT_C;
  }

  /** The segments of the evaluation table, "all" first. */
  public static List<Segment> standard() {
    List<Segment> s = new ArrayList<>();
    s.add(new Segment("all", x -> true));
    s.add(new Segment("cold toaster", x -> !isWarm(x)));
    s.add(new Segment("warm toaster", Segment::isWarm));
    s.add(new Segment("frozen", x -> x.bread().startC() < 0));
    s.add(
        new Segment(
            "low mains", x -> x.mainsVolts() < LOW_MAINS_V * x.nominalMainsVolts() / 230.0));
    s.add(
        new Segment(
            "mains off config",
            x -> Math.abs(x.mainsVolts() / x.configuredMainsVolts() - 1) > 0.02));
    s.add(new Segment("120 V appliance", x -> x.nominalMainsVolts() == 120.0));
    for (BreadType b : BreadType.values()) {
      s.add(new Segment(b.id(), x -> x.bread().type() == b));
    }
    return s;
  }
}
