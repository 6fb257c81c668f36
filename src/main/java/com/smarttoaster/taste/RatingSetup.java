package com.smarttoaster.taste;

/**
 * How an appliance takes ratings and keeps its taste.
 *
 * @param windowS how long after a finished cycle it can be rated, s (config {@code ratings.windowS})
 * @param taste the household's taste (stored in the state directory on a device)
 */
public record RatingSetup(double windowS, TasteBook taste) {
  /** The default window with a taste in memory only: simulations, tests, benchmarks. */
  public static RatingSetup inMemory() {
    return new RatingSetup(RatingDesk.DEFAULT_WINDOW_S, TasteBook.inMemory());
  }
}
