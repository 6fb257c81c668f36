package com.smarttoaster.dataset;

import com.smarttoaster.toast.BreadType;
import com.smarttoaster.toast.ToastMode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * A named slice of the dataset for counts and per-segment metrics (issues 3 §6 and 11): cold or
 * warm toaster, a second batch, frozen bread in either mode, room bread in defrost mode, low or
 * deviating mains, 120 V appliances, each bread type, and the hidden fridge case.
 *
 * @param name shown in tables
 * @param test which rows belong to it
 */
public record Segment(String name, Predicate<DatasetRow> test) {
  /** A toaster whose chamber starts more than this above ambient counts as warm. */
  public static final double WARM_ABOVE_AMBIENT_C = 10.0;

  /**
   * A cycle starting within this long after the previous one's heat stopped is a second batch, s.
   */
  public static final double SECOND_BATCH_S = 300.0;

  /** Configured mains below this share of nominal counts as low (215 V of 230 V). */
  public static final double LOW_MAINS_RATIO = 215.0 / 230.0;

  /**
   * The actual mains differs from the configured one by more than this share: a deviating supply.
   */
  public static final double MAINS_DEVIATION = 0.02;

  /** Name of the segment of frozen bread in defrost mode. */
  public static final String FROZEN_DEFROST = "frozen in defrost mode";

  /** All segments, in table order; "all" first. */
  public static List<Segment> all() {
    List<Segment> s = new ArrayList<>();
    s.add(new Segment("all", r -> true));
    s.add(new Segment("cold toaster", r -> !isWarm(r)));
    s.add(new Segment("warm toaster (chamber > ambient + 10 °C)", Segment::isWarm));
    s.add(new Segment("second batch (≤ 300 s since the last cycle)", Segment::isSecondBatch));
    s.add(
        new Segment(
            FROZEN_DEFROST,
            r ->
                r.settings().mode() == ToastMode.DEFROST
                    && r.breadStorage() == BreadStorage.FREEZER));
    s.add(
        new Segment(
            "frozen in toast/bagel mode (defrost forgotten)",
            r ->
                r.settings().mode() != ToastMode.DEFROST
                    && r.breadStorage() == BreadStorage.FREEZER));
    s.add(
        new Segment(
            "room bread in defrost mode",
            r ->
                r.settings().mode() == ToastMode.DEFROST && r.breadStorage() == BreadStorage.ROOM));
    s.add(
        new Segment(
            "low mains (< 215 V of 230, < 112 V of 120)",
            r -> r.input().mainsVolts() / r.input().nominalMainsVolts() < LOW_MAINS_RATIO));
    s.add(
        new Segment(
            "mains deviation (actual off the configured by > 2 %)",
            r -> Math.abs(r.mainsDeviation()) > MAINS_DEVIATION));
    s.add(new Segment("120 V appliance", r -> r.input().nominalMainsVolts() < 200));
    for (BreadType b : BreadType.values()) {
      s.add(new Segment("bread " + b.id(), r -> r.settings().bread() == b));
    }
    s.add(new Segment("mode toast", r -> r.settings().mode() == ToastMode.TOAST));
    s.add(new Segment("mode bagel", r -> r.settings().mode() == ToastMode.BAGEL));
    s.add(new Segment("one slice", r -> r.settings().slices() == 1));
    s.add(
        new Segment(
            "fridge bread in toast/bagel mode (hidden)",
            r -> r.breadStorage() == BreadStorage.FRIDGE));
    s.add(new Segment("all but fridge bread", r -> r.breadStorage() != BreadStorage.FRIDGE));
    return s;
  }

  public static boolean isWarm(DatasetRow r) {
    return r.input().chamberStartC() - r.input().ambientC() > WARM_ABOVE_AMBIENT_C;
  }

  public static boolean isSecondBatch(DatasetRow r) {
    return r.input().hasRecentCycle() && r.input().sinceLastCycleS() <= SECOND_BATCH_S;
  }

  /** The segment called {@code name}. */
  public static Segment named(String name) {
    return all().stream()
        .filter(s -> s.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no segment '" + name + "'"));
  }

  public boolean contains(DatasetRow r) {
    return test.test(r);
  }
}
