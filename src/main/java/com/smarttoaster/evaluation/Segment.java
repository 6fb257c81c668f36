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

  /** The segments of the evaluation table, "all" first. */
  public static List<Segment> standard() {
    List<Segment> s = new ArrayList<>();
    s.add(new Segment("all", x -> true));
    s.add(new Segment("cold toaster", x -> x.chamberStartC() - x.ambientC() <= WARM_ABOVE_AMBIENT_C));
    s.add(new Segment("warm toaster", x -> x.chamberStartC() - x.ambientC() > WARM_ABOVE_AMBIENT_C));
    s.add(new Segment("frozen", x -> x.bread().startC() < 0));
    s.add(new Segment("low mains", x -> x.mainsVolts() < LOW_MAINS_V));
    for (BreadType b : BreadType.values()) {
      s.add(new Segment(b.id(), x -> x.bread().type() == b));
    }
    return s;
  }
}
