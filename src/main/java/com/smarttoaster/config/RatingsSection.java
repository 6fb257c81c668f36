package com.smarttoaster.config;

import static com.smarttoaster.input.NumberRange.closed;

import com.smarttoaster.input.NumberRange;
import com.smarttoaster.input.ObjectFields;
import java.util.List;

/**
 * The optional {@code ratings} section; every option has a default ({@link
 * RatingsConfig#defaults()}).
 */
final class RatingsSection {
  /**
   * A minute is the least a person needs to taste the toast and press a key; an hour later the
   * toast in hand is long gone, and a rating would be a guess about a cycle already forgotten.
   */
  static final NumberRange WINDOW_S = closed(60, 3600, "s");

  static final List<String> OPTIONS = List.of("windowS");

  private RatingsSection() {}

  static RatingsConfig read(ObjectFields f) {
    return new RatingsConfig(f.decimal("windowS", WINDOW_S).orElse(RatingsConfig.DEFAULT_WINDOW_S));
  }
}
