package com.smarttoaster.hal.emulated;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.smarttoaster.control.CyclePhase;
import com.smarttoaster.hal.Indicators.BeepPattern;
import com.smarttoaster.hal.UserEvent;
import com.smarttoaster.hal.pi.ThermocoupleInterface;
import com.smarttoaster.hal.sim.ApplianceConditions;
import com.smarttoaster.history.Rating;
import com.smarttoaster.taste.RatingInvitation;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The Pi's rating gesture through the emulated chips: the cancel button's contact bounces on its
 * GPIO pin, the real FrontPanel debounces it, and the rating desk steps the rating on with each
 * press while a rating is invited. Mid-cycle the same button cancels and rates nothing.
 */
class CancelRatesThroughThePiTest {
  private static Rating rating(EmulatedToaster t) {
    return t.ratings().invitation().map(RatingInvitation::rating).orElse(null);
  }

  @Test
  void afterAFinishedCycleEachCancelPressStepsTheRatingOn() throws Exception {
    try (EmulatedToaster t =
        new EmulatedToaster(
            EmulatedPiApplianceTest.wiring(ThermocoupleInterface.SPI),
            ApplianceConditions.typical())) {
      t.stepped.pushLever();
      t.runUntil(CyclePhase.TOASTING, 1.0);
      t.runUntil(CyclePhase.DONE, 300);
      t.run(
          3); // the done beeps have ended: the ear would take a tick within 0.35 s of them as part
      // of them
      List<BeepPattern> heard = new ArrayList<>();
      t.world.onBeep(heard::add); // what the emulated Pi's buzzer pin played, as its ear names it
      assertTrue(t.ratings().invitation().isPresent(), "a finished cycle invites a rating");
      assertNull(rating(t));

      t.appliance.press(new UserEvent.CancelPressed());
      t.run(1);
      assertEquals(Rating.TOO_LIGHT, rating(t), "first press: too light");
      t.appliance.press(new UserEvent.CancelPressed());
      t.run(1);
      assertEquals(Rating.JUST_RIGHT, rating(t), "second press: just right");
      t.appliance.press(new UserEvent.CancelPressed());
      t.run(1);
      assertEquals(Rating.TOO_DARK, rating(t), "third press: too dark");
      assertEquals(
          -1,
          t.ratings().taste().entry(EmulatedToaster.SETTINGS.bread()).votes(),
          "the cycle counts once, with its last rating");
      assertEquals(CyclePhase.DONE, t.phase(), "nothing to cancel: the presses only rated");
      assertEquals(
          List.of(BeepPattern.RATED, BeepPattern.RATED, BeepPattern.RATED),
          heard,
          "the buzzer ticks once for each press taken");
    }
  }

  @Test
  void midCycleCancelCancelsAndTheCancelledCycleInvitesNoRating() throws Exception {
    try (EmulatedToaster t =
        new EmulatedToaster(
            EmulatedPiApplianceTest.wiring(ThermocoupleInterface.SPI),
            ApplianceConditions.typical())) {
      t.stepped.pushLever();
      t.runUntil(CyclePhase.TOASTING, 1.0);
      t.run(5);
      t.appliance.press(new UserEvent.CancelPressed());
      t.runUntil(CyclePhase.CANCELLED, 2);
      t.run(1);
      List<BeepPattern> heard = new ArrayList<>();
      t.world.onBeep(heard::add);
      t.appliance.press(new UserEvent.CancelPressed());
      t.run(1);

      assertTrue(t.ratings().invitation().isEmpty(), "a cancelled cycle is not rated");
      assertTrue(heard.isEmpty(), "no rating, no tick: " + heard);
      assertTrue(t.ratings().taste().all().isEmpty());
    }
  }
}
