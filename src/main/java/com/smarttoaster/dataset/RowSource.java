package com.smarttoaster.dataset;

import java.util.Locale;

/** Where a training row came from. */
public enum RowSource {
  /** Sampled by {@link DatasetGenerator} and labelled by the simulator's oracle. */
  SIMULATED,
  /** A real cycle with a user rating, turned into a row by {@link FeedbackToTrainingRows}. */
  RECORDED;

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static RowSource fromId(String id) {
    for (RowSource s : values()) {
      if (s.id().equals(id)) {
        return s;
      }
    }
    throw new IllegalArgumentException("source '" + id + "' is not one of simulated, recorded");
  }
}
