package com.smarttoaster.remote;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.smarttoaster.history.CycleHistory;
import com.smarttoaster.history.EventOutbox;
import com.smarttoaster.history.InMemoryCycleHistory;
import com.smarttoaster.history.InMemoryEventOutbox;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** Builds bridges and reads their messages in tests. */
final class RemoteFixture {
  static final ObjectMapper JSON = new ObjectMapper();
  private static final AtomicInteger IDS = new AtomicInteger();

  private RemoteFixture() {}

  /** A device id no other test uses (retained messages stay on a shared broker). */
  static String newDeviceId() {
    return "t" + ProcessHandle.current().pid() % 10000 + "-" + IDS.incrementAndGet();
  }

  static MqttTransport transport(String url, String deviceId) {
    Topics t = new Topics(deviceId, "homeassistant");
    return new PahoTransport(
        new PahoTransport.Settings(
            url,
            "toaster-" + deviceId,
            null,
            null,
            null,
            15,
            2,
            t.status(),
            EventPublisher.OFFLINE));
  }

  static MqttRemote remote(
      MqttTransport transport,
      String deviceId,
      CycleHistory history,
      EventOutbox outbox,
      double ratePerS,
      int burst) {
    return RemoteFactory.create(
        new MqttRemote.Options(deviceId, "homeassistant", ratePerS, burst, 60),
        transport,
        history,
        outbox,
        List.of());
  }

  static MqttRemote remote(String url, String deviceId) {
    return remote(
        transport(url, deviceId),
        deviceId,
        new InMemoryCycleHistory(100),
        new InMemoryEventOutbox(1000),
        2,
        10);
  }

  static JsonNode json(String payload) {
    try {
      return JSON.readTree(payload);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The events a client received from one toaster, parsed, in arrival order. */
  static List<JsonNode> events(TestClient client, Topics topics) {
    return client.on(topics.event()).stream().map(m -> json(m.payload())).toList();
  }

  static boolean hasEvent(TestClient client, Topics topics, String type) {
    return events(client, topics).stream().anyMatch(e -> e.get("event_type").asText().equals(type));
  }

  static JsonNode event(TestClient client, Topics topics, String type) {
    return events(client, topics).stream()
        .filter(e -> e.get("event_type").asText().equals(type))
        .findFirst()
        .orElseThrow(
            () -> new AssertionError("no " + type + " event among " + client.on(topics.event())));
  }

  /** The last state a client received, parsed; null when none. */
  static JsonNode lastState(TestClient client, Topics topics) {
    List<TestClient.Msg> s = client.on(topics.state());
    return s.isEmpty() ? null : json(s.get(s.size() - 1).payload());
  }
}
