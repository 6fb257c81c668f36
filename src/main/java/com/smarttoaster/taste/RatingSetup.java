package com.smarttoaster.taste;

/**
 * How an appliance takes ratings and keeps its taste.
 *
 * @param windowS how long after a finished cycle it can be rated, s (config {@code
 *     ratings.windowS})
 * @param taste the household's taste (stored in the state directory on a device)
 */
public record RatingSetup(double windowS, TasteBook taste) {
  /**
   * A device's setup: the taste in {@code taste.json} in the state directory, or in memory (said in
   * the log) when there is none.
   */
  public static RatingSetup forDevice(
      double windowS, java.util.Optional<java.nio.file.Path> stateDirectory) {
    if (stateDirectory.isEmpty()) {
      org.slf4j.LoggerFactory.getLogger(RatingSetup.class)
          .info(
              "No state directory: the taste learned from ratings"
                  + " lasts until the toaster stops (set appliance.stateDir to keep it)");
      return new RatingSetup(windowS, TasteBook.inMemory());
    }
    return new RatingSetup(windowS, TasteBook.stored(TasteFile.in(stateDirectory.get())));
  }

  /** The default window with a taste in memory only: simulations, tests, benchmarks. */
  public static RatingSetup inMemory() {
    return new RatingSetup(RatingDesk.DEFAULT_WINDOW_S, TasteBook.inMemory());
  }
}
