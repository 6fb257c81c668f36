package com.smarttoaster.input;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;

/**
 * Random damage to input documents, for properties that say "whatever the file contains, the reader
 * only ever throws its own checked exception". Deterministic for a given {@link Random}.
 */
public final class Mutations {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final String[] TOKENS = {
    "{",
    "}",
    "[",
    "]",
    ",",
    ":",
    "\"",
    "'",
    "null",
    "true",
    "false",
    "-",
    "0",
    "1e999",
    "-1e-999",
    "NaN",
    "Infinity",
    "0x1F",
    "1_000",
    ".inf",
    ".nan",
    "~",
    "yes",
    "&a",
    "*a",
    "!!binary",
    "!foo",
    "---",
    "...",
    "\n",
    "\t",
    " ",
    "  ",
    "- ",
    "? ",
    "#",
    "%YAML 1.2\n",
    "\u0000",
    "\uFEFF",
    "\uD83C\uDF5E",
    "é",
    "\\u0000",
    "\\",
    "99999999999999999999999",
    "4.5",
    "safety:",
    "cutoffC:",
    "appliance:",
    "kind",
    "oracle",
    "<<: *a",
    "|",
    ">",
    "{a: 1}",
    "[1, [2, [3]]]"
  };
  private static final String[] IDS = {
    "sensor-open",
    "sensor-drift",
    "overheat",
    "cancel",
    "arm-remote-start",
    "white",
    "bagel",
    "toast",
    "pi",
    "simulated",
    "model",
    "oracle",
    "debug",
    "kitchen",
    "",
    " ",
    "\u0000",
    "rateCPerS",
    "a".repeat(300)
  };

  private Mutations() {}

  /** Applies 1 to 4 random text edits. */
  public static String text(String s, Random r) {
    int n = 1 + r.nextInt(4);
    for (int i = 0; i < n; i++) {
      s = textOnce(s, r);
    }
    return s;
  }

  private static String textOnce(String s, Random r) {
    int len = s.length();
    int at = len == 0 ? 0 : r.nextInt(len + 1);
    int span = Math.min(len - at, 1 + r.nextInt(12));
    switch (r.nextInt(6)) {
      case 0:
        return s.substring(0, at) + s.substring(at + span);
      case 1:
        return s.substring(0, at) + TOKENS[r.nextInt(TOKENS.length)] + s.substring(at);
      case 2:
        return s.substring(0, at) + TOKENS[r.nextInt(TOKENS.length)] + s.substring(at + span);
      case 3:
        return s.substring(0, at);
      case 4:
        return s.substring(0, at) + s.substring(at, at + span) + s.substring(at);
      default:
        return s.substring(0, at) + (char) r.nextInt(0x3000) + s.substring(at);
    }
  }

  /** Applies 1 to 3 random edits to the tree: replace a value, remove a key, or add a key. */
  public static JsonNode tree(JsonNode root, Random r) {
    JsonNode copy = root.deepCopy();
    int n = 1 + r.nextInt(3);
    for (int i = 0; i < n; i++) {
      List<ObjectNode> objects = new ArrayList<>();
      collectObjects(copy, objects);
      if (objects.isEmpty()) {
        return value(r, 0);
      }
      ObjectNode target = objects.get(r.nextInt(objects.size()));
      List<String> keys = new ArrayList<>();
      target.fieldNames().forEachRemaining(keys::add);
      int op = r.nextInt(3);
      if (op == 0 && !keys.isEmpty()) {
        target.set(keys.get(r.nextInt(keys.size())), value(r, 0));
      } else if (op == 1 && !keys.isEmpty()) {
        target.remove(keys.get(r.nextInt(keys.size())));
      } else {
        String key =
            r.nextBoolean() && !keys.isEmpty()
                ? keys.get(r.nextInt(keys.size())) + "x"
                : IDS[r.nextInt(IDS.length)];
        target.set(key, value(r, 0));
      }
    }
    return copy;
  }

  /** A random JSON value, biased towards the awkward. */
  public static JsonNode value(Random r, int depth) {
    switch (r.nextInt(depth > 2 ? 12 : 14)) {
      case 0:
        return NODES.numberNode(r.nextInt(21) - 10);
      case 1:
        return NODES.numberNode(r.nextLong());
      case 2:
        return NODES.numberNode(new BigInteger("123456789012345678901234567890"));
      case 3:
        return NODES.numberNode((r.nextDouble() - 0.5) * Math.pow(10, r.nextInt(40) - 10));
      case 4:
        return NODES.numberNode(
            new double[] {0.0, -0.0, 4.5, 1e308, -1e308, Double.MIN_VALUE, 3600.0000001}
                [r.nextInt(7)]);
      case 5:
        return NODES.textNode(IDS[r.nextInt(IDS.length)]);
      case 6:
        return NODES.textNode(Integer.toString(r.nextInt(400)));
      case 7:
        return NODES.booleanNode(r.nextBoolean());
      case 8:
        return NODES.nullNode();
      case 9:
        return NODES.textNode(new String(Character.toChars(r.nextInt(0x10FFFF - 0xE000) + 0xE000)));
      case 10:
        return NODES.arrayNode();
      case 11:
        return NODES.objectNode();
      case 12:
        {
          ArrayNode a = NODES.arrayNode();
          int n = r.nextInt(4);
          for (int i = 0; i < n; i++) {
            a.add(value(r, depth + 1));
          }
          return a;
        }
      default:
        {
          ObjectNode o = NODES.objectNode();
          int n = r.nextInt(4);
          for (int i = 0; i < n; i++) {
            o.set(IDS[r.nextInt(IDS.length)], value(r, depth + 1));
          }
          return o;
        }
    }
  }

  private static void collectObjects(JsonNode n, List<ObjectNode> out) {
    if (n.isObject()) {
      out.add((ObjectNode) n);
    }
    Iterator<JsonNode> it = n.elements();
    while (it.hasNext()) {
      collectObjects(it.next(), out);
    }
  }
}
