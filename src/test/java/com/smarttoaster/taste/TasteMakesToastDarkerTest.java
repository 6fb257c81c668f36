package com.smarttoaster.taste;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.smarttoaster.hal.sim.ApplianceConditions;
import com.smarttoaster.history.Rating;
import com.smarttoaster.predict.Predictors;
import com.smarttoaster.remote.ApplianceRemote;
import com.smarttoaster.safety.SafetyLimits;
import com.smarttoaster.testkit.SimToaster;
import com.smarttoaster.toast.BreadType;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The acceptance: "too light" three times makes the next toast darker the same morning. Two
 * identical simulated toasters (same room, bread, noise seed, the committed model) make four white
 * toasts at shade 4, a minute apart; on one the user rates the first three too light, on the other
 * nobody rates. The physics says how dark each toast came out.
 */
class TasteMakesToastDarkerTest {
  private static final double PAUSE_S = 60;

  @Test
  void threeTooLightRatingsMakeTheFourthToastOfTheMorningDarker() {
    List<Double> rated = morning(true);
    List<Double> unrated = morning(false);

    for (int i = 0; i < 3; i++) {
      assertEquals(
          unrated.get(i),
          rated.get(i),
          0.05,
          "toast "
              + (i + 1)
              + " came before the third rating, so the taste must not have moved it yet");
    }
    double gain = rated.get(3) - unrated.get(3);
    assertTrue(
        gain >= 0.5,
        "after three 'too light' ratings the fourth toast should be clearly darker than on the"
            + " toaster nobody rated: "
            + rated
            + " against "
            + unrated);
    assertTrue(
        gain <= 1.5,
        "the taste moves the request by one shade, not more: " + rated + " against " + unrated);
  }

  /** Four toasts; the achieved shade of each. */
  private static List<Double> morning(boolean rateTooLight) {
    List<Double> achieved = new ArrayList<>();
    try (SimToaster t =
        new SimToaster(
            ApplianceConditions.typical(),
            SimToaster.WHITE_4,
            SafetyLimits.defaults(),
            3,
            ApplianceRemote.NONE,
            false,
            table -> Predictors.named("model", table, null))) {
      t.run(1);
      for (int i = 0; i < 4; i++) {
        t.appliance.loadFreshBread();
        t.lever().runUntil("toasting", 5).runUntil("done", 400);
        assertEquals("done", t.phase(), "toast " + (i + 1) + " should finish");
        achieved.add(t.appliance.physics().achievedShade());
        if (rateTooLight && i < 3) {
          RatingAnswer a = t.assembly().ratings().rate(Rating.TOO_LIGHT, "panel");
          assertTrue(a.accepted(), a.message());
        }
        t.run(PAUSE_S);
      }
      assertEquals(
          rateTooLight ? 1 : 0, t.assembly().ratings().taste().entry(BreadType.WHITE).offset());
    }
    return achieved;
  }
}
