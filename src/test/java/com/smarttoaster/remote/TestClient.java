package com.smarttoaster.remote;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/** A plain Paho client for tests: Home Assistant or any MQTT tool on the other end. Records what it receives. */
final class TestClient implements AutoCloseable {
  /** One received message. */
  record Msg(String topic, String payload, boolean retained, long atNanos) {}

  private final MqttClient client;
  private final MqttConnectOptions options = new MqttConnectOptions();
  private final List<Msg> received = new CopyOnWriteArrayList<>();

  TestClient(String url, String clientId) throws MqttException {
    client = new MqttClient(url, clientId, new MemoryPersistence());
    options.setCleanSession(true);
    options.setConnectionTimeout(5);
    options.setMaxInflight(2000);
    client.setCallback(new org.eclipse.paho.client.mqttv3.MqttCallback() {
      @Override
      public void connectionLost(Throwable cause) {}

      @Override
      public void messageArrived(String topic, MqttMessage m) {
        received.add(new Msg(topic, new String(m.getPayload(), StandardCharsets.UTF_8), m.isRetained(),
            System.nanoTime()));
      }

      @Override
      public void deliveryComplete(org.eclipse.paho.client.mqttv3.IMqttDeliveryToken token) {}
    });
  }

  TestClient login(String user, String password) {
    options.setUserName(user);
    options.setPassword(password.toCharArray());
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

  /** Subscribes; true when the broker granted it (false for 0x80, as an ACL denial may answer). */
  boolean trySubscribe(String filter) throws MqttException {
    int[] granted = client.subscribeWithResponse(filter, 1).getGrantedQos();
    return granted.length > 0 && granted[0] != 0x80;
  }

  void publish(String topic, String payload, boolean retained) throws MqttException {
    publish(topic, payload.getBytes(StandardCharsets.UTF_8), retained);
  }

  void publish(String topic, byte[] payload, boolean retained) throws MqttException {
    client.publish(topic, payload, 1, retained);
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
      client.close(true);
    } catch (MqttException e) {
      // closing anyway
    }
  }
}
