package com.smarttoaster.predict;

import java.util.List;

/** Looks predictors up by the names used on the command line and in the config. */
public final class Predictors {
  public static final List<String> NAMES = List.of("model", "fallback", "fixed-timer", "oracle");

  private Predictors() {}

  /**
   * The installed model, loaded the first time "model" is asked for and then shared for the life of
   * the process (its runtime serialises calls); asking for any other predictor never loads it.
   */
  private static final class InstalledModel {
    static final ToastTimePredictor PREDICTOR = ModelPredictor.loadDefault();
  }

  /**
   * @param name one of {@link #NAMES}
   * @param table the fallback table (returned as is for "fallback")
   * @param oracle the simulator's oracle, or null where there is none (on a device)
   */
  public static ToastTimePredictor named(String name, FallbackTimeTable table, ToastTimePredictor oracle) {
    switch (name) {
      case "model":
        return InstalledModel.PREDICTOR;
      case "fallback":
        return table;
      case "fixed-timer":
        return new FixedTimerPredictor();
      case "oracle":
        if (oracle == null) {
          throw new IllegalArgumentException("the oracle exists only in simulation");
        }
        return oracle;
      default:
        throw new IllegalArgumentException("unknown predictor '" + name + "', expected one of " + NAMES);
    }
  }
}
