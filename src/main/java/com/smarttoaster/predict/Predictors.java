package com.smarttoaster.predict;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** Looks predictors up by the names used on the command line and in the config. */
public final class Predictors {
  /** The ids of {@link PredictorName}, for messages and option checks. */
  public static final List<String> NAMES = PredictorName.ids();

  private Predictors() {}

  /**
   * The installed model, loaded the first time "model" is asked for and then shared for the life of
   * the process (its runtime serialises calls); asking for any other predictor never loads it.
   */
  private static final class InstalledModel {
    static final ToastTimePredictor PREDICTOR = ModelPredictor.loadDefault();
  }

  /** The model built into the jar (the factory model), loaded once and shared. */
  public static ToastTimePredictor factoryModel() {
    return InstalledModel.PREDICTOR;
  }

  /**
   * @param name one of {@link #NAMES}
   * @param table the fallback table (returned as is for "fallback")
   * @param oracle the simulator's oracle, or null where there is none (on a device)
   */
  public static ToastTimePredictor named(
      String name, FallbackTimeTable table, @Nullable ToastTimePredictor oracle) {
    return named(choosable(name), table, oracle);
  }

  /**
   * The choosable predictor with id {@code name}.
   *
   * @throws IllegalArgumentException naming the id and the choices, for any other id
   */
  public static PredictorName choosable(String name) {
    return PredictorName.fromId(name)
        .filter(PredictorName::choosable)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "unknown predictor '" + name + "', expected one of " + NAMES));
  }

  /**
   * As {@link #named(String, FallbackTimeTable, ToastTimePredictor)}, for a name already checked.
   */
  public static ToastTimePredictor named(
      PredictorName name, FallbackTimeTable table, @Nullable ToastTimePredictor oracle) {
    switch (name) {
      case MODEL:
        return InstalledModel.PREDICTOR;
      case FALLBACK:
        return table;
      case FIXED_TIMER:
        return new FixedTimerPredictor();
      case ORACLE:
        if (oracle == null) {
          throw new IllegalArgumentException("the oracle exists only in simulation");
        }
        return oracle;
      case REHEAT_RULE:
        throw new IllegalArgumentException("the reheat rule is the guard's, not a choice");
      default:
        throw new AssertionError(name);
    }
  }
}
