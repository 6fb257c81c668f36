package com.smarttoaster.predict;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The predictors by the names used on the command line, in the config, in results and in the
 * history ({@link #id()}). Only {@link #MODEL} is learned; the others are not checked against the
 * fallback table.
 */
public enum PredictorName {
  /** The installed TFLite model, behind its guard. */
  MODEL("model", true),
  /** The non-ML fallback time table. */
  FALLBACK("fallback", false),
  /** A fixed time per shade, like a plain toaster. */
  FIXED_TIMER("fixed-timer", false),
  /** The simulator's best time; evaluation and training labels only, never on a device. */
  ORACLE("oracle", false),
  /**
   * The guard's fixed rule for reheat mode (reheat is never a model decision); it answers in the
   * results and the history but cannot be chosen.
   */
  REHEAT_RULE("reheat-rule", false);

  private final String id;
  private final boolean learned;

  PredictorName(String id, boolean learned) {
    this.id = id;
    this.learned = learned;
  }

  @JsonValue
  public String id() {
    return id;
  }

  /** Whether the predictor is machine-learned (and so checked by the guard's band). */
  public boolean learned() {
    return learned;
  }

  /** The id: a predictor is written the same way in every message, log line and result. */
  @Override
  public String toString() {
    return id;
  }

  /** Whether a user may choose it (on the command line, in the config). */
  public boolean choosable() {
    return this != REHEAT_RULE;
  }

  /** The ids a user may choose, in declaration order. */
  public static List<String> ids() {
    return Arrays.stream(values()).filter(PredictorName::choosable).map(PredictorName::id).toList();
  }

  /** The predictor with this id, if there is one. */
  public static Optional<PredictorName> fromId(String id) {
    return Arrays.stream(values()).filter(n -> n.id.equals(id)).findFirst();
  }
}
