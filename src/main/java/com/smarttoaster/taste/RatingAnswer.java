package com.smarttoaster.taste;

import com.smarttoaster.history.Rating;
import org.jspecify.annotations.Nullable;

/**
 * What {@link RatingDesk#rate} made of a rating, for the channel that gave it to report back.
 *
 * @param accepted the rating is now the cycle's
 * @param rating the rating given
 * @param previous the cycle's rating before this one (a change), or null
 * @param message one line in words: what was kept and what it changed, or why nothing was
 */
public record RatingAnswer(
    boolean accepted, Rating rating, @Nullable Rating previous, String message) {
  static RatingAnswer rejected(Rating rating, String why) {
    return new RatingAnswer(false, rating, null, why);
  }

  /** True when an accepted rating replaced a different earlier one of the same cycle. */
  public boolean changed() {
    return accepted && previous != null && previous != rating;
  }
}
