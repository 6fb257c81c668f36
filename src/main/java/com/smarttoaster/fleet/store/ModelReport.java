package com.smarttoaster.fleet.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import org.jspecify.annotations.Nullable;

/**
 * A device's {@code model} event: what its offer handler did and which versions are active and
 * waiting. Payload fields beside the event's own: {@code model: {active, candidate, result}}.
 */
public record ModelReport(
    @Nullable String active, @Nullable String candidate, @Nullable String result) {
  /** The event type a device sends after its offer handler acted. */
  public static final String EVENT_TYPE = "model";

  private static final ObjectMapper JSON = new ObjectMapper();

  static ModelReport of(FieldEvent e) {
    try {
      JsonNode m = JSON.readTree(e.payload()).path("model");
      return new ModelReport(e.modelVersion(), text(m, "candidate"), text(m, "result"));
    } catch (IOException ex) {
      return new ModelReport(e.modelVersion(), null, null);
    }
  }

  private static @Nullable String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }
}
