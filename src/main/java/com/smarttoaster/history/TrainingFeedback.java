package com.smarttoaster.history;

import java.util.List;

/**
 * Where recorded cycles leave the appliance for training: the one hand-over point from history to
 * the dataset (the model issue's conversion of rated records into training rows takes its input
 * from {@link #ratedCycles}).
 */
public final class TrainingFeedback {
  private TrainingFeedback() {}

  /**
   * The recorded cycles that carry a rating, oldest first: the user's verdict makes them training
   * examples. Only cycles that ran to their end are rated ({@code taste.RatingDesk} holds the rules
   * for every channel), so cancelled, faulted, running and interrupted cycles do not appear here;
   * {@link com.smarttoaster.dataset.FeedbackToTrainingRows} leaves them out in any case. A cycle's
   * shade is the one it was predicted for, after the household's taste offset.
   */
  public static List<CycleRecord> ratedCycles(CycleHistory history) {
    return history.all().stream().filter(r -> r.rating() != null).toList();
  }
}
