package com.smarttoaster.remote;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttClientException;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;

/**
 * A plain Paho MQTT 5 client for tests: Home Assistant or any MQTT tool on the other end. Records
 * what it receives, and whether it was disconnected (and why).
 */
final class TestClient implements AutoCloseable {
  /** One received message. */
  record Msg(String topic, String payload, boolean retained, long atNanos) {}

  private final MqttClient client;
  private final MqttConnectionOptions options = new MqttConnectionOptions();
  private final List<Msg> received = new CopyOnWriteArrayList<>();
  private final List<String> disconnects = new CopyOnWriteArrayList<>();

  TestClient(String url, String clientId) throws MqttException {
    client = new MqttClient(url, clientId, new MemoryPersistence());
    options.setCleanStart(true);
    options.setConnectionTimeout(5);
    options.setReceiveMaximum(2000);
    client.setCallback(
        new MqttCallback() {
          @Override
          public void disconnected(MqttDisconnectResponse response) {
            disconnects.add(String.valueOf(response));
          }

          @Override
          public void mqttErrorOccurred(MqttException exception) {}

          @Override
          public void messageArrived(String topic, MqttMessage m) {
            received.add(
                new Msg(
                    topic,
                    new String(m.getPayload(), StandardCharsets.UTF_8),
                    m.isRetained(),
                    System.nanoTime()));
          }

          @Override
          public void deliveryComplete(IMqttToken token) {}

          @Override
          public void connectComplete(boolean reconnect, String serverUri) {}

          @Override
          public void authPacketArrived(int reasonCode, MqttProperties properties) {}
        });
  }

  TestClient login(String user, String password) {
    options.setUserName(user);
    options.setPassword(password.getBytes(StandardCharsets.UTF_8));
    return this;
  }

  TestClient tls(javax.net.SocketFactory factory) {
    options.setSocketFactory(factory);
    return this;
  }

  TestClient connect() throws MqttException {
    client.connect(options);
    return this;
  }

  TestClient subscribe(String filter) throws MqttException {
    client.subscribe(filter, 1);
    return this;
  }

  /**
   * Subscribes; true when the broker granted it (false for a reason code of 0x80 or more, as an ACL
   * denial may answer).
   */
  boolean trySubscribe(String filter) throws MqttException {
    IMqttToken t = client.subscribe(new MqttSubscription[] {new MqttSubscription(filter, 1)});
    int[] codes = t.getReasonCodes();
    return codes.length > 0 && codes[0] < 0x80;
  }

  void publish(String topic, String payload, boolean retained) throws MqttException {
    publish(topic, payload.getBytes(StandardCharsets.UTF_8), retained);
  }

  void publish(String topic, byte[] payload, boolean retained) throws MqttException {
    for (int attempt = 0; ; attempt++) {
      try {
        client.publish(topic, payload, 1, retained);
        return;
      } catch (MqttException e) {
        // Paho 1.2.5 completes a QoS 1 publish a moment before it frees its in-flight slot, so
        // back-to-back publishes can briefly exceed the broker's Receive Maximum.
        if (e.getReasonCode() != MqttClientException.REASON_CODE_MAX_INFLIGHT || attempt >= 1000) {
          throw e;
        }
        try {
          Thread.sleep(1);
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          throw e;
        }
      }
    }
  }

  /** QoS 0, no wait for an acknowledgement: as fast as the socket takes them (floods). */
  void publishFast(String topic, byte[] payload) throws MqttException {
    client.publish(topic, payload, 0, false);
  }

  /** Publishes with a Message Expiry Interval, s. */
  void publishExpiring(String topic, String payload, long expiryS) throws MqttException {
    MqttProperties p = new MqttProperties();
    p.setMessageExpiryInterval(expiryS);
    client.publish(topic, new MqttMessage(payload.getBytes(StandardCharsets.UTF_8), 1, false, p));
  }

  List<Msg> received() {
    return new ArrayList<>(received);
  }

  List<Msg> on(String topic) {
    return received.stream().filter(m -> m.topic().equals(topic)).toList();
  }

  boolean has(String topic, Predicate<String> payload) {
    return received.stream().anyMatch(m -> m.topic().equals(topic) && payload.test(m.payload()));
  }

  void clear() {
    received.clear();
  }

  boolean isConnected() {
    return client.isConnected();
  }

  /**
   * Why the connection ended, each time it did (the broker's reason, e.g. a session taken over).
   */
  List<String> disconnects() {
    return List.copyOf(disconnects);
  }

  /** Drops the connection without DISCONNECT, as a crash would: the broker publishes the will. */
  void disconnectForcibly() throws MqttException {
    client.disconnectForcibly(0, 100, false);
  }

  @Override
  public void close() {
    try {
      if (client.isConnected()) {
        client.disconnect(500);
      }
    } catch (MqttException e) {
      // closing anyway
    }
    try {
      client.close();
    } catch (MqttException e) {
      // closing anyway
    }
  }
}
