package com.smarttoaster.remote;

import static com.smarttoaster.remote.Eventually.await;
import static com.smarttoaster.remote.RemoteFixture.event;
import static com.smarttoaster.remote.RemoteFixture.events;
import static com.smarttoaster.remote.RemoteFixture.hasEvent;
import static com.smarttoaster.remote.RemoteFixture.json;
import static com.smarttoaster.remote.RemoteFixture.lastState;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.smarttoaster.hal.UserEvent;
import com.smarttoaster.history.InMemoryCycleHistory;
import com.smarttoaster.history.InMemoryEventOutbox;
import com.smarttoaster.history.Rating;
import com.smarttoaster.testkit.SimToaster;
import com.smarttoaster.toast.BreadType;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Ratings and taste over a real broker (a plain Mosquitto on loopback) with the simulated
 * appliance: the rating desk's rules reach Home Assistant as events and state.
 */
class RatingsOverMqttTest extends PlainMosquittoTest {
  private MqttRemote connectedRemote(InMemoryCycleHistory history) throws Exception {
    MqttRemote r =
        keep(
            RemoteFixture.remote(
                RemoteFixture.transport(broker.url(), id),
                id,
                history,
                new InMemoryEventOutbox(1000),
                20,
                20));
    assertTrue(r.awaitConnected(Eventually.NETWORK), "the bridge connects to the broker");
    return r;
  }

  private List<JsonNode> rated(TestClient ha) {
    return events(ha, topics).stream()
        .filter(e -> e.get("event_type").asText().equals("rated"))
        .toList();
  }

  @Test
  void aSecondRatingWithinTheWindowIsAnAnnouncedChangeNotASilentOverwrite() throws Exception {
    InMemoryCycleHistory history = new InMemoryCycleHistory(10);
    MqttRemote remote = connectedRemote(history);
    SimToaster toaster = keep(new SimToaster(remote, false)).run(0.5);
    TestClient ha = homeAssistant();

    toaster.lever().runUntil("toasting", 5).runUntil("done", 300).run(1);
    await(
        () ->
            lastState(ha, topics) != null && lastState(ha, topics).get("ratingInvited").asBoolean(),
        () -> "a finished cycle invites a rating: " + lastState(ha, topics));

    ha.publish(topics.command(Topics.FEEDBACK), "too-light", false);
    await(() -> rated(ha).size() == 1, () -> "rated: " + ha.on(topics.event()));
    ha.publish(topics.command(Topics.FEEDBACK), "just-right", false);
    await(() -> rated(ha).size() == 2, () -> "changed: " + ha.on(topics.event()));

    JsonNode change = rated(ha).get(1);
    assertEquals("just-right", change.get("rating").asText());
    assertEquals("changed from too-light", change.get("reason").asText());
    assertEquals(
        history.last().orElseThrow().cycleId(), change.get("cycle").get("cycleId").asText());
    assertEquals(Rating.JUST_RIGHT, history.last().orElseThrow().rating());
    toaster.run(0.2);
    await(
        () -> "just-right".equals(lastState(ha, topics).path("rating").asText(null)),
        () -> "the state shows the rating: " + lastState(ha, topics));
  }

  @Test
  void aCancelledCycleIsNotRatedAndTheRejectionSaysWhy() throws Exception {
    InMemoryCycleHistory history = new InMemoryCycleHistory(10);
    MqttRemote remote = connectedRemote(history);
    SimToaster toaster = keep(new SimToaster(remote, false)).run(0.5);
    TestClient ha = homeAssistant();

    toaster
        .lever()
        .runUntil("toasting", 5)
        .run(5)
        .press(new UserEvent.CancelPressed())
        .runUntil("cancelled", 5)
        .run(1);
    ha.publish(topics.command(Topics.FEEDBACK), "too-light", false);

    await(() -> hasEvent(ha, topics, "rejected"), () -> "rejected: " + ha.on(topics.event()));
    JsonNode rejected = event(ha, topics, "rejected");
    assertEquals(Topics.FEEDBACK, rejected.get("command").asText());
    assertTrue(
        rejected
            .get("reason")
            .asText()
            .startsWith(
                "the last cycle was cancelled; only a cycle that ran to its" + " end can be rated"),
        rejected.toString());
    assertFalse(hasEvent(ha, topics, "rated"));
    await(() -> history.last().isPresent(), () -> "recorded");
    assertEquals(null, history.last().orElseThrow().rating());
  }

  @Test
  void threeTooLightRatingsShowAsATasteOffsetThatTasteResetForgets() throws Exception {
    MqttRemote remote = connectedRemote(new InMemoryCycleHistory(10));
    SimToaster toaster = keep(new SimToaster(remote, false)).run(0.5);
    TestClient ha = homeAssistant();

    for (int i = 1; i <= 3; i++) {
      toaster.appliance.loadFreshBread();
      toaster.lever().runUntil("toasting", 5).runUntil("done", 300).run(1);
      ha.publish(topics.command(Topics.FEEDBACK), "too-light", false);
      int n = i;
      await(() -> rated(ha).size() == n, () -> "rated " + n + ": " + ha.on(topics.event()));
      toaster.run(30);
    }
    await(
        () -> lastState(ha, topics).get("tasteOffset").asInt() == 1,
        () -> "the state shows the offset for the selected bread: " + lastState(ha, topics));
    assertEquals(1, lastState(ha, topics).get("taste").get(BreadType.WHITE.id()).asInt());

    ha.publish(topics.command(Topics.TASTE_RESET), "PRESS", false);
    await(
        () -> toaster.run(0.1) != null && lastState(ha, topics).get("tasteOffset").asInt() == 0,
        () -> "taste-reset forgets it: " + lastState(ha, topics));
    assertEquals(0, lastState(ha, topics).get("taste").size());
  }

  @Test
  void homeAssistantDiscoversTheRatingEntities() throws Exception {
    MqttRemote remote = connectedRemote(new InMemoryCycleHistory(10));
    keep(new SimToaster(remote, false)).run(0.2);
    TestClient ha = homeAssistant();
    await(() -> !ha.on(topics.discovery()).isEmpty(), () -> "discovery");
    JsonNode c = json(ha.on(topics.discovery()).get(0).payload()).get("cmps");

    assertEquals("binary_sensor", c.get("rating_invited").get("p").asText());
    assertEquals(
        "{{ 'ON' if value_json.ratingInvited else 'OFF' }}",
        c.get("rating_invited").get("val_tpl").asText());
    assertEquals("sensor", c.get("taste_offset").get("p").asText());
    assertEquals(
        topics.command(Topics.TASTE_RESET), c.get("taste_reset").get("command_topic").asText());
    assertEquals("PRESS", c.get("taste_reset").get("payload_press").asText());
  }
}
