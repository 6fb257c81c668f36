package com.smarttoaster.taste;

import com.smarttoaster.control.ControllerSnapshot;
import com.smarttoaster.hal.Indicators;
import com.smarttoaster.hal.UserEvent;
import com.smarttoaster.history.Rating;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The front panel's way to rate, for a toaster with buttons and no screen (the Pi): while a rating
 * is invited (the last cycle ran to its end, within the window) and no cycle runs, the cancel
 * button, which has nothing to cancel then, steps the last cycle's rating on: the first press rates
 * it too light, the second just right, the third too dark, the fourth too light again. Each press
 * is a rating through the {@link RatingDesk}, so the usual rules hold (a change within the window
 * replaces the rating), and the buzzer ticks once for each press taken. A cancel press at any other
 * time is only a cancel; one that clears a pending remote-start arm is not a rating either.
 */
public final class CancelRatingGesture {
  private final RatingDesk desk;
  private final Supplier<ControllerSnapshot> controller;
  private final Indicators indicators;

  /**
   * @param indicators where a taken press ticks ({@link Indicators.BeepPattern#RATED}), a refused
   *     one chirps
   */
  public CancelRatingGesture(
      RatingDesk desk, Supplier<ControllerSnapshot> controller, Indicators indicators) {
    this.desk = desk;
    this.controller = controller;
    this.indicators = indicators;
  }

  /**
   * Looks at one user event (hardware thread); returns the answer when it was a rating, else null.
   */
  public @Nullable RatingAnswer offer(UserEvent event) {
    if (!(event instanceof UserEvent.CancelPressed)) {
      return null;
    }
    ControllerSnapshot c = controller.get();
    if (c == null || c.phase().isActive() || c.remoteArmPending()) {
      return null;
    }
    RatingAnswer a = desk.invitation().map(i -> desk.rate(next(i.rating()), "button")).orElse(null);
    if (a != null) {
      indicators.beep(a.accepted() ? Indicators.BeepPattern.RATED : Indicators.BeepPattern.REFUSED);
    }
    return a;
  }

  /** The rating one more press gives. */
  static Rating next(@Nullable Rating current) {
    if (current == null) {
      return Rating.TOO_LIGHT;
    }
    return switch (current) {
      case TOO_LIGHT -> Rating.JUST_RIGHT;
      case JUST_RIGHT -> Rating.TOO_DARK;
      case TOO_DARK -> Rating.TOO_LIGHT;
    };
  }
}
