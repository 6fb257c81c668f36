package com.smarttoaster.taste;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.smarttoaster.control.TargetAdjustment;
import com.smarttoaster.remote.ApplianceRemote;
import com.smarttoaster.testkit.SimToaster;
import com.smarttoaster.toast.ToastMode;
import org.junit.jupiter.api.Test;

/**
 * The controller's own bound on a target adjustment: only the shade, by at most one step. Same
 * simulated toaster, same seed, fallback table: the predicted time shows which shade was asked for.
 */
class TargetAdjustmentBoundsTest {
  private static double predictedWith(TargetAdjustment adjustment) {
    try (SimToaster t = new SimToaster(ApplianceRemote.NONE, false)) {
      t.controller.adjustTargetWith(adjustment);
      t.run(1).lever().runUntil("toasting", 5);
      assertEquals("toasting", t.phase());
      return t.controller.snapshot().prediction().seconds();
    }
  }

  @Test
  void oneShadeDarkerIsTakenAndAnythingBeyondTheBoundIsIgnored() {
    double asked = predictedWith(TargetAdjustment.NONE);
    double darker = predictedWith(s -> s.withShade(s.shade() + 1));

    assertTrue(
        darker > asked + 1,
        "one shade darker predicts longer: " + darker + " s against " + asked + " s");
    assertEquals(
        asked,
        predictedWith(s -> s.withShade(7)),
        1e-9,
        "three shades is beyond the bound: ignored");
    assertEquals(
        asked, predictedWith(s -> s.withMode(ToastMode.DEFROST)), 1e-9, "only the shade may move");
    assertEquals(
        asked,
        predictedWith(
            s -> {
              throw new IllegalStateException("broken taste");
            }),
        1e-9,
        "a failing adjustment leaves the user's settings");
  }
}
