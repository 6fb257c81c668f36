package com.smarttoaster.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.smarttoaster.remote.MosquittoBroker;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped ACL's fleet entries on the shipped broker: the collectors read events and write
 * nothing, the rollout tool writes offers and bundle parts and no command, a toaster reads only its
 * own offer and cannot write any. Each forbidden publish is followed, from Home Assistant (which
 * reads everything), by a marker; once the marker is in, the forbidden message would have been too.
 */
class FleetAclTest {
  @TempDir Path dir;
  private final List<Client> open = new ArrayList<>();
  private MosquittoBroker broker;

  @AfterEach
  void close() throws Exception {
    for (Client c : open) {
      c.close();
    }
    if (broker != null) {
      broker.close();
    }
  }

  @Test
  void fleetUsersCanDoTheirJobAndNothingThatReachesAToaster() throws Exception {
    MosquittoBroker.assumeInstalled();
    broker =
        new MosquittoBroker(dir, List.of("fleet-collector-1", "fleet-rollout", "t000", "t001"));
    Client ha = login("homeassistant");
    ha.client.subscribe("#", 1);
    Client t000 = login("t000");
    t000.client.subscribe("fleet/offer/t000", 1);
    t000.client.subscribe("fleet/bundle/#", 1);
    Client collector = login("fleet-collector-1");
    collector.client.subscribe("$share/fleet/toaster/+/event", 1);
    collector.client.subscribe("toaster/+/state", 1); // not in its ACL: nothing may arrive
    Client rollout = login("fleet-rollout");
    Client t001 = login("t001");

    // What each may do.
    t000.publish("toaster/t000/event", "{\"event_type\":\"done\"}");
    rollout.publish("fleet/offer/t000", "{\"offer\":1}");
    rollout.publish("fleet/bundle/v1/0", "part");
    Awaiting.until(
        Duration.ofSeconds(10),
        () ->
            collector.got("toaster/t000/event")
                && t000.got("fleet/offer/t000")
                && t000.got("fleet/bundle/v1/0"),
        () -> "allowed messages: collector " + collector.topics() + ", t000 " + t000.topics());

    // What none of them may do.
    rollout.publish("toaster/t000/cmd/start", "PRESS");
    rollout.publish("toaster/t000/cmd/cancel", "PRESS");
    collector.publish("toaster/t000/cmd/start", "PRESS");
    collector.publish("fleet/offer/t000", "{\"offer\":2}");
    t001.publish("fleet/offer/t000", "{\"offer\":3}");
    t001.publish("fleet/offer/t001", "{\"offer\":4}");
    t001.publish("fleet/bundle/v1/0", "forged part");
    t000.publish("toaster/t000/state", "{\"phase\":\"idle\"}");
    ha.publish("marker/done", "x");
    Awaiting.until(
        Duration.ofSeconds(10),
        () -> ha.got("marker/done"),
        () -> "marker not seen: " + ha.topics());

    assertEquals(List.of(), ha.topicsMatching("cmd/"), "no fleet user sent a command");
    assertEquals(
        List.of("fleet/offer/t000"), ha.topicsMatching("fleet/offer/"), "only the rollout's offer");
    assertEquals(List.of("part"), ha.payloadsOn("fleet/bundle/v1/0"), "only the rollout's part");
    assertEquals(
        List.of(), collector.topicsMatching("/state"), "a collector reads events, not state");
  }

  private Client login(String user) throws MqttException {
    Client c =
        new Client(
            new FleetLogin(broker.tlsUrl(), user, MosquittoBroker.password(user), broker.ca()));
    open.add(c);
    return c;
  }

  private static final class Client implements AutoCloseable {
    final MqttClient client;
    final List<String[]> received = new CopyOnWriteArrayList<>();

    Client(FleetLogin login) throws MqttException {
      client = new MqttClient(login.brokerUrl(), login.user(), new MemoryPersistence());
      client.setCallback(
          new MqttCallback() {
            @Override
            public void disconnected(MqttDisconnectResponse r) {}

            @Override
            public void mqttErrorOccurred(MqttException e) {}

            @Override
            public void messageArrived(String topic, MqttMessage m) {
              received.add(
                  new String[] {topic, new String(m.getPayload(), StandardCharsets.UTF_8)});
            }

            @Override
            public void deliveryComplete(IMqttToken token) {}

            @Override
            public void connectComplete(boolean reconnect, String serverUri) {}

            @Override
            public void authPacketArrived(int reasonCode, MqttProperties properties) {}
          });
      client.connect(login.options(true, 0));
    }

    /** QoS 1; a refusal by the broker (MQTT 5 reason code) is as good as silence here. */
    void publish(String topic, String payload) {
      try {
        client.publish(topic, payload.getBytes(StandardCharsets.UTF_8), 1, false);
      } catch (MqttException e) {
        // not authorised: the broker said so instead of dropping it silently
      }
    }

    boolean got(String topic) {
      return received.stream().anyMatch(r -> r[0].equals(topic));
    }

    List<String> topics() {
      return received.stream().map(r -> r[0]).toList();
    }

    List<String> topicsMatching(String part) {
      return received.stream().map(r -> r[0]).filter(t -> t.contains(part)).toList();
    }

    List<String> payloadsOn(String topic) {
      return received.stream().filter(r -> r[0].equals(topic)).map(r -> r[1]).toList();
    }

    @Override
    public void close() throws MqttException {
      if (client.isConnected()) {
        client.disconnectForcibly(0, 1000);
      }
      client.close();
    }
  }
}
