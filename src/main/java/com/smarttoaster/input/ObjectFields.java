package com.smarttoaster.input;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Typed, checked access to the fields of one JSON/YAML object. Every getter either returns a valid
 * value or records exactly one problem naming the field's full path, the value found and what is
 * allowed, and returns empty. "Optional" getters return empty without a problem when the field is
 * absent; "required" getters record "is required".
 *
 * <p>Whole numbers may be written as 4 or 4.0; 4.5 is not a whole number. Null (or, in YAML, an
 * empty value) is never a valid value: write the value or leave the field out.
 */
public final class ObjectFields {
  private final ObjectNode node;
  private final String path;
  private final Problems problems;
  private final String noun;

  /**
   * @param node the object
   * @param path its path ("" for the top level)
   * @param problems where problems go
   * @param noun what a key is called in messages: "field" or "option"
   */
  public ObjectFields(ObjectNode node, String path, Problems problems, String noun) {
    this.node = node;
    this.path = path;
    this.problems = problems;
    this.noun = noun;
  }

  /** An object with no fields, for an absent optional section. */
  public static ObjectFields empty(String path, Problems problems, String noun) {
    return new ObjectFields(JsonNodeFactory.instance.objectNode(), path, problems, noun);
  }

  /** The full path of one of this object's fields. */
  public String path(String key) {
    return path.isEmpty() ? Format.key(key) : path + "." + Format.key(key);
  }

  /** This object's own path. */
  public String path() {
    return path;
  }

  public boolean has(String key) {
    return node.has(key);
  }

  public Problems problems() {
    return problems;
  }

  // ---- numbers -------------------------------------------------------------------------------

  public OptionalDouble decimal(String key, NumberRange range) {
    return decimal(key, range, false);
  }

  public OptionalDouble requiredDecimal(String key, NumberRange range) {
    return decimal(key, range, true);
  }

  private OptionalDouble decimal(String key, NumberRange range, boolean required) {
    String expected = "a number " + range.describe();
    JsonNode v = present(key, required, expected);
    if (v == null) {
      return OptionalDouble.empty();
    }
    if (!v.isNumber()) {
      wrongType(key, v, expected);
      return OptionalDouble.empty();
    }
    double d = v.doubleValue();
    if (!Double.isFinite(d)) {
      add(
          key,
          path(key) + " = " + Format.value(v) + " is not a finite number; expected " + expected);
      return OptionalDouble.empty();
    }
    if (!range.contains(d)) {
      outOfRange(key, v, expected);
      return OptionalDouble.empty();
    }
    return OptionalDouble.of(d);
  }

  public OptionalLong integer(String key, long min, long max) {
    return integer(key, min, max, false);
  }

  public OptionalLong requiredInteger(String key, long min, long max) {
    return integer(key, min, max, true);
  }

  private OptionalLong integer(String key, long min, long max, boolean required) {
    String expected =
        min == Long.MIN_VALUE && max == Long.MAX_VALUE
            ? "a whole number"
            : "a whole number from " + min + " to " + max;
    JsonNode v = present(key, required, expected);
    if (v == null) {
      return OptionalLong.empty();
    }
    if (!v.isNumber()) {
      wrongType(key, v, expected);
      return OptionalLong.empty();
    }
    BigDecimal exact;
    if (v.isFloatingPointNumber()) {
      double d = v.doubleValue();
      if (!Double.isFinite(d) || d != Math.rint(d)) {
        add(
            key,
            path(key) + " = " + Format.value(v) + " is not a whole number; expected " + expected);
        return OptionalLong.empty();
      }
      exact = BigDecimal.valueOf(d);
    } else {
      exact = new BigDecimal(v.bigIntegerValue());
    }
    if (exact.compareTo(BigDecimal.valueOf(min)) < 0
        || exact.compareTo(BigDecimal.valueOf(max)) > 0) {
      outOfRange(key, v, expected);
      return OptionalLong.empty();
    }
    return OptionalLong.of(exact.longValueExact());
  }

  // ---- booleans, text, choices ----------------------------------------------------------------

  public Optional<Boolean> bool(String key, boolean required) {
    String expected = "true or false";
    JsonNode v = present(key, required, expected);
    if (v == null) {
      return Optional.empty();
    }
    if (!v.isBoolean()) {
      wrongType(key, v, expected);
      return Optional.empty();
    }
    return Optional.of(v.booleanValue());
  }

  /** Text that must match {@code pattern} entirely; {@code expected} describes it for messages. */
  public Optional<String> text(String key, boolean required, Pattern pattern, String expected) {
    JsonNode v = present(key, required, expected);
    if (v == null) {
      return Optional.empty();
    }
    if (!v.isTextual()) {
      wrongType(key, v, expected);
      return Optional.empty();
    }
    String s = v.textValue();
    if (!pattern.matcher(s).matches()) {
      add(key, path(key) + " = " + Format.value(v) + " is not allowed; expected " + expected);
      return Optional.empty();
    }
    return Optional.of(s);
  }

  /**
   * One of a fixed set of ids.
   *
   * @param byId allowed ids in the order they are listed in messages
   * @param refused ids that look plausible but are refused, with the reason to show
   */
  public <E> Optional<E> choice(
      String key, boolean required, Map<String, E> byId, Map<String, String> refused) {
    String expected = "one of: " + String.join(", ", byId.keySet());
    JsonNode v = present(key, required, expected);
    if (v == null) {
      return Optional.empty();
    }
    if (!v.isTextual()) {
      wrongType(key, v, expected);
      return Optional.empty();
    }
    String id = v.textValue();
    if (refused.containsKey(id)) {
      add(
          key,
          path(key)
              + " = "
              + Format.value(v)
              + " is not allowed: "
              + refused.get(id)
              + "; expected "
              + expected);
      return Optional.empty();
    }
    E e = byId.get(id);
    if (e == null) {
      String hint =
          ClosestName.to(id, byId.keySet()).map(s -> " (did you mean " + s + "?)").orElse("");
      add(
          key,
          path(key)
              + " = "
              + Format.value(v)
              + " is not an allowed value"
              + hint
              + "; expected "
              + expected);
      return Optional.empty();
    }
    return Optional.of(e);
  }

  public <E> Optional<E> choice(String key, boolean required, Map<String, E> byId) {
    return choice(key, required, byId, Map.of());
  }

  // ---- nested structures ----------------------------------------------------------------------

  /** A nested object; empty (with a problem) when it is absent and required, or not an object. */
  public Optional<ObjectFields> object(String key, boolean required) {
    String expected = "an object {...}";
    JsonNode v = present(key, required, expected);
    if (v == null) {
      return Optional.empty();
    }
    if (!v.isObject()) {
      wrongType(key, v, expected);
      return Optional.empty();
    }
    return Optional.of(new ObjectFields((ObjectNode) v, path(key), problems, noun));
  }

  /**
   * A config section: absent, null or (in YAML) an empty value all mean "no options set". Anything
   * else but a mapping is a problem, and then empty is returned. Its keys are called "option".
   */
  public Optional<ObjectFields> section(String key) {
    JsonNode v = node.get(key);
    if (v == null || v.isNull() || (v.isTextual() && v.textValue().isEmpty())) {
      return Optional.of(empty(path(key), problems, "option"));
    }
    if (problems.hasAt(path(key))) {
      return Optional.empty();
    }
    if (!v.isObject()) {
      wrongType(key, v, "a mapping of options (key: value lines indented under " + key + ":)");
      return Optional.empty();
    }
    return Optional.of(new ObjectFields((ObjectNode) v, path(key), problems, "option"));
  }

  /**
   * A list of objects; absent gives empty without a problem. Elements that are not objects are
   * problems and are left out of the result.
   */
  public Optional<List<ObjectFields>> objectList(String key, int maxItems) {
    String expected = "a list of objects [{...}, ...] with at most " + maxItems + " entries";
    JsonNode v = present(key, false, expected);
    if (v == null) {
      return Optional.empty();
    }
    if (!v.isArray()) {
      wrongType(key, v, expected);
      return Optional.empty();
    }
    if (v.size() > maxItems) {
      add(key, path(key) + " has " + v.size() + " entries; at most " + maxItems + " are allowed");
      return Optional.empty();
    }
    List<ObjectFields> out = new ArrayList<>();
    for (int i = 0; i < v.size(); i++) {
      JsonNode e = v.get(i);
      String p = path(key) + "[" + i + "]";
      if (problems.hasAt(p)) {
        continue;
      }
      if (!e.isObject()) {
        problems.add(
            p, p + " = " + Format.value(e) + " has the wrong type; expected an object {...}");
        continue;
      }
      out.add(new ObjectFields((ObjectNode) e, p, problems, noun));
    }
    return Optional.of(out);
  }

  // ---- unknown keys ---------------------------------------------------------------------------

  /** Records a problem for each key that is not in {@code known}, suggesting the closest one. */
  public void rejectUnknown(Collection<String> known) {
    rejectUnknown(known, k -> null);
  }

  /**
   * Like {@link #rejectUnknown(Collection)}; {@code elsewhere} may return a hint for a key that is
   * valid somewhere else (e.g. "it belongs in section appliance"), or null.
   */
  public void rejectUnknown(Collection<String> known, Function<String, String> elsewhere) {
    Iterator<String> names = node.fieldNames();
    while (names.hasNext()) {
      String key = names.next();
      if (known.contains(key)) {
        continue;
      }
      String p = path(key);
      String where = path.isEmpty() ? "" : " in " + path;
      String hint = elsewhere.apply(key);
      String msg;
      if (hint != null) {
        msg = p + " is not a known " + noun + where + "; " + hint;
      } else {
        msg =
            ClosestName.to(key, known)
                .map(s -> p + " is not a known " + noun + "; did you mean " + path(s) + "?")
                .orElse(
                    p
                        + " is not a known "
                        + noun
                        + where
                        + "; known "
                        + noun
                        + "s: "
                        + String.join(", ", known));
      }
      problems.add(p, msg);
    }
  }

  // ---- helpers --------------------------------------------------------------------------------

  /** The value to check, or null when there is nothing to check (absent, null, or already bad). */
  private @Nullable JsonNode present(String key, boolean required, String expected) {
    JsonNode v = node.get(key);
    String p = path(key);
    if (v == null) {
      if (required) {
        problems.add(p, p + " is required; expected " + expected);
      }
      return null;
    }
    if (problems.hasAt(p)) {
      return null; // already reported while parsing (e.g. a YAML alias or a hex number)
    }
    if (v.isNull() || (v.isTextual() && v.textValue().isEmpty())) {
      problems.add(
          p,
          p
              + " has no value; expected "
              + expected
              + (required ? "" : ", or leave " + key + " out"));
      return null;
    }
    return v;
  }

  private void wrongType(String key, JsonNode v, String expected) {
    add(key, path(key) + " = " + Format.value(v) + " has the wrong type; expected " + expected);
  }

  private void outOfRange(String key, JsonNode v, String expected) {
    add(key, path(key) + " = " + Format.value(v) + " is out of range; expected " + expected);
  }

  private void add(String key, String message) {
    problems.add(path(key), message);
  }
}
