package com.smarttoaster.remote;

import static com.smarttoaster.remote.Eventually.await;
import static com.smarttoaster.remote.RemoteFixture.event;
import static com.smarttoaster.remote.RemoteFixture.hasEvent;
import static com.smarttoaster.remote.RemoteFixture.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.smarttoaster.history.InMemoryCycleHistory;
import com.smarttoaster.history.InMemoryEventOutbox;
import com.smarttoaster.monitoring.HealthThresholds;
import com.smarttoaster.monitoring.ModelHealth;
import com.smarttoaster.testkit.SimToaster;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The model's rolling figures over a real broker (a plain Mosquitto on loopback): Home Assistant
 * discovery lists the monitoring sensors on the retained monitor topic, each ended cycle updates
 * it, a threshold crossing is a model-health event naming what crossed what, and a refused model is
 * a model-refused event.
 */
class ModelMonitoringOverMqttTest extends PlainMosquittoTest {
  @Test
  void theFiguresArePublishedForHomeAssistantAndACrossingIsAModelHealthEvent() throws Exception {
    TestClient ha = keep(new TestClient(broker.url(), "ha-" + id)).connect();
    ha.subscribe(topics.base() + "/#");
    ha.subscribe(topics.discovery());
    MqttRemote remote = oneFallbackCycle();

    await(
        () ->
            !ha.on(topics.discovery()).isEmpty()
                && !ha.on(topics.monitor()).isEmpty()
                && hasEvent(ha, topics, "model-health"),
        () -> "discovery, monitor and model-health: " + ha.received());
    JsonNode c = json(ha.on(topics.discovery()).get(0).payload()).get("cmps");
    for (String key :
        List.of(
            "model_fallback_rate",
            "model_out_of_envelope_rate",
            "model_unhappy_ratings",
            "model_input_drift",
            "model_version",
            "model_candidate",
            "model_health")) {
      assertEquals(topics.monitor(), c.get(key).get("state_topic").asText(), key);
      assertEquals("diagnostic", c.get(key).get("entity_category").asText(), key);
    }
    assertTrue(c.get("events").get("event_types").toString().contains("model-health"));
    assertTrue(c.get("events").get("event_types").toString().contains("model-refused"));

    JsonNode figures =
        json(ha.on(topics.monitor()).get(ha.on(topics.monitor()).size() - 1).payload());
    assertEquals(1, figures.get("cycles").asInt());
    assertEquals(
        1.0, figures.get("fallbackRate").asDouble(), "the model declined: the table answered");
    assertEquals(1, figures.get("problems").size(), figures.toString());
    JsonNode health = event(ha, topics, "model-health");
    assertEquals(
        "fallback rate 100.0 % over the last 1 cycles is above the 0.0 % of model.health.maxFallbackRate",
        health.get("reason").asText());

    remote.reportModelRefused(
        "model 2027.01.10.080000-x refused: signature does not verify; the factory model runs"
            + " instead");
    assertTrue(remote.drain(Eventually.NETWORK));
    await(() -> hasEvent(ha, topics, "model-refused"), () -> "model-refused: " + ha.received());
    assertTrue(
        event(ha, topics, "model-refused")
            .get("reason")
            .asText()
            .startsWith("model 2027.01.10.080000-x" + " refused: "));
  }

  @Test
  void theLatestFiguresAreSentAgainAfterAReconnect() throws Exception {
    MqttRemote remote = oneFallbackCycle();
    TestClient before =
        keep(new TestClient(broker.url(), "ha-" + id)).connect().subscribe(topics.monitor());
    await(
        () -> !before.on(topics.monitor()).isEmpty(),
        () -> "the figures, retained: " + before.received());
    before.close();

    broker.stop(); // a plain broker without persistence: its retained messages are gone with it
    broker.start();
    assertTrue(remote.awaitConnected(Eventually.NETWORK), "the toaster reconnects");
    TestClient after =
        keep(new TestClient(broker.url(), "ha2-" + id)).connect().subscribe(topics.monitor());
    await(
        () -> !after.on(topics.monitor()).isEmpty(),
        () -> "the figures again after the reconnect: " + after.received());
    assertEquals(1, json(after.on(topics.monitor()).get(0).payload()).get("cycles").asInt());
  }

  /**
   * A connected toaster whose model declines every input, so every cycle falls back, watched with a
   * 0 % fallback limit judged from the first cycle; one cycle run to its end and sent.
   */
  private MqttRemote oneFallbackCycle() throws Exception {
    MqttRemote remote =
        keep(
            RemoteFixture.remote(
                RemoteFixture.transport(broker.url(), id),
                id,
                new InMemoryCycleHistory(100),
                new InMemoryEventOutbox(1000),
                2,
                10));
    assertTrue(remote.awaitConnected(Eventually.NETWORK));
    remote.watchModelHealth(
        new ModelHealth(new HealthThresholds(5, 1, 0.0, 0.0, 10, 1.0), () -> null));
    SimToaster toaster =
        keep(
            new SimToaster(
                com.smarttoaster.hal.sim.ApplianceConditions.typical(),
                SimToaster.WHITE_4,
                com.smarttoaster.safety.SafetyLimits.defaults(),
                1,
                remote,
                false,
                table ->
                    new com.smarttoaster.predict.UnavailableModelPredictor(
                        "no model installed: test")));
    toaster.lever().runUntil("done", 400);
    toaster.run(1);
    assertTrue(remote.drain(Eventually.NETWORK));
    return remote;
  }
}
