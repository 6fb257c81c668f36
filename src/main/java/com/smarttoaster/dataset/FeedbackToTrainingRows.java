package com.smarttoaster.dataset;

import com.smarttoaster.history.CycleOutcome;
import com.smarttoaster.history.CycleRecord;
import com.smarttoaster.history.Rating;
import com.smarttoaster.toast.ToastMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Turns rated real cycles into training rows, in the dataset's CSV schema with source {@code
 * recorded}, so that real use can retrain the model (issue 3 §8).
 *
 * <p>The label is the time that would have given the shade the user wanted, estimated from the
 * heater-on time {@code t} the cycle actually had and the user's rating:
 *
 * <ul>
 *   <li>just right → {@code t};
 *   <li>too light → {@code t·(1 + δ)};
 *   <li>too dark → {@code t·(1 − δ)};
 * </ul>
 *
 * with δ = {@value #DELTA}. A rating gives the direction, not the size, of the miss. On the
 * simulated appliance one shade step is 3–10 % of the time (about 4.5 % at medium), so 3 % moves
 * the toast by roughly half to two thirds of a step: enough for repeated ratings of similar cycles
 * to pull the model the right way, too little for one rating to overshoot into the opposite error.
 *
 * <p>Excluded, with the reason {@link #exclusionReason} gives:
 *
 * <ul>
 *   <li>no rating: the user did not say, so there is no label;
 *   <li>cancelled or refused cycles: the heater-on time is not a time that was meant to give the
 *       shade (a cancel may be a reaction to smoke, a phone call, or wrong bread), and no shade was
 *       judged;
 *   <li>fault: the supervisor cut the heat, so the time reflects the fault, not the toast;
 *   <li>running or interrupted (power cut, crash): the cycle did not end, so there is no heater-on
 *       time to learn from;
 *   <li>reheat mode: a fixed rule, not modelled;
 *   <li>a heater-on time under {@value #MIN_HEATER_ON_S} s: nothing toasted.
 * </ul>
 *
 * The bread's temperature of a real cycle is unknown, so recorded rows have empty truth columns and
 * cannot be replayed on the simulator; they train, but the test metrics stay simulated. A recorded
 * row whose hash falls into the test split therefore goes to the training split instead ({@link
 * #splitOf}): the test split is the replayed one, and a row there would be dropped from training
 * and testing alike. None is lost; validation rows stay validation rows.
 */
public final class FeedbackToTrainingRows {
  /** Relative label correction for a "too light" or "too dark" rating. */
  public static final double DELTA = 0.03;

  /** Shortest heater-on time that can have toasted anything, s. */
  public static final double MIN_HEATER_ON_S = 5.0;

  private FeedbackToTrainingRows() {}

  /** The rows of the usable records, in record order; excluded records are skipped. */
  public static List<DatasetRow> rows(List<CycleRecord> records) {
    List<DatasetRow> out = new ArrayList<>();
    for (CycleRecord r : records) {
      row(r).ifPresent(out::add);
    }
    return out;
  }

  /** The training row of one record, or empty when {@link #exclusionReason} names a reason. */
  public static Optional<DatasetRow> row(CycleRecord r) {
    Rating rating = r.rating();
    if (exclusionReason(r) != null || rating == null) { // not rated is an exclusion reason
      return Optional.empty();
    }
    long seed = SeedMix.fromText(r.cycleId());
    return Optional.of(
        new DatasetRow(
            r.cycleId(),
            seed,
            splitOf(seed),
            RowSource.RECORDED,
            r.input(),
            null,
            null,
            null,
            null,
            label(r.heaterOnS(), rating)));
  }

  /**
   * The split of a recorded row with this seed: its hash's split, except that the test split (which
   * only simulated rows can be in, as it is replayed) becomes training.
   */
  public static Split splitOf(long rowSeed) {
    Split s = Split.forRowSeed(rowSeed);
    return s == Split.TEST ? Split.TRAIN : s;
  }

  /** The corrected label of a usable record with this heater time and rating, s. */
  static double label(double heaterOnS, Rating rating) {
    double t = heaterOnS;
    switch (rating) {
      case TOO_LIGHT:
        return t * (1 + DELTA);
      case TOO_DARK:
        return t * (1 - DELTA);
      default:
        return t;
    }
  }

  /** Why a record gives no training row, or null when it does. */
  public static @Nullable String exclusionReason(CycleRecord r) {
    if (r.rating() == null) {
      return "not rated: no label";
    }
    if (!r.outcome().heaterTimeKnown()) {
      return "outcome "
          + r.outcome().id()
          + ": the cycle did not end, so its heater-on time is unknown";
    }
    if (r.outcome() != CycleOutcome.DONE) {
      return "outcome "
          + r.outcome().id()
          + (r.faultCode() == null ? "" : " (" + r.faultCode().name() + ")")
          + ": the heater-on time was not meant to give the shade";
    }
    if (r.input().settings().mode() == ToastMode.REHEAT) {
      return "reheat mode: a fixed rule, not modelled";
    }
    if (r.heaterOnS() < MIN_HEATER_ON_S) {
      return "heater on for "
          + r.heaterOnS()
          + " s, under "
          + MIN_HEATER_ON_S
          + " s: nothing toasted";
    }
    return null;
  }
}
