package com.smarttoaster.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Builds test scenario JSON: a valid base with one field replaced or removed. */
final class ScenarioJson {
  static final ObjectMapper MAPPER = new ObjectMapper();

  static final String BASE =
      """
      {
        "version": 1,
        "name": "base",
        "seed": 1,
        "ambientC": 21.0,
        "mainsVolts": 230.0,
        "chamberStartC": 21.0,
        "slices": 2,
        "bread": {"type": "white", "thicknessMm": 12, "startC": 21.0},
        "shade": 4,
        "mode": "toast",
        "faults": [
          {"kind": "sensor-open", "atS": 30.0},
          {"kind": "sensor-drift", "atS": 10.0, "rateCPerS": 2.0}
        ],
        "actions": [{"atS": 45.0, "do": "cancel"}]
      }
      """;

  private ScenarioJson() {}

  /**
   * The base with the field at {@code path} (e.g. "bread.thicknessMm", "faults[1].rateCPerS") set
   * to raw JSON.
   */
  static String with(String path, String rawJson) {
    try {
      ObjectNode root = (ObjectNode) MAPPER.readTree(BASE);
      JsonNode value = MAPPER.readTree(rawJson);
      Target t = navigate(root, path);
      t.parent.set(t.key, value);
      return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** The base without the fields at {@code paths}. */
  static String without(String... paths) {
    try {
      ObjectNode root = (ObjectNode) MAPPER.readTree(BASE);
      for (String path : paths) {
        Target t = navigate(root, path);
        t.parent.remove(t.key);
      }
      return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private record Target(ObjectNode parent, String key) {}

  private static Target navigate(ObjectNode root, String path) {
    String[] parts = path.split("\\.");
    ObjectNode node = root;
    for (int i = 0; i < parts.length - 1; i++) {
      node = (ObjectNode) step(node, parts[i]);
    }
    String last = parts[parts.length - 1];
    if (last.contains("[")) {
      throw new IllegalArgumentException("path must end in a field: " + path);
    }
    return new Target(node, last);
  }

  private static JsonNode step(ObjectNode node, String part) {
    int bracket = part.indexOf('[');
    if (bracket < 0) {
      return node.get(part);
    }
    ArrayNode arr = (ArrayNode) node.get(part.substring(0, bracket));
    return arr.get(Integer.parseInt(part.substring(bracket + 1, part.length() - 1)));
  }
}
