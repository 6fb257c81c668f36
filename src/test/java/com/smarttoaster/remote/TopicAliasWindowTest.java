package com.smarttoaster.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Paho 1.2.5 gives a topic its MQTT 5 topic alias before it checks the broker's Receive Maximum
 * (ClientState.send; paho.mqtt.java issues #510 and #1104). A first publish to a topic refused for
 * a full in-flight window therefore leaves an alias the broker never saw, and the next publish to
 * that topic goes out as the bare alias: Mosquitto drops the connection with reason code 130
 * (protocol error). This is the disconnect seen once in CI. The transport must never let Paho
 * refuse a publish.
 *
 * <p>A broker with a window of two (and room for a hundred aliases) makes the refusal likely: each
 * new topic's first publish waits behind a small flood that fills the window. Before the fix every
 * one of four runs lost a connection this way; after it, none.
 */
@Tag("network")
class TopicAliasWindowTest {
  private static final int CONNECTIONS = 3;
  private static final int NEW_TOPICS = 60;
  private static final int FLOOD = 5;

  private final List<AutoCloseable> open = new ArrayList<>();

  @AfterEach
  void close() throws Exception {
    for (int i = open.size() - 1; i >= 0; i--) {
      open.get(i).close();
    }
  }

  @Test
  void newTopicsBehindAFullWindowNeverCostTheConnection() throws Exception {
    PlainMosquitto broker =
        keep(new PlainMosquitto(List.of("max_inflight_messages 2", "max_topic_alias 100")));
    for (int c = 0; c < CONNECTIONS; c++) {
      String id = RemoteFixture.newDeviceId();
      TestClient listener = keep(new TestClient(broker.url(), "listener-" + id).connect());
      listener.subscribe("burst/" + id + "/#");
      List<String> lost = new CopyOnWriteArrayList<>();
      MqttTransport transport = keep(connected(RemoteFixture.transport(broker.url(), id), lost));

      List<CompletableFuture<Void>> sent = new ArrayList<>();
      for (int t = 1; t <= NEW_TOPICS; t++) {
        for (int i = 0; i < FLOOD; i++) {
          sent.add(transport.publish("burst/" + id + "/flood", bytes("f" + i), 1, false));
        }
        sent.add(transport.publish("burst/" + id + "/t" + t, bytes("first"), 1, false));
        sent.add(transport.publish("burst/" + id + "/t" + t, bytes("second"), 1, false));
      }
      CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).get(20, TimeUnit.SECONDS);

      assertEquals(List.of(), lost, "connection " + c + " lost");
      int n = c;
      Eventually.await(
          () -> listener.received().size() == sent.size(),
          () -> "connection " + n + ": " + listener.received().size() + " of " + sent.size());
    }
  }

  private static MqttTransport connected(MqttTransport transport, List<String> lost)
      throws InterruptedException {
    CountDownLatch connected = new CountDownLatch(1);
    transport.start(
        new MqttTransport.Listener() {
          @Override
          public void onConnected(boolean reconnect) {
            connected.countDown();
          }

          @Override
          public void onConnectionLost(String reason) {
            lost.add(reason);
          }

          @Override
          public void onMessage(String topic, byte[] payload, int qos, boolean retained) {}
        });
    assertTrue(connected.await(10, TimeUnit.SECONDS), "connected");
    return transport;
  }

  private <T extends AutoCloseable> T keep(T c) {
    open.add(c);
    return c;
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
