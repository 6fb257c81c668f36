package com.smarttoaster.input;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;

/** How values appear in messages: numbers without noise, text quoted, long text shortened. */
public final class Format {
  private static final int MAX_SHOWN = 60;
  private static final java.util.regex.Pattern SIMPLE_KEY =
      java.util.regex.Pattern.compile("[A-Za-z0-9_-]{1,40}");

  private Format() {}

  /** 280.0 → "280", 0.05 → "0.05", very large or small values in scientific notation. */
  public static String number(double v) {
    if (!Double.isFinite(v)) {
      return Double.toString(v);
    }
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return Long.toString((long) v);
    }
    double a = Math.abs(v);
    if (a >= 1e-4 && a < 1e15) {
      return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }
    return Double.toString(v);
  }

  /**
   * A key as it appears in a path: plain when it is a simple name, else JSON-quoted and shortened,
   * so that a strange key cannot break a message across lines.
   */
  public static String key(String key) {
    if (SIMPLE_KEY.matcher(key).matches()) {
      return key;
    }
    String quoted = com.fasterxml.jackson.databind.node.TextNode.valueOf(key).toString();
    return quoted.length() > MAX_SHOWN ? quoted.substring(0, MAX_SHOWN) + "...\"" : quoted;
  }

  /**
   * A value as the user wrote it: numbers and booleans bare, text in quotes, containers by kind.
   */
  public static String value(JsonNode node) {
    if (node == null || node.isMissingNode()) {
      return "(nothing)";
    }
    if (node.isObject()) {
      return "an object {...}";
    }
    if (node.isArray()) {
      return "a list [...]";
    }
    if (node.isFloatingPointNumber()) {
      return number(node.doubleValue());
    }
    String shown = node.toString(); // JSON form: quotes and escapes control characters
    if (shown.length() > MAX_SHOWN) {
      shown = shown.substring(0, MAX_SHOWN) + "...";
    }
    return shown;
  }
}
