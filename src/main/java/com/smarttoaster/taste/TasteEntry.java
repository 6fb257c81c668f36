package com.smarttoaster.taste;

import com.smarttoaster.history.Rating;

/**
 * One bread type's learned taste: a shade offset and the ratings counted toward the next step.
 *
 * <p>The rule, chosen to be explained in one sentence: {@value #VOTES_PER_STEP} more "too light"
 * than "too dark" ratings since the last step move the offset one shade darker (and the other way
 * round), never beyond ±{@value #MAX_OFFSET}; a "just right" says the offset in force is right, so
 * it clears the votes. Whole steps because the knob, the model's input and the record are whole
 * shades.
 *
 * @param offset shade steps added to the knob's shade, −{@value #MAX_OFFSET}..{@value #MAX_OFFSET}
 * @param votes "too light" minus "too dark" ratings since the last step, strictly between −{@value
 *     #VOTES_PER_STEP} and {@value #VOTES_PER_STEP}
 */
public record TasteEntry(int offset, int votes) {
  /** The most the offset moves the shade, either way. */
  public static final int MAX_OFFSET = 1;

  /** Net ratings one way that make one step. */
  public static final int VOTES_PER_STEP = 3;

  public static final TasteEntry NEUTRAL = new TasteEntry(0, 0);

  public TasteEntry {
    if (Math.abs(offset) > MAX_OFFSET) {
      throw new IllegalArgumentException(
          "taste offset " + offset + " is outside -" + MAX_OFFSET + ".." + MAX_OFFSET);
    }
    if (Math.abs(votes) >= VOTES_PER_STEP) {
      throw new IllegalArgumentException(
          "taste votes "
              + votes
              + " must lie strictly between -"
              + VOTES_PER_STEP
              + " and "
              + VOTES_PER_STEP);
    }
  }

  /** This entry after one more rating. */
  public TasteEntry after(Rating rating) {
    if (rating == Rating.JUST_RIGHT) {
      return new TasteEntry(offset, 0);
    }
    int v = votes + (rating == Rating.TOO_LIGHT ? 1 : -1);
    if (Math.abs(v) < VOTES_PER_STEP) {
      return new TasteEntry(offset, v);
    }
    int stepped = Math.max(-MAX_OFFSET, Math.min(MAX_OFFSET, offset + Integer.signum(v)));
    return new TasteEntry(stepped, 0);
  }

  /** In words, e.g. "+1 shade (darker), 1 of 3 'too dark' toward the next step". */
  public String describe() {
    String off =
        offset == 0
            ? "no offset"
            : (offset > 0 ? "+" : "")
                + offset
                + " shade ("
                + (offset > 0 ? "darker" : "lighter")
                + ")";
    if (votes == 0) {
      return off;
    }
    return off
        + ", "
        + Math.abs(votes)
        + " of "
        + VOTES_PER_STEP
        + " '"
        + (votes > 0 ? Rating.TOO_LIGHT : Rating.TOO_DARK).id()
        + "' toward the next step";
  }
}
