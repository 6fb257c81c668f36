package com.smarttoaster.history;

import com.smarttoaster.predict.Prediction;
import com.smarttoaster.predict.PredictionInput;
import com.smarttoaster.safety.FaultCode;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One toasting cycle as the appliance records it: what it knew, what it predicted, what happened,
 * and – later, if the user says – how the toast turned out. Recorded cycles with a rating become
 * training rows through {@link com.smarttoaster.dataset.FeedbackToTrainingRows}. Durable storage
 * arrives with the MQTT/database issue; until then records live in memory or in a CSV file ({@link
 * CycleRecordCsv}).
 *
 * @param cycleId unique id of the cycle (e.g. a UUID); also decides the training split of its row
 * @param deviceId the appliance's configured id
 * @param startTime when the cycle started
 * @param input what the appliance knew at the start (settings, chamber and ambient readings,
 *     configured mains)
 * @param prediction the time used, the predictor that gave it and why a fallback was used (if so)
 * @param outcome how the cycle ended
 * @param faultCode the latched fault when {@code outcome} is FAULT, else null
 * @param heaterOnS how long the heater was actually on, s; 0 while the outcome is running or
 *     interrupted, where it is unknown ({@link CycleOutcome#heaterTimeKnown()})
 * @param achievedShade the shade reached, known only in simulation; null on a real appliance
 * @param rating the user's rating, null until (unless) the user gives one
 * @param modelVersion the version of the model the cycle's predictor ran (its card's modelVersion,
 *     whether or not the cycle then used the model's answer); null when the predictor was no model
 *     or the cycle was recorded before versions were
 * @param watch what monitoring saw of the model on this cycle (shadow candidate, checker
 *     disagreement, envelope distance); {@link ModelWatch#NONE} when nothing was watched
 */
public record CycleRecord(
    String cycleId,
    String deviceId,
    Instant startTime,
    PredictionInput input,
    Prediction prediction,
    CycleOutcome outcome,
    @Nullable FaultCode faultCode,
    double heaterOnS,
    @Nullable Double achievedShade,
    @Nullable Rating rating,
    @Nullable String modelVersion,
    ModelWatch watch) {

  /** A record without a model version. */
  public CycleRecord(
      String cycleId,
      String deviceId,
      Instant startTime,
      PredictionInput input,
      Prediction prediction,
      CycleOutcome outcome,
      @Nullable FaultCode faultCode,
      double heaterOnS,
      @Nullable Double achievedShade,
      @Nullable Rating rating) {
    this(
        cycleId,
        deviceId,
        startTime,
        input,
        prediction,
        outcome,
        faultCode,
        heaterOnS,
        achievedShade,
        rating,
        null);
  }

  /** A record without monitoring fields. */
  public CycleRecord(
      String cycleId,
      String deviceId,
      Instant startTime,
      PredictionInput input,
      Prediction prediction,
      CycleOutcome outcome,
      @Nullable FaultCode faultCode,
      double heaterOnS,
      @Nullable Double achievedShade,
      @Nullable Rating rating,
      @Nullable String modelVersion) {
    this(
        cycleId,
        deviceId,
        startTime,
        input,
        prediction,
        outcome,
        faultCode,
        heaterOnS,
        achievedShade,
        rating,
        modelVersion,
        ModelWatch.NONE);
  }

  public CycleRecord {
    watch = watch == null ? ModelWatch.NONE : watch;
    requireText("cycleId", cycleId);
    requireText("deviceId", deviceId);
    Objects.requireNonNull(startTime, "startTime");
    Objects.requireNonNull(input, "input");
    Objects.requireNonNull(prediction, "prediction");
    Objects.requireNonNull(outcome, "outcome");
    if ((outcome == CycleOutcome.FAULT) != (faultCode != null)) {
      throw new IllegalArgumentException(
          "cycle "
              + cycleId
              + ": faultCode "
              + faultCode
              + " does not fit outcome "
              + outcome.id()
              + " (a fault code is given exactly when the outcome is fault)");
    }
    if (!(heaterOnS >= 0) || Double.isInfinite(heaterOnS)) {
      throw new IllegalArgumentException(
          "cycle "
              + cycleId
              + ": heaterOnS "
              + heaterOnS
              + " must be a finite time of 0 s or more");
    }
    // A number here would be read as a measurement; 0 is the agreed "not known".
    if (!outcome.heaterTimeKnown() && heaterOnS != 0) {
      throw new IllegalArgumentException(
          "cycle "
              + cycleId
              + ": heaterOnS "
              + heaterOnS
              + " must be 0 for outcome "
              + outcome.id()
              + " (the heater time of a cycle that did not end is unknown)");
    }
    if (achievedShade != null && !Double.isFinite(achievedShade)) {
      throw new IllegalArgumentException(
          "cycle " + cycleId + ": achievedShade " + achievedShade + " must be finite");
    }
  }

  /** The same record with the user's rating. */
  public CycleRecord withRating(Rating newRating) {
    return new CycleRecord(
        cycleId,
        deviceId,
        startTime,
        input,
        prediction,
        outcome,
        faultCode,
        heaterOnS,
        achievedShade,
        newRating,
        modelVersion,
        watch);
  }

  /** This running cycle's record, closed as interrupted; its heater time stays unknown (0). */
  public CycleRecord interrupted() {
    if (outcome != CycleOutcome.RUNNING) {
      throw new IllegalStateException(
          "cycle "
              + cycleId
              + " is "
              + outcome.id()
              + ", not running; only a running"
              + " cycle can be closed as interrupted");
    }
    return new CycleRecord(
        cycleId,
        deviceId,
        startTime,
        input,
        prediction,
        CycleOutcome.INTERRUPTED,
        null,
        0,
        achievedShade,
        rating,
        modelVersion,
        watch);
  }

  /** The same record with the version of the model that ran the cycle. */
  public CycleRecord withModelVersion(@Nullable String version) {
    return new CycleRecord(
        cycleId,
        deviceId,
        startTime,
        input,
        prediction,
        outcome,
        faultCode,
        heaterOnS,
        achievedShade,
        rating,
        version,
        watch);
  }

  /** The same record with what monitoring saw of the model. */
  public CycleRecord withWatch(ModelWatch w) {
    return new CycleRecord(
        cycleId,
        deviceId,
        startTime,
        input,
        prediction,
        outcome,
        faultCode,
        heaterOnS,
        achievedShade,
        rating,
        modelVersion,
        w);
  }

  private static void requireText(String name, String v) {
    if (v == null || v.isBlank()) {
      throw new IllegalArgumentException(name + " is required and must not be blank");
    }
    if (v.chars().anyMatch(ch -> ch == ',' || ch == '"' || ch == '\n' || ch == '\r')) {
      throw new IllegalArgumentException(
          name + " '" + v + "' must not contain commas, quotes or line breaks");
    }
  }
}
