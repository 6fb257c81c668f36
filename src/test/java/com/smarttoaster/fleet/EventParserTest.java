package com.smarttoaster.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.smarttoaster.fleet.collect.EventParser;
import com.smarttoaster.fleet.store.CheckerVerdict;
import com.smarttoaster.fleet.store.FieldEvent;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** What the collector stores of an event, and the one-line refusals of what it cannot store. */
class EventParserTest {
  private static FieldEvent parse(String topic, String json) {
    return EventParser.parse(topic, json.getBytes(StandardCharsets.UTF_8));
  }

  private static String refusal(String topic, String json) {
    return assertThrows(IllegalArgumentException.class, () -> parse(topic, json)).getMessage();
  }

  @Test
  void aDoneEventGivesItsKeyModelAndWhetherTheCheckerOverruledTheModel() {
    FieldEvent e =
        parse(
            "toaster/kitchen/event",
            "{\"event_type\":\"done\",\"run\":\"ab-12\",\"seq\":7,"
                + "\"device\":\"kitchen\",\"at\":\"2026-12-04T10:00:00Z\",\"cycle\":{\"cycleId\":\"c1\",\"predictor\":"
                + "\"fallback\",\"fallbackReason\":\"model said 140.0 s, the non-ML estimate 100.0 s; they differ by 40 %\","
                + "\"modelVersion\":\"2026.12.05\"}}");
    assertEquals(
        new FieldEvent(
            "kitchen",
            "ab-12",
            7,
            "done",
            "2026-12-04T10:00:00Z",
            "c1",
            "2026.12.05",
            "fallback",
            null,
            CheckerVerdict.DISAGREED,
            e.payload()),
        e);
  }

  @Test
  void theTopicNamesTheDeviceAndAPayloadThatNamesAnotherIsRefused() {
    assertEquals(
        "event on toaster/kitchen/event: device 'hall' is not the topic's device",
        refusal(
            "toaster/kitchen/event",
            "{\"event_type\":\"done\",\"run\":\"r\",\"seq\":1,\"device\":\"hall\","
                + "\"at\":\"t\"}"));
  }

  @Test
  void malformedEventsAreRefusedNamingTheField() {
    assertEquals(
        "topic 'toaster/kitchen/state' is not toaster/<device id>/event",
        refusal("toaster/kitchen/state", "{}"));
    assertEquals("event from kitchen is not JSON", refusal("toaster/kitchen/event", "{"));
    assertEquals(
        "event from kitchen: field 'run' is missing",
        refusal("toaster/kitchen/event", "{\"seq\":1}"));
    assertEquals(
        "event from kitchen: seq -3 is not a whole number ≥ 1",
        refusal("toaster/kitchen/event", "{\"run\":\"r\",\"seq\":-3}"));
    assertEquals(
        "event from kitchen: seq 1.5 is not a whole number ≥ 1",
        refusal("toaster/kitchen/event", "{\"run\":\"r\",\"seq\":1.5}"));
    assertEquals(
        "event from kitchen: run 'a b' is not 1-64 of A-Z a-z 0-9 -",
        refusal("toaster/kitchen/event", "{\"run\":\"a b\",\"seq\":1}"));
  }
}
