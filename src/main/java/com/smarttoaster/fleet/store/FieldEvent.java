package com.smarttoaster.fleet.store;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One toaster event as the collector stores it: the key (device, run, seq), the columns the rollout
 * and the dataset query, and the payload as received.
 *
 * @param deviceId from the topic, never from the payload: the broker's ACL ties a topic to its
 *     device
 * @param runId the run that wrote the event
 * @param seq its place in that run's outbox, from 1
 * @param type the event type ({@code done}, {@code rated}, …)
 * @param at when it happened, ISO-8601 as sent
 * @param cycleId the cycle it belongs to, or null
 * @param modelVersion the model version of that cycle (or the newly active one of a {@code model}
 *     event), or null
 * @param predictor the predictor of that cycle ({@code model}, {@code fallback}, …), or null
 * @param rating the rating of a {@code rated} event, or null
 * @param checker whether the device's checker overruled the model on that cycle
 * @param payload the JSON as received
 */
public record FieldEvent(
    String deviceId,
    String runId,
    long seq,
    String type,
    String at,
    @Nullable String cycleId,
    @Nullable String modelVersion,
    @Nullable String predictor,
    @Nullable String rating,
    CheckerVerdict checker,
    String payload) {
  public FieldEvent {
    Objects.requireNonNull(checker, "checker");
  }
}
