package com.smarttoaster.input;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BigIntegerNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Builds a tree from a JSON or YAML parser, stricter than the parser alone: a key given twice is a
 * problem named by its path; in YAML, aliases, anchored mappings and lists, and tags are refused
 * (Jackson does not report an anchor on a plain value, which is harmless since its alias is
 * refused), numbers must be plain decimals (no 0x1F, 1_000, 012 or .inf) and booleans must be
 * written {@code true} or {@code false} (not yes/no/on/off). Problems that have a path go to {@link
 * Problems}; a document that cannot be parsed at all is a {@link SyntaxError}.
 */
public final class DocumentTree {
  /** Deeper nesting than this is never needed by our formats and is refused. */
  public static final int MAX_DEPTH = 16;

  private static final Pattern PLAIN_DECIMAL =
      Pattern.compile(
          "[-+]?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][-+]?[0-9]+)?|[-+]?\\.[0-9]+([eE][-+]?[0-9]+)?");
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final JsonParser parser;
  private final Problems problems;
  private final boolean yaml;

  private DocumentTree(JsonParser parser, Problems problems) {
    this.parser = parser;
    this.problems = problems;
    this.yaml = parser instanceof YAMLParser;
  }

  /**
   * Reads exactly one document.
   *
   * @return the root node, or null for an empty document (nothing but whitespace and comments)
   */
  public static @Nullable JsonNode read(JsonParser parser, Problems problems) throws SyntaxError {
    return new DocumentTree(parser, problems).readDocument();
  }

  private @Nullable JsonNode readDocument() throws SyntaxError {
    JsonToken first = next();
    if (first == null) {
      return null;
    }
    JsonNode root = readValue(first, "", 0);
    JsonToken after = next();
    if (after != null) {
      throw new SyntaxError(
          line(),
          column(),
          yaml
              ? "more than one YAML document (a second '---'); the file must hold exactly one"
              : "unexpected content after the end of the top-level value");
    }
    return root;
  }

  private JsonNode readValue(JsonToken token, String path, int depth) throws SyntaxError {
    if (token == null) {
      throw new SyntaxError(line(), column(), "unexpected end of the text");
    }
    if (depth > MAX_DEPTH) {
      throw new SyntaxError(line(), column(), "nested more than " + MAX_DEPTH + " levels deep");
    }
    checkYamlExtras(path);
    switch (token) {
      case START_OBJECT:
        return readObject(path, depth);
      case START_ARRAY:
        return readArray(path, depth);
      case VALUE_STRING:
        return TextNode.valueOf(text());
      case VALUE_NUMBER_INT:
      case VALUE_NUMBER_FLOAT:
        return readNumber(token, path);
      case VALUE_TRUE:
      case VALUE_FALSE:
        return readBoolean(token, path);
      case VALUE_NULL:
        return NullNode.getInstance();
      default:
        problems.add(path, label(path) + " holds a value of a kind this file does not support");
        return TextNode.valueOf(text());
    }
  }

  private JsonNode readObject(String path, int depth) throws SyntaxError {
    ObjectNode obj = NODES.objectNode();
    JsonToken t;
    while ((t = next()) == JsonToken.FIELD_NAME) {
      String key = currentName();
      String childPath = path.isEmpty() ? Format.key(key) : path + "." + Format.key(key);
      JsonNode value = readValue(next(), childPath, depth + 1);
      if (obj.has(key)) {
        problems.add(childPath, childPath + " is given more than once; keep only one");
      } else {
        obj.set(key, value);
      }
    }
    if (t != JsonToken.END_OBJECT) {
      throw new SyntaxError(line(), column(), "unexpected end of an object");
    }
    return obj;
  }

  private JsonNode readArray(String path, int depth) throws SyntaxError {
    ArrayNode arr = NODES.arrayNode();
    JsonToken t;
    while ((t = next()) != JsonToken.END_ARRAY) {
      if (t == null) {
        throw new SyntaxError(line(), column(), "unexpected end of a list");
      }
      arr.add(readValue(t, path + "[" + arr.size() + "]", depth + 1));
    }
    return arr;
  }

  private JsonNode readNumber(JsonToken token, String path) throws SyntaxError {
    String raw = text();
    if (yaml && !PLAIN_DECIMAL.matcher(raw).matches()) {
      problems.add(
          path,
          label(path) + " = " + raw + " is not a plain decimal number; write it like 280 or 0.05");
      return TextNode.valueOf(raw);
    }
    try {
      if (token == JsonToken.VALUE_NUMBER_FLOAT) {
        return DoubleNode.valueOf(parser.getDoubleValue());
      }
      switch (parser.getNumberType()) {
        case INT:
          return IntNode.valueOf(parser.getIntValue());
        case LONG:
          return LongNode.valueOf(parser.getLongValue());
        default:
          return BigIntegerNode.valueOf(parser.getBigIntegerValue());
      }
    } catch (JsonProcessingException e) {
      throw SyntaxError.from(e);
    } catch (IOException | RuntimeException e) {
      throw new SyntaxError(line(), column(), "the number " + raw + " cannot be read");
    }
  }

  private JsonNode readBoolean(JsonToken token, String path) throws SyntaxError {
    String raw = text();
    if (yaml
        && !raw.toLowerCase(Locale.ROOT).equals(token == JsonToken.VALUE_TRUE ? "true" : "false")) {
      problems.add(path, label(path) + " = " + raw + " is ambiguous in YAML; write true or false");
      return TextNode.valueOf(raw);
    }
    return BooleanNode.valueOf(token == JsonToken.VALUE_TRUE);
  }

  private void checkYamlExtras(String path) throws SyntaxError {
    if (!yaml) {
      return;
    }
    YAMLParser y = (YAMLParser) parser;
    if (y.isCurrentAlias()) {
      problems.add(
          path, label(path) + " uses a YAML alias (*" + text() + "); write the value out instead");
    }
    String anchor;
    String tag;
    try {
      anchor = y.getObjectId();
      tag = y.getTypeId();
    } catch (IOException | RuntimeException e) {
      throw new SyntaxError(line(), column(), "the text could not be parsed");
    }
    if (anchor != null) {
      problems.add(
          path,
          label(path) + " defines a YAML anchor (&" + anchor + "); anchors are not supported");
    }
    if (tag != null) {
      problems.add(path, label(path) + " has a YAML tag (" + tag + "); tags are not supported");
    }
  }

  private static String label(String path) {
    return path.isEmpty() ? "the document" : path;
  }

  private JsonToken next() throws SyntaxError {
    try {
      return parser.nextToken();
    } catch (JsonProcessingException e) {
      throw SyntaxError.from(e);
    } catch (IOException | RuntimeException e) {
      // Parsers occasionally fail with an unchecked exception on badly broken input.
      throw new SyntaxError(line(), column(), "the text could not be parsed");
    }
  }

  private String text() throws SyntaxError {
    try {
      String t = parser.getText();
      return t == null ? "" : t;
    } catch (JsonProcessingException e) {
      throw SyntaxError.from(e);
    } catch (IOException | RuntimeException e) {
      throw new SyntaxError(line(), column(), "the text could not be parsed");
    }
  }

  private String currentName() throws SyntaxError {
    try {
      return parser.currentName();
    } catch (IOException | RuntimeException e) {
      throw new SyntaxError(line(), column(), "the text could not be parsed");
    }
  }

  private int line() {
    JsonLocation loc = location();
    return loc == null ? -1 : loc.getLineNr();
  }

  private int column() {
    JsonLocation loc = location();
    return loc == null ? -1 : loc.getColumnNr();
  }

  private @Nullable JsonLocation location() {
    try {
      return parser.currentTokenLocation();
    } catch (RuntimeException e) {
      return null;
    }
  }
}
