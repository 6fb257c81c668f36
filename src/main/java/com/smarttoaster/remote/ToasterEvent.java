package com.smarttoaster.remote;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One message on {@code toaster/<id>/event}. The payload is what Home Assistant's MQTT event entity
 * reads ({@code event_type}), plus what a receiver needs to drop the repeats an at-least-once
 * outbox can produce after a reconnect or a crash: {@code run}, a random id of the process run (a
 * boot of the service, one {@code simulate --mqtt-url}) that wrote the event, and {@code seq}, its
 * place in that outbox. {@code id} is the two together, {@code <run>-<seq>}: unique across runs,
 * the same for a repeat. An event left in a database outbox keeps the run that wrote it.
 *
 * @param type what happened
 * @param at when it happened (wall clock)
 * @param reason why, in words (refused, rejected, cancelled, fault, interrupted, re-predicted), or
 *     null
 * @param command the command that was rejected, or null
 * @param rating the rating given (rated events), or null
 * @param cycle the cycle it belongs to, or null
 * @param model what a model offer did ({@code model} events: written as {@code model: {active,
 *     candidate, result}}, which the fleet's collector reads), or null
 */
record ToasterEvent(
    ToasterEvent.Type type,
    Instant at,
    @Nullable String reason,
    @Nullable String command,
    @Nullable String rating,
    @Nullable CycleSummary cycle,
    OfferSink.@Nullable Report model) {

  ToasterEvent(
      Type type,
      Instant at,
      @Nullable String reason,
      @Nullable String command,
      @Nullable String rating,
      @Nullable CycleSummary cycle) {
    this(type, at, reason, command, rating, cycle, null);
  }

  /**
   * The event types Home Assistant's event entity is told about; {@link #id()} is the wire form.
   */
  enum Type {
    STARTED("started"),
    DONE("done"),
    CANCELLED("cancelled"),
    FAULT("fault"),
    REFUSED("refused"),
    REJECTED("rejected"),
    RATED("rated"),
    /** Sent at start-up for a cycle an earlier run left open: its end was never seen. */
    INTERRUPTED("interrupted"),
    /**
     * 30 s into heating the cycle's time was predicted again from the chamber's rise and changed.
     */
    REPREDICTED("re-predicted"),
    /**
     * At the press the bread thermometer changed the mode the cycle is predicted for (frozen bread
     * in toast mode, thawed bread in defrost mode), or could not be used; the reason says which.
     */
    BREAD_CHECKED("bread-checked"),
    /**
     * A rolling model figure crossed its threshold (model.health), or came back within it; the
     * reason says which.
     */
    MODEL_HEALTH("model-health"),
    /**
     * The active installed model was refused or missing at start or on a switch: the factory model
     * runs instead.
     */
    MODEL_REFUSED("model-refused"),
    /**
     * A model offer was handled (mqtt.acceptModelOffers): installed, activated, refused or
     * reverted; the reason says which.
     */
    MODEL("model");

    private final String id;

    Type(String id) {
      this.id = id;
    }

    String id() {
      return id;
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  byte[] toJson(long seq, String deviceId, String runId) {
    ObjectNode n = JSON.createObjectNode();
    n.put("event_type", type.id());
    n.put("id", runId + "-" + seq);
    n.put("run", runId);
    n.put("seq", seq);
    n.put("device", deviceId);
    n.put("at", at.toString());
    n.put("reason", reason);
    if (command != null) {
      n.put("command", command);
    }
    if (rating != null) {
      n.put("rating", rating);
    }
    if (model != null) {
      ObjectNode m = n.putObject("model");
      m.put("active", model.active());
      m.put("candidate", model.candidate());
      m.put("result", model.result());
    }
    if (cycle != null) {
      cycle.writeTo(n.putObject("cycle"));
    } else {
      n.putNull("cycle");
    }
    return n.toString().getBytes(StandardCharsets.UTF_8);
  }
}
