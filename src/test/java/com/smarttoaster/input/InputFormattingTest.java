package com.smarttoaster.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.TextNode;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InputFormattingTest {
  @Test
  void rangesDescribeThemselves() {
    assertEquals("from 3 to 60 mm", NumberRange.closed(3, 60, "mm").describe());
    assertEquals("above 0 and at most 3600 s", NumberRange.aboveAndAtMost(0, 3600, "s").describe());
    assertEquals("from 0.01 to 0.1 s", NumberRange.closed(0.01, 0.1, "s").describe());
    assertEquals("any finite value in s", NumberRange.anyFinite("s").describe());
  }

  @Test
  void rangesNeverContainNanOrInfinity() {
    NumberRange any = NumberRange.anyFinite("");
    assertFalse(any.contains(Double.NaN));
    assertFalse(any.contains(Double.POSITIVE_INFINITY));
    assertTrue(any.contains(-1e300));
    assertFalse(NumberRange.aboveAndAtMost(0, 1, "").contains(0));
    assertTrue(NumberRange.aboveAndAtMost(0, 1, "").contains(1));
  }

  @Test
  void numbersAreShownWithoutNoise() {
    assertEquals("280", Format.number(280.0));
    assertEquals("0.05", Format.number(0.05));
    assertEquals("-40", Format.number(-40));
    assertEquals("1.0E-10", Format.number(1e-10));
    assertEquals("NaN", Format.number(Double.NaN));
  }

  @Test
  void strangeKeysAndLongValuesCannotBreakAMessage() {
    assertEquals("cutoffC", Format.key("cutoffC"));
    assertEquals("\"a\\nb\"", Format.key("a\nb"));
    assertTrue(Format.key("x".repeat(300)).length() < 70);
    assertTrue(Format.value(TextNode.valueOf("y".repeat(300))).length() < 70);
  }

  @Test
  void theClosestNameForgivesCaseSeparatorsAndSmallTypos() {
    List<String> known = List.of("cutoffC", "maxHeatS", "leaseS");
    assertEquals(Optional.of("cutoffC"), ClosestName.to("cutoff_c", known));
    assertEquals(Optional.of("cutoffC"), ClosestName.to("cutofC", known));
    assertEquals(Optional.of("maxHeatS"), ClosestName.to("MaxHeatS", known));
    assertEquals(Optional.empty(), ClosestName.to("colour", known));
  }

  @Test
  void parserMessagesAreCleanedOfParserInternals() {
    assertEquals(
        "NaN and Infinity are not numbers here; write a finite number",
        SyntaxError.clean(
            "Non-standard token 'NaN': enable `JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS` to allow"));
    assertEquals(
        "Unexpected end-of-input: expected close marker for Array",
        SyntaxError.clean(
            "Unexpected end-of-input: expected close marker for Array (start marker at [Source: REDACTED"
                + " (`StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION` disabled); line: 1, column: 1])"));
    assertEquals(
        "while parsing a block mapping; expected <block end>, but found '<block mapping start>'",
        SyntaxError.clean(
            "while parsing a block mapping\n in 'reader', line 1, column 1:\n    a:\n    ^\n"
                + "expected <block end>, but found '<block mapping start>'\n in 'reader', line 3, column 2:\n     c: 2\n     ^\n"));
    assertEquals(
        "Expected a field name, got this instead: a list or mapping",
        SyntaxError.clean(
            "Expected a field name (Scalar value in YAML), got this instead:"
                + " <org.yaml.snakeyaml.events.SequenceStartEvent(anchor=null, tag=null, implicit=true)>"));
    assertEquals(
        "the text could not be parsed",
        SyntaxError.clean("Some com.fasterxml.jackson.Thing failed"));
  }
}
