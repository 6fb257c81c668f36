package com.smarttoaster.remote;

import static com.smarttoaster.remote.RemoteFixture.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.smarttoaster.control.CyclePhase;
import com.smarttoaster.history.InMemoryCycleHistory;
import com.smarttoaster.history.InMemoryEventOutbox;
import com.smarttoaster.testkit.SimToaster;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Commands by priority, in simulated time (no broker: {@link FakeTransport} hands messages over as
 * Paho's thread would): a cancel behind a flood acts on the next controller tick; the flood is one
 * rejected event per window, with the count.
 */
class CommandIntakeTest {
  private final String id = RemoteFixture.newDeviceId();
  private final Topics topics = new Topics(id, "homeassistant");
  private final FakeTransport transport = new FakeTransport();
  private final MqttRemote remote =
      RemoteFixture.remote(
          transport, id, new InMemoryCycleHistory(10), new InMemoryEventOutbox(10_000), 2, 10);
  private final SimToaster toaster = new SimToaster(remote, false);

  @AfterEach
  void close() {
    toaster.close();
    remote.close();
  }

  private List<JsonNode> events() throws InterruptedException {
    assertTrue(remote.drain(Duration.ofSeconds(5)));
    return transport.on(topics.event()).stream().map(p -> json(p.payload())).toList();
  }

  @Test
  void aCancelBehindAFloodOfAThousandCommandsStopsHeatOnTheNextTick() throws Exception {
    toaster.run(0.5).lever().run(5);
    assertTrue(toaster.appliance.isHeatFlowing());
    for (int i = 0; i < 1000; i++) {
      transport.deliver(topics.command("shade"), "1", false);
    }
    transport.deliver(topics.command("cancel"), "PRESS", false);
    // Simulated time from the cancel's arrival until heat stops: the controller's next tick
    // (50 ms at most) stops the cycle, the supervisor's next tick switches the heater off.
    int stepsMs = 0;
    int cancelledAtMs = -1;
    while (toaster.appliance.isHeatFlowing() && stepsMs < 1000) {
      toaster.run(0.01);
      stepsMs += 10;
      if (cancelledAtMs < 0 && toaster.controller.snapshot().phase() == CyclePhase.CANCELLED) {
        cancelledAtMs = stepsMs;
      }
    }
    assertEquals(CyclePhase.CANCELLED, toaster.controller.snapshot().phase());
    assertTrue(
        cancelledAtMs > 0 && cancelledAtMs <= 50,
        "the controller's next tick (every 50 ms) acted on it: " + cancelledAtMs + " ms");
    assertFalse(toaster.appliance.isHeatFlowing());
    assertTrue(
        stepsMs <= 100,
        "heat stopped "
            + stepsMs
            + " ms (simulated) after the cancel arrived, within two"
            + " 50 ms ticks");
    assertEquals(
        990, remote.droppedCommands(), "the bucket took 10 of the flood, the cancel took none");
  }

  @Test
  void aFloodIsOneRejectedEventPerWindowWithTheCount() throws Exception {
    toaster.run(0.5);
    for (int i = 0; i < 500; i++) {
      transport.deliver(topics.command("bread"), "rye", false);
    }
    toaster.run(5);
    assertTrue(events().isEmpty(), "nothing before the window has passed: " + events());
    toaster.run(5.1);
    for (int i = 0; i < 300; i++) {
      transport.deliver(topics.command("bread"), "rye", false);
    }
    toaster.run(10.1);
    List<JsonNode> events = events();
    assertEquals(2, events.size(), "one event per 10 s window: " + events);
    assertTrue(
        events.get(0).get("reason").asText().startsWith("rate limit: 490 commands dropped in 10 s"),
        events.get(0).toString());
    // 10.1 s later the bucket had refilled to its 10 again.
    assertTrue(
        events.get(1).get("reason").asText().startsWith("rate limit: 290 commands dropped in 10 s"),
        events.get(1).toString());
    assertTrue(events.get(0).get("reason").asText().contains("cancel is never dropped"));
  }

  @Test
  void cancelIsNeverRateLimitedAndTheRestShareTheBucket() throws Exception {
    toaster.run(0.5);
    for (int i = 0; i < 50; i++) {
      transport.deliver(topics.command("cancel"), "", false);
    }
    assertEquals(0, remote.droppedCommands());
    for (int i = 0; i < 11; i++) {
      transport.deliver(topics.command(i % 2 == 0 ? "shade" : "nonsense"), "3", false);
    }
    assertEquals(1, remote.droppedCommands(), "valid and invalid commands share the burst of 10");
  }

  @Test
  void anIdleToasterWhoseReadingWandersPublishesAtMostOneStateAMinute() throws Exception {
    toaster.appliance.thermocouple().setExtraNoise(0.6); // a reading that wanders by a degree or so
    toaster.run(1);
    // Counted where states are handed to the publisher: in simulated time faster than the worker
    // publishes, the publisher's latest-wins would merge some.
    List<Double> readings = new java.util.concurrent.CopyOnWriteArrayList<>();
    remote.probe(
        (device, payload, at) ->
            readings.add(
                json(new String(payload, java.nio.charset.StandardCharsets.UTF_8))
                    .get("chamberC")
                    .asDouble()));
    toaster.run(600);
    int published = readings.size();
    assertTrue(
        published <= 10, published + " states in 10 idle minutes, heartbeat included: " + readings);
    assertTrue(published >= 9, "the heartbeat still comes every minute: " + published);
  }
}
