package com.smarttoaster.dataset;

import com.smarttoaster.toast.BreadType;
import com.smarttoaster.toast.ToastMode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * A named slice of the dataset for counts and per-segment metrics (issue 3 §6): cold or warm
 * toaster, frozen bread (defrost), low mains, each bread type, and the hidden fridge case.
 *
 * @param name shown in tables
 * @param test which rows belong to it
 */
public record Segment(String name, Predicate<DatasetRow> test) {
  /** A toaster whose chamber starts more than this above ambient counts as warm (a second batch). */
  public static final double WARM_ABOVE_AMBIENT_C = 10.0;

  /** Mains below this counts as low. */
  public static final double LOW_MAINS_V = 215.0;

  /** All segments, in table order; "all" first. */
  public static List<Segment> all() {
    List<Segment> s = new ArrayList<>();
    s.add(new Segment("all", r -> true));
    s.add(new Segment("cold toaster", r -> !isWarm(r)));
    s.add(new Segment("warm toaster (chamber > ambient + 10 °C)", Segment::isWarm));
    s.add(new Segment("frozen (defrost mode)", r -> r.settings().mode() == ToastMode.DEFROST));
    s.add(new Segment("low mains (< 215 V)", r -> r.input().mainsVolts() < LOW_MAINS_V));
    for (BreadType b : BreadType.values()) {
      s.add(new Segment("bread " + b.id(), r -> r.settings().bread() == b));
    }
    s.add(new Segment("mode toast", r -> r.settings().mode() == ToastMode.TOAST));
    s.add(new Segment("mode bagel", r -> r.settings().mode() == ToastMode.BAGEL));
    s.add(new Segment("one slice", r -> r.settings().slices() == 1));
    s.add(new Segment("fridge bread in toast/bagel mode (hidden)", r -> r.breadStorage() == BreadStorage.FRIDGE));
    s.add(new Segment("all but fridge bread", r -> r.breadStorage() != BreadStorage.FRIDGE));
    return s;
  }

  public static boolean isWarm(DatasetRow r) {
    return r.input().chamberStartC() - r.input().ambientC() > WARM_ABOVE_AMBIENT_C;
  }

  public boolean contains(DatasetRow r) {
    return test.test(r);
  }
}
