package com.smarttoaster.fleet.collect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.smarttoaster.fleet.store.CheckerVerdict;
import com.smarttoaster.fleet.store.FieldEvent;
import com.smarttoaster.fleet.store.ModelReport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads a toaster's event (docs/contracts.md, "event payload") off {@code toaster/<id>/event}. The
 * device id comes from the topic, which the broker's ACL ties to the device's login; a payload that
 * names another device is refused. What is malformed is refused with one line naming the field and
 * the value: such a message would be as malformed on redelivery, so the collector acknowledges and
 * drops it.
 */
public final class EventParser {
  static final int MAX_PAYLOAD_BYTES = 16 * 1024;
  private static final Pattern ID = Pattern.compile("[a-z0-9-]{1,64}");
  private static final Pattern RUN = Pattern.compile("[A-Za-z0-9-]{1,64}");

  /** What the guard's checker says when it overrules the model (predict.GuardedPredictor). */
  static final String CHECKER_REASON = "the non-ML estimate";

  private static final ObjectMapper JSON = new ObjectMapper();

  private EventParser() {}

  /**
   * @throws IllegalArgumentException naming the field, its value and the rule
   */
  public static FieldEvent parse(String topic, byte[] payload) {
    String[] parts = topic.split("/");
    if (parts.length != 3
        || !"toaster".equals(parts[0])
        || !"event".equals(parts[2])
        || !ID.matcher(parts[1]).matches()) {
      throw new IllegalArgumentException("topic '" + topic + "' is not toaster/<device id>/event");
    }
    String device = parts[1];
    if (payload.length > MAX_PAYLOAD_BYTES) {
      throw new IllegalArgumentException(
          "event from "
              + device
              + " is "
              + payload.length
              + " bytes, more than "
              + MAX_PAYLOAD_BYTES);
    }
    String text = new String(payload, StandardCharsets.UTF_8);
    JsonNode n;
    try {
      n = JSON.readTree(text);
    } catch (IOException e) {
      throw new IllegalArgumentException("event from " + device + " is not JSON");
    }
    if (n == null || !n.isObject()) {
      throw new IllegalArgumentException("event from " + device + " is not a JSON object");
    }
    String named = optional(n, "device");
    if (named != null && !named.equals(device)) {
      throw new IllegalArgumentException(
          "event on " + topic + ": device '" + named + "' is not the topic's device");
    }
    String run = required(n, "run", device);
    if (!RUN.matcher(run).matches()) {
      throw new IllegalArgumentException(
          "event from " + device + ": run '" + run + "' is not 1-64 of A-Z a-z 0-9 -");
    }
    JsonNode seqNode = n.get("seq");
    if (seqNode == null
        || !seqNode.canConvertToLong()
        || !seqNode.isIntegralNumber()
        || seqNode.asLong() < 1) {
      throw new IllegalArgumentException(
          "event from " + device + ": seq " + seqNode + " is not a whole number ≥ 1");
    }
    String type = required(n, "event_type", device);
    if (type.length() > 32) {
      throw new IllegalArgumentException(
          "event from " + device + ": event_type is longer than 32 characters");
    }
    String at = required(n, "at", device);
    JsonNode cycle = n.path("cycle");
    String modelVersion =
        ModelReport.EVENT_TYPE.equals(type)
            ? optional(n.path("model"), "active")
            : optional(cycle, "modelVersion");
    return new FieldEvent(
        device,
        run,
        seqNode.asLong(),
        type,
        limited(at, 40),
        limit(optional(cycle, "cycleId"), 64),
        limit(modelVersion, 80),
        limit(optional(cycle, "predictor"), 32),
        limit(optional(n, "rating"), 16),
        checker(cycle),
        text);
  }

  /**
   * Whether the guard's checker overruled the model on this cycle: an explicit {@code
   * checkerDisagreed} if the device sends one, else read from the fallback reason the guard writes
   * (predict.GuardedPredictor: "... the non-ML estimate ..."); not reported for an event without a
   * cycle.
   */
  static CheckerVerdict checker(JsonNode cycle) {
    JsonNode explicit = cycle.get("checkerDisagreed");
    if (explicit != null && explicit.isBoolean()) {
      return CheckerVerdict.of(explicit.asBoolean());
    }
    if (optional(cycle, "predictor") == null) {
      return CheckerVerdict.NOT_REPORTED;
    }
    String reason = optional(cycle, "fallbackReason");
    return CheckerVerdict.of(reason != null && reason.contains(CHECKER_REASON));
  }

  private static String required(JsonNode n, String field, String device) {
    String v = optional(n, field);
    if (v == null || v.isEmpty()) {
      throw new IllegalArgumentException(
          "event from " + device + ": field '" + field + "' is missing");
    }
    return v;
  }

  private static @Nullable String optional(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() || !v.isValueNode() ? null : v.asText();
  }

  private static @Nullable String limit(@Nullable String s, int max) {
    return s == null ? null : limited(s, max);
  }

  private static String limited(String s, int max) {
    if (s.length() > max) {
      throw new IllegalArgumentException(
          "value '" + s.substring(0, 20) + "…' is longer than " + max + " characters");
    }
    return s;
  }
}
